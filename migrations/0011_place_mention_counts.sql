-- Places keep a count of the mentions that link them, instead of an index of mentions by place (issue 6;
-- figures in BENCHMARKS.md).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.
--
-- mentions_place_only (mentions by place_id) served one thing: deciding whether a place is still mentioned
-- when a source is replaced or deleted (and the ON DELETE SET NULL of mentions.place_id). An article links
-- ~10-40 places, and a new mention goes at the end of its place's run in that index, so every transaction
-- wrote one page of it per place touched, at a random position: at 100k articles that was ~0.3 ms of the
-- writer's time per article, a tenth of it. places.mentions does the same job in a table of a few thousand
-- rows that stays in the page cache. The writer adds an article's counts, one UPDATE per place
-- (StoreWriter.insertMentions: an AFTER INSERT trigger, run once per mention, cost 0.16 ms per article at
-- 100k, half the insert of the mentions themselves); the triggers below take them back when mentions go
-- (a deleted source's mentions go by cascade) or change place.
--
-- mentions.place_id loses its REFERENCES clause: without the index, SQLite would scan every mention to
-- apply ON DELETE SET NULL each time a place is deleted. A place is deleted only when its count is 0
-- (Consolidation.pruneOrphans), so no mention can point to a deleted place. SQLite cannot drop a
-- constraint: the table is rebuilt as in 0009 (same columns, same key, same order on disk).

ALTER TABLE places ADD COLUMN mentions INTEGER NOT NULL DEFAULT 0;
UPDATE places SET mentions = (SELECT count(*) FROM mentions WHERE place_id = places.id);

PRAGMA legacy_alter_table = ON;
CREATE TABLE mentions_rebuilt (
    source_id  INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    idx        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end   INTEGER NOT NULL,
    text       TEXT NOT NULL,
    canonical  TEXT NOT NULL,
    country    TEXT,
    subtype    TEXT,
    sentence   INTEGER NOT NULL,
    rule       TEXT NOT NULL,
    actor_id   INTEGER REFERENCES actors(id) ON DELETE SET NULL,
    place_id   INTEGER,
    PRIMARY KEY (source_id, idx)
) WITHOUT ROWID;
INSERT INTO mentions_rebuilt(source_id, idx, kind, span_start, span_end, text, canonical, country, subtype,
                             sentence, rule, actor_id, place_id)
SELECT source_id, idx, kind, span_start, span_end, text, canonical, country, subtype, sentence, rule, actor_id,
       place_id
FROM mentions ORDER BY source_id, idx;
DROP TABLE mentions;
ALTER TABLE mentions_rebuilt RENAME TO mentions;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX mentions_actor_source ON mentions(actor_id, source_id) WHERE actor_id IS NOT NULL;

CREATE TRIGGER mentions_place_count_ad AFTER DELETE ON mentions WHEN old.place_id IS NOT NULL BEGIN
    UPDATE places SET mentions = mentions - 1 WHERE id = old.place_id;
END;
CREATE TRIGGER mentions_place_count_au AFTER UPDATE OF place_id ON mentions
WHEN old.place_id IS NOT new.place_id BEGIN
    UPDATE places SET mentions = mentions - 1 WHERE id = old.place_id;
    UPDATE places SET mentions = mentions + 1 WHERE id = new.place_id;
END;

INSERT INTO codebook(object, "column", description) VALUES
('places', 'mentions', 'Number of mentions linked to the place (added by the writer, taken back by triggers on mentions); a place whose last mention goes is deleted.');
