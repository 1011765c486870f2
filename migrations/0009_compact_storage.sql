-- Compact storage for import speed and database size (issue 6; figures in BENCHMARKS.md).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.

-- 1. Sentences: one row per source instead of one row per sentence. An article has ~50 sentences; writing
--    them as rows was a fifth of the writer's inserts. `sentences` stays, as a view with the same columns
--    (source_id, idx, span_start, span_end, boilerplate), so queries written against the table still work.
--    `spans` is a JSON array with one [span_start, span_end] pair per sentence, in order, and a third
--    element 1 for a boilerplate sentence: [[0,120],[121,250,1],...].
CREATE TABLE sentence_spans (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    spans     TEXT NOT NULL CHECK (json_valid(spans))
);
INSERT INTO sentence_spans(source_id, spans)
SELECT source_id, json_group_array(CASE boilerplate WHEN 1 THEN json_array(span_start, span_end, 1)
                                                   ELSE json_array(span_start, span_end) END)
FROM (SELECT * FROM sentences ORDER BY source_id, idx)
GROUP BY source_id;
DROP TABLE sentences;
CREATE VIEW sentences AS
SELECT ss.source_id AS source_id, CAST(j.key AS INTEGER) AS idx,
       j.value ->> 0 AS span_start, j.value ->> 1 AS span_end, coalesce(j.value ->> 2, 0) AS boilerplate
FROM sentence_spans ss, json_each(ss.spans) j;

-- 2. Mentions, the most numerous rows (~50 per article), stored by source: a WITHOUT ROWID table keyed by
--    (source_id, idx), idx being the mention's position in its source (0, 1, ...). The key replaces both the
--    rowid and the mentions(source_id) index (one B-tree insert per mention instead of two; the source's
--    mentions are contiguous on disk). mentions.id, which nothing referenced, is gone.
--    mentions(kind, canonical) was the largest index after the FTS index and is read by no view or command:
--    it is not rebuilt. An analyst who searches mentions by name often can add it back:
--    CREATE INDEX mentions_kind_canonical ON mentions(kind, canonical).
--    (legacy_alter_table: the RENAME below must not re-check the views and triggers that read mentions,
--    which refer to the table by name and see the new one once it is renamed.)
PRAGMA legacy_alter_table = ON;
CREATE TABLE mentions_by_source (
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
    place_id   INTEGER REFERENCES places(id) ON DELETE SET NULL,
    PRIMARY KEY (source_id, idx)
) WITHOUT ROWID;
INSERT INTO mentions_by_source(source_id, idx, kind, span_start, span_end, text, canonical, country, subtype,
                               sentence, rule, actor_id, place_id)
SELECT source_id, row_number() OVER (PARTITION BY source_id ORDER BY id) - 1, kind, span_start, span_end, text,
       canonical, country, subtype, sentence, rule, actor_id, place_id
FROM mentions;
DROP TABLE mentions;
ALTER TABLE mentions_by_source RENAME TO mentions;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX mentions_actor_source ON mentions(actor_id, source_id) WHERE actor_id IS NOT NULL;
CREATE INDEX mentions_place_only ON mentions(place_id) WHERE place_id IS NOT NULL;

-- 3. The codebook.
DELETE FROM codebook WHERE object = 'sentences';
DELETE FROM codebook WHERE object = 'mentions' AND "column" = 'id';
INSERT INTO codebook(object, "column", description) VALUES
('sentences', '', 'View: the sentences of each source body, one row per sentence (from sentence_spans).'),
('sentences', 'source_id', 'Source.'),
('sentences', 'idx', 'Sentence index in the body (from 0).'),
('sentences', 'span_start', 'Start offset in sources.body.'),
('sentences', 'span_end', 'End offset in sources.body (exclusive).'),
('sentences', 'boilerplate', '1 for captions, credit lines and agency boilerplate (not used as evidence).'),
('mentions', 'idx', 'Position of the mention in its source (0, 1, ...); (source_id, idx) is the key.'),
('sentence_spans', '', 'Sentence boundaries of each source, one row per source (read them through the sentences view).'),
('sentence_spans', 'source_id', 'Source.'),
('sentence_spans', 'spans', 'JSON array with one [span_start, span_end] pair per sentence, in order; a third element 1 marks a boilerplate sentence.');
