-- Named questions from aggregates kept at import time (issue 6: every question < 50 ms at 100k articles).
-- Instead of aggregating the whole database per query, Consolidation.refresh (Sources/ConflictStore/
-- Consolidation.swift) rewrites the rows of one event whenever its reports change, and
-- Consolidation.attachSource counts each article's actors once. The q_* views keep their names and
-- columns, and give the same rows as the 0004 definitions (which aggregated at query time).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.

-- 1. Figures per event and field (what the 0004 view event_figures computed), one row per event and field.
--    `summary` is the event's short description (q_figure_disagreements).
CREATE TABLE event_figure_summaries (
    event_type      TEXT NOT NULL,
    event_id        INTEGER NOT NULL,
    field           TEXT NOT NULL,
    event_date      TEXT,
    summary         TEXT,
    reports         INTEGER NOT NULL,
    sources         INTEGER NOT NULL,
    distinct_values INTEGER NOT NULL,
    low             INTEGER,
    high            INTEGER,
    disagree        INTEGER NOT NULL,
    figures         TEXT,
    outlets         TEXT,
    PRIMARY KEY (event_type, event_id, field)
) WITHOUT ROWID;
-- The disagreements only (a few percent of the rows), covering q_figure_disagreements in its default order.
CREATE INDEX event_figure_summaries_disagree ON event_figure_summaries(
    event_date, event_type, event_id, field, summary, low, high, distinct_values, sources, figures, outlets)
    WHERE disagree;

INSERT INTO event_figure_summaries(event_type, event_id, field, event_date, summary, reports, sources, distinct_values,
                                   low, high, disagree, figures, outlets)
SELECT f.event_type, f.event_id, f.field, f.event_date,
       CASE f.event_type
           WHEN 'exchange' THEN (SELECT status || ' exchange ' || side_a || '-' || side_b FROM exchanges WHERE id = f.event_id)
           ELSE (SELECT 'attack by ' || coalesce(attacker, '?') || ' on ' || coalesce(target_country, '?') FROM attacks WHERE id = f.event_id)
       END,
       f.reports, f.sources, f.distinct_values, f.low, f.high, f.disagree, f.figures, f.outlets
FROM event_figures f;

DROP VIEW q_figure_disagreements;
DROP VIEW event_figures;

CREATE VIEW event_figures AS
SELECT event_type AS event_type, event_id AS event_id, event_date AS event_date, field AS field, reports AS reports,
       sources AS sources, distinct_values AS distinct_values, low AS low, high AS high, disagree AS disagree,
       figures AS figures, outlets AS outlets
FROM event_figure_summaries;

CREATE VIEW q_figure_disagreements AS
SELECT event_type AS event_type, event_id AS event_id, event_date AS event_date, summary AS summary,
       field AS field, low AS low, high AS high, distinct_values AS distinct_values,
       sources AS sources, figures AS figures, outlets AS outlets
FROM event_figure_summaries INDEXED BY event_figure_summaries_disagree
WHERE disagree;

-- 2. Outlet agreement: per event, each pair of its outlets with the figures both give and how many agree;
--    triggers add them up per pair of outlets.
CREATE TABLE event_outlet_pairs (
    event_type  TEXT NOT NULL,
    event_id    INTEGER NOT NULL,
    outlet_a    TEXT NOT NULL,
    outlet_b    TEXT NOT NULL,
    compared    INTEGER NOT NULL,
    agreeing    INTEGER NOT NULL,
    PRIMARY KEY (event_type, event_id, outlet_a, outlet_b)
) WITHOUT ROWID;

CREATE TABLE outlet_pairs (
    outlet_a          TEXT NOT NULL,
    outlet_b          TEXT NOT NULL,
    shared_events     INTEGER NOT NULL,
    figures_compared  INTEGER NOT NULL,
    figures_agreeing  INTEGER NOT NULL,
    PRIMARY KEY (outlet_a, outlet_b)
) WITHOUT ROWID;

CREATE TRIGGER event_outlet_pairs_ai AFTER INSERT ON event_outlet_pairs BEGIN
    INSERT INTO outlet_pairs(outlet_a, outlet_b, shared_events, figures_compared, figures_agreeing)
    VALUES (new.outlet_a, new.outlet_b, 1, new.compared, new.agreeing)
    ON CONFLICT(outlet_a, outlet_b) DO UPDATE SET shared_events = shared_events + 1,
        figures_compared = figures_compared + excluded.figures_compared,
        figures_agreeing = figures_agreeing + excluded.figures_agreeing;
END;
CREATE TRIGGER event_outlet_pairs_ad AFTER DELETE ON event_outlet_pairs BEGIN
    UPDATE outlet_pairs SET shared_events = shared_events - 1, figures_compared = figures_compared - old.compared,
        figures_agreeing = figures_agreeing - old.agreeing
    WHERE outlet_a = old.outlet_a AND outlet_b = old.outlet_b;
    DELETE FROM outlet_pairs WHERE outlet_a = old.outlet_a AND outlet_b = old.outlet_b AND shared_events <= 0;
END;

WITH ev AS (
    SELECT DISTINCT 'exchange' AS t, r.exchange_id AS e, s.outlet AS o FROM exchange_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.exchange_id IS NOT NULL AND s.outlet IS NOT NULL
    UNION SELECT 'attack', r.attack_id, s.outlet FROM attack_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.attack_id IS NOT NULL AND s.outlet IS NOT NULL
    UNION SELECT 'talks', r.talks_id, s.outlet FROM talks_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.talks_id IS NOT NULL AND s.outlet IS NOT NULL
),
fv AS (
    SELECT DISTINCT event_type, event_id, field, outlet, value FROM event_figure_reports WHERE outlet IS NOT NULL
),
pairs AS (
    SELECT a.event_type AS t, a.event_id AS e, a.outlet AS oa, b.outlet AS ob, max(a.value = b.value) AS agree
    FROM fv a JOIN fv b ON a.event_type = b.event_type AND a.event_id = b.event_id AND a.field = b.field AND a.outlet < b.outlet
    GROUP BY a.event_type, a.event_id, a.field, a.outlet, b.outlet
),
cmp AS (
    SELECT t, e, oa, ob, count(*) AS compared, sum(agree) AS agreeing FROM pairs GROUP BY t, e, oa, ob
)
INSERT INTO event_outlet_pairs(event_type, event_id, outlet_a, outlet_b, compared, agreeing)
SELECT a.t, a.e, a.o, b.o, coalesce(c.compared, 0), coalesce(c.agreeing, 0)
FROM ev a JOIN ev b ON a.t = b.t AND a.e = b.e AND a.o < b.o
LEFT JOIN cmp c ON c.t = a.t AND c.e = a.e AND c.oa = a.o AND c.ob = b.o;

DROP VIEW q_outlet_agreement;
CREATE VIEW q_outlet_agreement AS
SELECT outlet_a AS outlet_a, outlet_b AS outlet_b, shared_events AS shared_events,
       figures_compared AS figures_compared, figures_agreeing AS figures_agreeing,
       CASE WHEN figures_compared > 0 THEN round(1.0 * figures_agreeing / figures_compared, 3) END AS agreement
FROM outlet_pairs;

-- 3. Actor coverage: per actor, the number of sources naming it (mention, claim or delegation seat) and
--    the publication range; per actor and outlet, the number of its sources. One upsert per distinct actor
--    per article (Consolidation.attachSource); a deleted source takes its counts back (trigger below).
CREATE TABLE actor_coverage (
    actor_id    INTEGER PRIMARY KEY,
    sources     INTEGER NOT NULL,
    first_seen  TEXT,
    last_seen   TEXT
);
CREATE TABLE actor_outlets (
    actor_id    INTEGER NOT NULL,
    outlet      TEXT NOT NULL,
    sources     INTEGER NOT NULL,
    PRIMARY KEY (actor_id, outlet)
) WITHOUT ROWID;

WITH seen AS (
    SELECT actor_id, source_id FROM mentions WHERE actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM exchange_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM attack_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT actor_id, source_id FROM delegation_members WHERE actor_id IS NOT NULL
)
INSERT INTO actor_coverage(actor_id, sources, first_seen, last_seen)
SELECT seen.actor_id, count(*), min(s.published), max(s.published)
FROM seen JOIN sources s ON s.id = seen.source_id
GROUP BY seen.actor_id;

WITH seen AS (
    SELECT actor_id, source_id FROM mentions WHERE actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM exchange_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM attack_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT actor_id, source_id FROM delegation_members WHERE actor_id IS NOT NULL
)
INSERT INTO actor_outlets(actor_id, outlet, sources)
SELECT seen.actor_id, s.outlet, count(*)
FROM seen JOIN sources s ON s.id = seen.source_id
WHERE s.outlet IS NOT NULL
GROUP BY seen.actor_id, s.outlet;

-- A source about to be deleted: its actors lose one source (and one for its outlet); when it was the
-- first or last publication of an actor, the range is recomputed without it.
CREATE TRIGGER sources_actor_coverage_bd BEFORE DELETE ON sources BEGIN
    UPDATE actor_coverage SET sources = sources - 1 WHERE actor_id IN (
        SELECT actor_id FROM mentions WHERE source_id = old.id AND actor_id IS NOT NULL
        UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = old.id
        UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = old.id
        UNION SELECT actor_id FROM delegation_members WHERE source_id = old.id);
    UPDATE actor_outlets SET sources = sources - 1 WHERE outlet = old.outlet AND actor_id IN (
        SELECT actor_id FROM mentions WHERE source_id = old.id AND actor_id IS NOT NULL
        UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = old.id
        UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = old.id
        UNION SELECT actor_id FROM delegation_members WHERE source_id = old.id);
    DELETE FROM actor_outlets WHERE outlet = old.outlet AND sources <= 0;
    DELETE FROM actor_coverage WHERE sources <= 0;
    UPDATE actor_coverage SET
        first_seen = (SELECT min(s.published) FROM sources s WHERE s.id <> old.id AND s.id IN (
            SELECT source_id FROM mentions WHERE actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM exchange_reports WHERE claimant_actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM attack_reports WHERE claimant_actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM delegation_members WHERE actor_id = actor_coverage.actor_id)),
        last_seen = (SELECT max(s.published) FROM sources s WHERE s.id <> old.id AND s.id IN (
            SELECT source_id FROM mentions WHERE actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM exchange_reports WHERE claimant_actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM attack_reports WHERE claimant_actor_id = actor_coverage.actor_id
            UNION ALL SELECT source_id FROM delegation_members WHERE actor_id = actor_coverage.actor_id))
    WHERE old.published IS NOT NULL AND (first_seen = old.published OR last_seen = old.published) AND actor_id IN (
        SELECT actor_id FROM mentions WHERE source_id = old.id AND actor_id IS NOT NULL
        UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = old.id
        UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = old.id
        UNION SELECT actor_id FROM delegation_members WHERE source_id = old.id);
END;

DROP VIEW q_actor_coverage;
CREATE VIEW q_actor_coverage AS
SELECT a.id AS actor_id, a.name AS name, a.kind AS kind, a.country AS country,
       c.sources AS sources, (SELECT count(*) FROM actor_outlets o WHERE o.actor_id = c.actor_id) AS outlets,
       c.first_seen AS first_seen, c.last_seen AS last_seen
FROM actor_coverage c JOIN actors a ON a.id = c.actor_id;

-- 4. Delegation seats: per talks event, side and person, the member's name, roles and number of sources
--    (rewritten per talks event by Consolidation.refresh). `person` is the member's actor id, or minus the
--    delegation_members id when it has none.
CREATE TABLE delegation_seats (
    talks_id    INTEGER NOT NULL,
    side        TEXT NOT NULL,
    person      INTEGER NOT NULL,
    member      TEXT,
    roles       TEXT,
    sources     INTEGER NOT NULL,
    PRIMARY KEY (talks_id, side, person)
) WITHOUT ROWID;
CREATE INDEX delegation_seats_person ON delegation_seats(side, person, talks_id);

INSERT INTO delegation_seats(talks_id, side, person, member, roles, sources)
SELECT d.talks_id, d.side, coalesce(m.actor_id, -m.id) AS person, min(m.name),
       group_concat(DISTINCT m.role), count(DISTINCT m.source_id)
FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
WHERE d.talks_id IS NOT NULL
GROUP BY d.talks_id, d.side, person;

DROP VIEW q_delegation_roster;
CREATE VIEW q_delegation_roster AS
WITH rounds AS (
    SELECT DISTINCT s.talks_id, s.side, t.start_date, t.name, t.round, t.location
    FROM delegation_seats s JOIN talks t ON t.id = s.talks_id
),
ordered AS (
    SELECT r.*, lag(r.talks_id) OVER (PARTITION BY r.side ORDER BY r.start_date, r.talks_id) AS previous_talks_id
    FROM rounds r
)
SELECT o.talks_id AS talks_id, o.name AS talks_name, o.location AS location, o.start_date AS start_date,
       o.round AS round, o.side AS side, s.member AS member, s.roles AS roles, s.sources AS sources,
       (SELECT count(*) FROM delegation_seats s2 WHERE s2.side = s.side AND s2.person = s.person) AS rounds_attended,
       CASE WHEN o.previous_talks_id IS NULL THEN 'first'
            WHEN EXISTS (SELECT 1 FROM delegation_seats p WHERE p.talks_id = o.previous_talks_id AND p.side = o.side AND p.person = s.person)
            THEN 'stayed' ELSE 'joined' END AS change,
       o.previous_talks_id AS previous_talks_id
FROM ordered o JOIN delegation_seats s ON s.talks_id = o.talks_id AND s.side = o.side
UNION ALL
SELECT o.talks_id, o.name, o.location, o.start_date, o.round, o.side, p.member, p.roles, 0,
       (SELECT count(*) FROM delegation_seats s2 WHERE s2.side = p.side AND s2.person = p.person),
       'left', o.previous_talks_id
FROM ordered o JOIN delegation_seats p ON p.talks_id = o.previous_talks_id AND p.side = o.side
WHERE NOT EXISTS (SELECT 1 FROM delegation_seats s WHERE s.talks_id = o.talks_id AND s.side = o.side AND s.person = p.person);

-- 5. Codebook rows.

INSERT INTO codebook(object, "column", description) VALUES
('event_figure_summaries', '', 'Per event and field: min, max, counts, disagreement and every figure side by side (rewritten by consolidation when the event''s reports change; the view event_figures reads it).'),
('event_figure_summaries', 'event_type', 'exchange or attack.'),
('event_figure_summaries', 'event_id', 'Event id (exchanges.id or attacks.id).'),
('event_figure_summaries', 'field', 'Figure name (see event_figure_reports.field).'),
('event_figure_summaries', 'event_date', 'Event date.'),
('event_figure_summaries', 'summary', 'What happened, in a few words.'),
('event_figure_summaries', 'reports', 'Number of reports giving the figure.'),
('event_figure_summaries', 'sources', 'Number of distinct sources giving it.'),
('event_figure_summaries', 'distinct_values', 'Number of distinct values.'),
('event_figure_summaries', 'low', 'Lowest value.'),
('event_figure_summaries', 'high', 'Highest value.'),
('event_figure_summaries', 'disagree', '1 when sources give different values.'),
('event_figure_summaries', 'figures', 'Every value with its outlet and claimant: `VALUE (OUTLET; CLAIMANT) | ...`.'),
('event_figure_summaries', 'outlets', 'Outlets giving the figure, comma-separated.'),

('event_outlet_pairs', '', 'Per event, each pair of outlets reporting it, with the figures both give and how many agree (rewritten by consolidation).'),
('event_outlet_pairs', 'event_type', 'exchange, attack or talks.'),
('event_outlet_pairs', 'event_id', 'Event id.'),
('event_outlet_pairs', 'outlet_a', 'First outlet (alphabetical).'),
('event_outlet_pairs', 'outlet_b', 'Second outlet.'),
('event_outlet_pairs', 'compared', 'Fields of this event both outlets give.'),
('event_outlet_pairs', 'agreeing', 'Of those, how many share a value.'),

('outlet_pairs', '', 'Per pair of outlets, event_outlet_pairs added up (kept by triggers); q_outlet_agreement reads it.'),
('outlet_pairs', 'outlet_a', 'First outlet (alphabetical).'),
('outlet_pairs', 'outlet_b', 'Second outlet.'),
('outlet_pairs', 'shared_events', 'Events both report.'),
('outlet_pairs', 'figures_compared', 'Event figures both give.'),
('outlet_pairs', 'figures_agreeing', 'Of those, how many share a value.'),

('actor_coverage', '', 'Per actor: number of sources naming it (mention, claim or delegation seat) and first/last publication date (counted at import; a deleted source is taken back).'),
('actor_coverage', 'actor_id', 'Actor id.'),
('actor_coverage', 'sources', 'Number of sources.'),
('actor_coverage', 'first_seen', 'Earliest publication date.'),
('actor_coverage', 'last_seen', 'Latest publication date.'),

('actor_outlets', '', 'Per actor and outlet: number of that outlet''s sources naming the actor.'),
('actor_outlets', 'actor_id', 'Actor id.'),
('actor_outlets', 'outlet', 'Outlet.'),
('actor_outlets', 'sources', 'Number of sources.'),

('delegation_seats', '', 'Per talks event, side and person: one seat in the delegation, merged across sources (rewritten by consolidation; q_delegation_roster reads it).'),
('delegation_seats', 'talks_id', 'Talks event id.'),
('delegation_seats', 'side', 'ISO3 of the delegation''s side.'),
('delegation_seats', 'person', 'Member''s actor id (minus the delegation_members id when it has none).'),
('delegation_seats', 'member', 'Member name.'),
('delegation_seats', 'roles', 'Roles the sources give, comma-separated.'),
('delegation_seats', 'sources', 'Number of sources naming the member in this delegation.');
