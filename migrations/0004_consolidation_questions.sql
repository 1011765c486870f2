-- Cross-source consolidation and the named questions.
-- Reports of different articles meet in shared events (Sources/ConflictStore/Consolidation.swift decides
-- which, at import time, and records why in merge_rule). Figures stay on the reports; the views below
-- put every source's figure side by side and derive min/max/disagreement per event and field.
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.

-- 1. What consolidation needs on the report rows.

ALTER TABLE exchange_reports ADD COLUMN merge_day TEXT;
ALTER TABLE exchange_reports ADD COLUMN merge_dated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchange_reports ADD COLUMN merge_rule TEXT;
ALTER TABLE attack_reports ADD COLUMN merge_day TEXT;
ALTER TABLE attack_reports ADD COLUMN merge_dated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attack_reports ADD COLUMN merge_rule TEXT;
ALTER TABLE talks_reports ADD COLUMN merge_rule TEXT;

ALTER TABLE exchanges ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE exchanges ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attacks ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attacks ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;
ALTER TABLE talks ADD COLUMN sources INTEGER NOT NULL DEFAULT 0;
ALTER TABLE talks ADD COLUMN reports INTEGER NOT NULL DEFAULT 0;

CREATE INDEX exchange_reports_merge ON exchange_reports(side_a, side_b, status, merge_day);
CREATE INDEX attack_reports_merge ON attack_reports(attacker, target_country, merge_day);
CREATE INDEX talks_reports_merge ON talks_reports(location, start_date);
CREATE INDEX exchanges_date ON exchanges(event_date);
CREATE INDEX attacks_date ON attacks(event_date);
CREATE INDEX talks_date ON talks(start_date);

-- Reports that disappear (an article replaced or deleted) leave a note here; the next
-- Consolidation.pruneOrphans regroups what remains around them and empties the queue.
CREATE TABLE consolidation_queue (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('exchange', 'attack', 'talks')),
    event_id  INTEGER,
    k1        TEXT,
    k2        TEXT,
    k3        TEXT,
    day       TEXT,
    day2      TEXT
);

CREATE TRIGGER exchange_reports_consolidate_ad AFTER DELETE ON exchange_reports BEGIN
    INSERT INTO consolidation_queue(kind, event_id, k1, k2, k3, day)
    VALUES ('exchange', old.exchange_id, old.side_a, old.side_b, old.status, old.merge_day);
END;
CREATE TRIGGER attack_reports_consolidate_ad AFTER DELETE ON attack_reports BEGIN
    INSERT INTO consolidation_queue(kind, event_id, k1, k2, day)
    VALUES ('attack', old.attack_id, old.attacker, old.target_country, old.merge_day);
END;
CREATE TRIGGER talks_reports_consolidate_ad AFTER DELETE ON talks_reports BEGIN
    INSERT INTO consolidation_queue(kind, event_id, k1, day, day2)
    VALUES ('talks', old.talks_id, old.location, old.start_date, old.end_date);
END;

-- 2. Figures per event: long form (one row per report and field), then per event and field.

CREATE VIEW event_figure_reports AS
WITH f(event_type, event_id, report_id, source_id, claimant_actor_id, field, value, qualifier) AS (
    SELECT 'exchange', exchange_id, id, source_id, claimant_actor_id, 'returned_to_a', returned_to_a, returned_to_a_q FROM exchange_reports WHERE returned_to_a IS NOT NULL AND exchange_id IS NOT NULL
    UNION ALL SELECT 'exchange', exchange_id, id, source_id, claimant_actor_id, 'returned_to_b', returned_to_b, returned_to_b_q FROM exchange_reports WHERE returned_to_b IS NOT NULL AND exchange_id IS NOT NULL
    UNION ALL SELECT 'exchange', exchange_id, id, source_id, claimant_actor_id, 'total', total, total_q FROM exchange_reports WHERE total IS NOT NULL AND exchange_id IS NOT NULL
    UNION ALL SELECT 'exchange', exchange_id, id, source_id, claimant_actor_id, 'civilians_to_a', civilians_to_a, civilians_to_a_q FROM exchange_reports WHERE civilians_to_a IS NOT NULL AND exchange_id IS NOT NULL
    UNION ALL SELECT 'exchange', exchange_id, id, source_id, claimant_actor_id, 'civilians_to_b', civilians_to_b, civilians_to_b_q FROM exchange_reports WHERE civilians_to_b IS NOT NULL AND exchange_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'drones_launched', drones_launched, drones_launched_q FROM attack_reports WHERE drones_launched IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'drones_downed', drones_downed, drones_downed_q FROM attack_reports WHERE drones_downed IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'drones_hit', drones_hit, drones_hit_q FROM attack_reports WHERE drones_hit IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'missiles_launched', missiles_launched, missiles_launched_q FROM attack_reports WHERE missiles_launched IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'missiles_downed', missiles_downed, missiles_downed_q FROM attack_reports WHERE missiles_downed IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'missiles_hit', missiles_hit, missiles_hit_q FROM attack_reports WHERE missiles_hit IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'killed', killed, killed_q FROM attack_reports WHERE killed IS NOT NULL AND attack_id IS NOT NULL
    UNION ALL SELECT 'attack', attack_id, id, source_id, claimant_actor_id, 'injured', injured, injured_q FROM attack_reports WHERE injured IS NOT NULL AND attack_id IS NOT NULL
)
SELECT f.event_type                                 AS event_type,
       f.event_id                                   AS event_id,
       coalesce(x.event_date, a.event_date)         AS event_date,
       f.field                                      AS field,
       f.value                                      AS value,
       f.qualifier                                  AS qualifier,
       f.report_id                                  AS report_id,
       f.source_id                                  AS source_id,
       s.outlet                                     AS outlet,
       c.name                                       AS claimant,
       s.path                                       AS source_path,
       s.published                                  AS published
FROM f
JOIN sources s ON s.id = f.source_id
LEFT JOIN exchanges x ON f.event_type = 'exchange' AND x.id = f.event_id
LEFT JOIN attacks a ON f.event_type = 'attack' AND a.id = f.event_id
LEFT JOIN actors c ON c.id = f.claimant_actor_id;

CREATE VIEW event_figures AS
SELECT event_type                                   AS event_type,
       event_id                                     AS event_id,
       event_date                                   AS event_date,
       field                                        AS field,
       count(*)                                     AS reports,
       count(DISTINCT source_id)                    AS sources,
       count(DISTINCT value)                        AS distinct_values,
       min(value)                                   AS low,
       max(value)                                   AS high,
       count(DISTINCT value) > 1                    AS disagree,
       group_concat(value || ' (' || coalesce(outlet, '?') || '; ' || coalesce(claimant, '?') || ')', ' | ') AS figures,
       group_concat(DISTINCT outlet)                AS outlets
FROM (SELECT * FROM event_figure_reports ORDER BY event_type, event_id, field, value, outlet, claimant)
GROUP BY event_type, event_id, field;

-- 3. Event-level exports: one row per event, min/max of each figure, sources and outlets as lists.

CREATE VIEW report_exchange_events AS
SELECT e.id                                         AS event_id,
       e.event_date                                 AS event_date,
       e.status                                     AS status,
       e.side_a                                     AS side_a,
       e.side_b                                     AS side_b,
       e.kind                                       AS kind,
       min(r.returned_to_a)                         AS returned_to_a_min,
       max(r.returned_to_a)                         AS returned_to_a_max,
       min(r.returned_to_b)                         AS returned_to_b_min,
       max(r.returned_to_b)                         AS returned_to_b_max,
       min(r.total)                                 AS total_min,
       max(r.total)                                 AS total_max,
       min(r.civilians_to_a)                        AS civilians_to_a_min,
       max(r.civilians_to_a)                        AS civilians_to_a_max,
       min(r.civilians_to_b)                        AS civilians_to_b_min,
       max(r.civilians_to_b)                        AS civilians_to_b_max,
       (SELECT group_concat(m, ';') FROM (SELECT DISTINCT j.value AS m FROM exchange_reports r2,
            json_each('["' || replace(r2.mediators, ';', '","') || '"]') j
            WHERE r2.exchange_id = e.id AND r2.mediators IS NOT NULL ORDER BY m)) AS mediators,
       (SELECT group_concat(n, ';') FROM (SELECT DISTINCT c.name AS n FROM exchange_reports r2
            JOIN actors c ON c.id = r2.claimant_actor_id WHERE r2.exchange_id = e.id ORDER BY n)) AS claimants,
       count(*)                                     AS reports,
       count(DISTINCT r.source_id)                  AS sources,
       (SELECT group_concat(sid, ';') FROM (SELECT DISTINCT source_id AS sid FROM exchange_reports
            WHERE exchange_id = e.id ORDER BY sid)) AS source_ids,
       (SELECT group_concat(o, ';') FROM (SELECT DISTINCT s.outlet AS o FROM exchange_reports r2
            JOIN sources s ON s.id = r2.source_id WHERE r2.exchange_id = e.id AND s.outlet IS NOT NULL ORDER BY o)) AS outlets,
       e.merge_rule                                 AS merge_rule
FROM exchanges e
JOIN exchange_reports r ON r.exchange_id = e.id
GROUP BY e.id;

CREATE VIEW report_attack_events AS
SELECT e.id                                         AS event_id,
       e.event_date                                 AS event_date,
       e.attacker                                   AS attacker,
       e.target_country                             AS target_country,
       (SELECT group_concat(l, ';') FROM (SELECT DISTINCT j.value AS l FROM attack_reports r2,
            json_each('["' || replace(replace(r2.locations, '"', ''), ';', '","') || '"]') j
            WHERE r2.attack_id = e.id AND r2.locations IS NOT NULL ORDER BY l)) AS locations,
       (SELECT group_concat(t, ';') FROM (SELECT DISTINCT j.value AS t FROM attack_reports r2,
            json_each('["' || replace(replace(r2.targets, '"', ''), ';', '","') || '"]') j
            WHERE r2.attack_id = e.id AND r2.targets IS NOT NULL ORDER BY t)) AS targets,
       min(r.drones_launched)                       AS drones_launched_min,
       max(r.drones_launched)                       AS drones_launched_max,
       min(r.drones_downed)                         AS drones_downed_min,
       max(r.drones_downed)                         AS drones_downed_max,
       min(r.drones_hit)                            AS drones_hit_min,
       max(r.drones_hit)                            AS drones_hit_max,
       min(r.missiles_launched)                     AS missiles_launched_min,
       max(r.missiles_launched)                     AS missiles_launched_max,
       min(r.missiles_downed)                       AS missiles_downed_min,
       max(r.missiles_downed)                       AS missiles_downed_max,
       min(r.missiles_hit)                          AS missiles_hit_min,
       max(r.missiles_hit)                          AS missiles_hit_max,
       min(r.killed)                                AS killed_min,
       max(r.killed)                                AS killed_max,
       min(r.injured)                               AS injured_min,
       max(r.injured)                               AS injured_max,
       (SELECT group_concat(n, ';') FROM (SELECT DISTINCT c.name AS n FROM attack_reports r2
            JOIN actors c ON c.id = r2.claimant_actor_id WHERE r2.attack_id = e.id ORDER BY n)) AS claimants,
       count(*)                                     AS reports,
       count(DISTINCT r.source_id)                  AS sources,
       (SELECT group_concat(sid, ';') FROM (SELECT DISTINCT source_id AS sid FROM attack_reports
            WHERE attack_id = e.id ORDER BY sid)) AS source_ids,
       (SELECT group_concat(o, ';') FROM (SELECT DISTINCT s.outlet AS o FROM attack_reports r2
            JOIN sources s ON s.id = r2.source_id WHERE r2.attack_id = e.id AND s.outlet IS NOT NULL ORDER BY o)) AS outlets,
       e.merge_rule                                 AS merge_rule
FROM attacks e
JOIN attack_reports r ON r.attack_id = e.id
GROUP BY e.id;

-- 4. The named questions (`conflictdb questions`, `conflictdb ask NAME`).

-- timeline: every event by date, with how many sources report it.
CREATE VIEW q_timeline AS
SELECT 'exchange' AS event_type, e.id AS event_id, e.event_date AS event_date,
       e.status || ' ' || e.kind || ' exchange ' || e.side_a || '-' || e.side_b AS summary,
       e.sources AS sources, e.reports AS reports, e.merge_rule AS merge_rule
FROM exchanges e
UNION ALL
SELECT 'attack', a.id, a.event_date,
       'attack by ' || coalesce(a.attacker, '?') || ' on ' || coalesce(a.target_country, '?'),
       a.sources, a.reports, a.merge_rule
FROM attacks a
UNION ALL
SELECT 'talks', t.id, t.start_date,
       t.name || coalesce(' in ' || t.location, '') ||
           CASE WHEN t.name LIKE '%round%' THEN '' ELSE coalesce(' (round ' || t.round || ')', '') END,
       t.sources, t.reports, t.merge_rule
FROM talks t;

-- single-source-events: events only one source reports.
CREATE VIEW q_single_source_events AS
SELECT q.event_type AS event_type, q.event_id AS event_id, q.event_date AS event_date, q.summary AS summary,
       s.outlet AS outlet, s.path AS source_path, s.url AS url, q.reports AS reports
FROM q_timeline q
JOIN sources s ON s.id = CASE q.event_type
        WHEN 'exchange' THEN (SELECT source_id FROM exchange_reports WHERE exchange_id = q.event_id LIMIT 1)
        WHEN 'attack' THEN (SELECT source_id FROM attack_reports WHERE attack_id = q.event_id LIMIT 1)
        ELSE (SELECT source_id FROM talks_reports WHERE talks_id = q.event_id LIMIT 1) END
WHERE q.sources = 1;

-- figure-disagreements: one row per event and field where sources give different figures.
CREATE VIEW q_figure_disagreements AS
SELECT f.event_type AS event_type, f.event_id AS event_id, f.event_date AS event_date,
       CASE f.event_type
           WHEN 'exchange' THEN (SELECT status || ' exchange ' || side_a || '-' || side_b FROM exchanges WHERE id = f.event_id)
           ELSE (SELECT 'attack by ' || coalesce(attacker, '?') || ' on ' || coalesce(target_country, '?') FROM attacks WHERE id = f.event_id)
       END AS summary,
       f.field AS field, f.low AS low, f.high AS high, f.distinct_values AS distinct_values,
       f.sources AS sources, f.figures AS figures, f.outlets AS outlets
FROM event_figures f
WHERE f.disagree;

-- exchange-tally: people returned to each side, exchange by exchange, per mediator, with running totals.
CREATE VIEW q_exchange_tally AS
WITH ev AS (
    SELECT e.id, e.event_date, e.side_a, e.side_b, e.kind, e.sources,
           min(r.returned_to_a) AS to_a_low, max(r.returned_to_a) AS to_a_high,
           min(r.returned_to_b) AS to_b_low, max(r.returned_to_b) AS to_b_high
    FROM exchanges e JOIN exchange_reports r ON r.exchange_id = e.id
    WHERE e.status = 'completed'
    GROUP BY e.id
),
med AS (
    SELECT ev.id, coalesce((SELECT group_concat(m, ';') FROM (SELECT DISTINCT j.value AS m FROM exchange_reports r2,
               json_each('["' || replace(r2.mediators, ';', '","') || '"]') j
               WHERE r2.exchange_id = ev.id AND r2.mediators IS NOT NULL ORDER BY m)), '') AS mediators
    FROM ev
),
per AS (
    SELECT ev.*, CASE WHEN med.mediators = '' THEN '(none)' ELSE j.value END AS mediator
    FROM ev JOIN med ON med.id = ev.id,
         json_each(CASE WHEN med.mediators = '' THEN '["(none)"]' ELSE '["' || replace(med.mediators, ';', '","') || '"]' END) j
)
SELECT mediator AS mediator, event_date AS event_date, id AS event_id, side_a AS side_a, side_b AS side_b, kind AS kind,
       to_a_low AS returned_to_a_low, to_a_high AS returned_to_a_high,
       to_b_low AS returned_to_b_low, to_b_high AS returned_to_b_high,
       sum(coalesce(to_a_low, 0)) OVER w AS cumulative_to_a,
       sum(coalesce(to_b_low, 0)) OVER w AS cumulative_to_b,
       sources AS sources
FROM per
WINDOW w AS (PARTITION BY mediator, side_a, side_b ORDER BY event_date, id ROWS UNBOUNDED PRECEDING);

-- delegation-roster: who sat in which delegation at each round; rounds attended; changes from the
-- side's previous delegation.
CREATE VIEW q_delegation_roster AS
WITH seat AS (
    SELECT d.talks_id, d.side, coalesce(m.actor_id, -m.id) AS person, min(m.name) AS member,
           group_concat(DISTINCT m.role) AS roles, count(DISTINCT m.source_id) AS sources
    FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
    WHERE d.talks_id IS NOT NULL
    GROUP BY d.talks_id, d.side, person
),
rounds AS (
    SELECT DISTINCT s.talks_id, s.side, t.start_date, t.name, t.round, t.location FROM seat s JOIN talks t ON t.id = s.talks_id
),
ordered AS (
    SELECT r.*, lag(r.talks_id) OVER (PARTITION BY r.side ORDER BY r.start_date, r.talks_id) AS previous_talks_id
    FROM rounds r
)
SELECT o.talks_id AS talks_id, o.name AS talks_name, o.location AS location, o.start_date AS start_date,
       o.round AS round, o.side AS side, s.member AS member, s.roles AS roles, s.sources AS sources,
       (SELECT count(DISTINCT s2.talks_id) FROM seat s2 WHERE s2.person = s.person AND s2.side = s.side) AS rounds_attended,
       CASE WHEN o.previous_talks_id IS NULL THEN 'first'
            WHEN EXISTS (SELECT 1 FROM seat p WHERE p.talks_id = o.previous_talks_id AND p.side = o.side AND p.person = s.person)
            THEN 'stayed' ELSE 'joined' END AS change,
       o.previous_talks_id AS previous_talks_id
FROM ordered o JOIN seat s ON s.talks_id = o.talks_id AND s.side = o.side
UNION ALL
SELECT o.talks_id, o.name, o.location, o.start_date, o.round, o.side, p.member, p.roles, 0,
       (SELECT count(DISTINCT s2.talks_id) FROM seat s2 WHERE s2.person = p.person AND s2.side = p.side),
       'left', o.previous_talks_id
FROM ordered o JOIN seat p ON p.talks_id = o.previous_talks_id AND p.side = o.side
WHERE NOT EXISTS (SELECT 1 FROM seat s WHERE s.talks_id = o.talks_id AND s.side = o.side AND s.person = p.person);

-- attack-claims: per attack event, the defender's and the attacker's figures next to each other.
CREATE VIEW q_attack_claims AS
SELECT a.id AS event_id, a.event_date AS event_date, a.attacker AS attacker, a.target_country AS target_country,
       max(CASE WHEN c.country = a.target_country THEN r.drones_launched END)   AS defender_drones_launched,
       max(CASE WHEN c.country = a.target_country THEN r.drones_downed END)     AS defender_drones_downed,
       max(CASE WHEN c.country = a.target_country THEN r.missiles_launched END) AS defender_missiles_launched,
       max(CASE WHEN c.country = a.target_country THEN r.missiles_downed END)   AS defender_missiles_downed,
       max(CASE WHEN c.country = a.target_country THEN r.killed END)            AS defender_killed,
       max(CASE WHEN c.country = a.attacker THEN r.drones_launched END)         AS attacker_drones_launched,
       max(CASE WHEN c.country = a.attacker THEN r.drones_hit END)              AS attacker_drones_hit,
       max(CASE WHEN c.country = a.attacker THEN r.missiles_launched END)       AS attacker_missiles_launched,
       max(CASE WHEN c.country = a.attacker THEN r.missiles_hit END)            AS attacker_missiles_hit,
       group_concat(DISTINCT CASE WHEN c.country = a.target_country THEN c.name END) AS defender_claimants,
       group_concat(DISTINCT CASE WHEN c.country = a.attacker THEN c.name END)       AS attacker_claimants,
       max(CASE WHEN c.country IS NULL OR c.country NOT IN (coalesce(a.attacker, ''), coalesce(a.target_country, ''))
                THEN coalesce(r.drones_downed, r.missiles_downed) END)          AS other_downed,
       a.sources AS sources
FROM attacks a
JOIN attack_reports r ON r.attack_id = a.id
LEFT JOIN actors c ON c.id = r.claimant_actor_id
GROUP BY a.id;

-- actor-coverage: actors by number of sources and outlets naming them, first and last seen.
CREATE VIEW q_actor_coverage AS
WITH seen AS (
    SELECT actor_id, source_id FROM mentions WHERE actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM exchange_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT claimant_actor_id, source_id FROM attack_reports WHERE claimant_actor_id IS NOT NULL
    UNION SELECT actor_id, source_id FROM delegation_members WHERE actor_id IS NOT NULL
)
SELECT a.id AS actor_id, a.name AS name, a.kind AS kind, a.country AS country,
       count(*) AS sources, count(DISTINCT s.outlet) AS outlets,
       min(s.published) AS first_seen, max(s.published) AS last_seen
FROM seen JOIN actors a ON a.id = seen.actor_id JOIN sources s ON s.id = seen.source_id
GROUP BY a.id;

-- outlet-agreement: for each pair of outlets, events both report and how often their figures agree.
CREATE VIEW q_outlet_agreement AS
WITH ev AS (
    SELECT DISTINCT 'exchange' AS t, r.exchange_id AS e, s.outlet AS o FROM exchange_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.exchange_id IS NOT NULL AND s.outlet IS NOT NULL
    UNION SELECT 'attack', r.attack_id, s.outlet FROM attack_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.attack_id IS NOT NULL AND s.outlet IS NOT NULL
    UNION SELECT 'talks', r.talks_id, s.outlet FROM talks_reports r JOIN sources s ON s.id = r.source_id
    WHERE r.talks_id IS NOT NULL AND s.outlet IS NOT NULL
),
shared AS (
    SELECT a.o AS outlet_a, b.o AS outlet_b, count(*) AS n FROM ev a JOIN ev b ON a.t = b.t AND a.e = b.e AND a.o < b.o
    GROUP BY a.o, b.o
),
fv AS (
    SELECT DISTINCT event_type, event_id, field, outlet, value FROM event_figure_reports WHERE outlet IS NOT NULL
),
pairs AS (
    SELECT a.outlet AS outlet_a, b.outlet AS outlet_b, max(a.value = b.value) AS agree
    FROM fv a JOIN fv b ON a.event_type = b.event_type AND a.event_id = b.event_id AND a.field = b.field AND a.outlet < b.outlet
    GROUP BY a.event_type, a.event_id, a.field, a.outlet, b.outlet
),
cmp AS (
    SELECT outlet_a, outlet_b, count(*) AS compared, sum(agree) AS agreeing FROM pairs GROUP BY outlet_a, outlet_b
)
SELECT s.outlet_a AS outlet_a, s.outlet_b AS outlet_b, s.n AS shared_events,
       coalesce(c.compared, 0) AS figures_compared, coalesce(c.agreeing, 0) AS figures_agreeing,
       CASE WHEN c.compared > 0 THEN round(1.0 * c.agreeing / c.compared, 3) END AS agreement
FROM shared s LEFT JOIN cmp c ON c.outlet_a = s.outlet_a AND c.outlet_b = s.outlet_b;

-- The list `conflictdb questions` prints (a view, so that it is read-only data of this migration).
CREATE VIEW questions(name, view, title, description, date_column, order_by) AS VALUES
('figure-disagreements', 'q_figure_disagreements', 'Figure disagreements',
 'Events where sources give different figures for the same field: low, high and every figure side by side with its outlet and claimant.',
 'event_date', 'event_date, event_type, event_id, field'),
('single-source-events', 'q_single_source_events', 'Single-source events',
 'Events only one source reports: the ones to corroborate.', 'event_date', 'event_date, event_type, event_id'),
('exchange-tally', 'q_exchange_tally', 'Exchange tally',
 'People returned to each side, completed exchange by exchange, per mediator, with running totals (of the lowest figure).',
 'event_date', 'mediator, side_a, side_b, event_date, event_id'),
('delegation-roster', 'q_delegation_roster', 'Delegation roster',
 'Who sat in which delegation at each round of talks, how many rounds each person attended, and who stayed, joined or left since the side''s previous delegation.',
 'start_date', 'side, start_date, talks_id, change, member'),
('attack-claims', 'q_attack_claims', 'Attack claims',
 'Per attack event (night), the defender''s figures (launched, shot down) next to the attacker''s (launched, hit).',
 'event_date', 'event_date, event_id'),
('actor-coverage', 'q_actor_coverage', 'Actor coverage',
 'Actors by number of sources and outlets that name them, with first and last publication dates.',
 'last_seen', 'sources DESC, outlets DESC, name'),
('timeline', 'q_timeline', 'Timeline',
 'All events (exchanges, attacks, talks) by date, with their number of sources and reports.',
 'event_date', 'event_date, event_type, event_id'),
('outlet-agreement', 'q_outlet_agreement', 'Outlet agreement',
 'For each pair of outlets: events both report, figures both give for the same event and field, and how often they agree.',
 NULL, 'shared_events DESC, outlet_a, outlet_b');

-- 5. The codebook rows of everything above.

INSERT INTO codebook(object, "column", description) VALUES
('exchange_reports', 'merge_day', 'Day used to group the report: its own event day when it gives one, else the source''s publication date.'),
('exchange_reports', 'merge_dated', '1 when merge_day is the report''s own event day, 0 when it is the publication date.'),
('exchange_reports', 'merge_rule', 'Why the report is in its event: exchange:same_day, exchange:day_apart, exchange:undated_fit or exchange:undated (README, Consolidation rules).'),
('attack_reports', 'merge_day', 'Day used to group the report (its own event day; NULL when it gives none).'),
('attack_reports', 'merge_dated', '1 when the report gives a day.'),
('attack_reports', 'merge_rule', 'Why the report is in its event: attack:same_night, attack:shared_place, attack:no_place, attack:other_place or attack:undated.'),
('talks_reports', 'merge_rule', 'Why the report is in its event: talks:dates_overlap, talks:same_round or talks:alone.'),
('exchanges', 'sources', 'Number of distinct sources reporting the event.'),
('exchanges', 'reports', 'Number of reports linked to the event.'),
('attacks', 'sources', 'Number of distinct sources reporting the event.'),
('attacks', 'reports', 'Number of reports linked to the event.'),
('talks', 'sources', 'Number of distinct sources reporting the round.'),
('talks', 'reports', 'Number of reports linked to the round.'),

('consolidation_queue', '', 'Internal: events whose reports were deleted, regrouped by the next import (normally empty).'),
('consolidation_queue', 'id', 'Queue entry.'),
('consolidation_queue', 'kind', 'exchange, attack or talks.'),
('consolidation_queue', 'event_id', 'Event the deleted report belonged to.'),
('consolidation_queue', 'k1', 'Grouping key 1 (side_a, attacker or location).'),
('consolidation_queue', 'k2', 'Grouping key 2 (side_b or target_country).'),
('consolidation_queue', 'k3', 'Grouping key 3 (status).'),
('consolidation_queue', 'day', 'merge_day or start_date of the deleted report.'),
('consolidation_queue', 'day2', 'end_date of a deleted talks report.'),

('questions', '', 'The named cross-source questions (a view): `conflictdb questions` lists them, `conflictdb ask NAME` runs one.'),
('questions', 'name', 'Name given to `ask`.'),
('questions', 'view', 'The view that answers it (query it from any SQLite client).'),
('questions', 'title', 'Title.'),
('questions', 'description', 'What it answers.'),
('questions', 'date_column', 'Column --since/--until filter on.'),
('questions', 'order_by', 'Default row order.'),

('event_figure_reports', '', 'Every figure of every report, one row per report and field, with its event, outlet and claimant.'),
('event_figure_reports', 'event_type', 'exchange or attack.'),
('event_figure_reports', 'event_id', 'Event id (exchanges.id or attacks.id).'),
('event_figure_reports', 'event_date', 'Event date.'),
('event_figure_reports', 'field', 'Figure: returned_to_a, returned_to_b, total, civilians_to_a, civilians_to_b; drones_/missiles_ launched, downed, hit; killed, injured.'),
('event_figure_reports', 'value', 'The figure as this report gives it.'),
('event_figure_reports', 'qualifier', 'Its hedge: exact, at_least, more_than, about, up_to.'),
('event_figure_reports', 'report_id', 'Report id (exchange_reports.id or attack_reports.id).'),
('event_figure_reports', 'source_id', 'Source.'),
('event_figure_reports', 'outlet', 'Outlet of the source.'),
('event_figure_reports', 'claimant', 'Who gave the figure.'),
('event_figure_reports', 'source_path', 'Source path.'),
('event_figure_reports', 'published', 'Publication date of the source.'),

('event_figures', '', 'Per event and field: every source''s figure side by side, with min (ACLED-style lowest), max, counts and a disagreement flag.'),
('event_figures', 'event_type', 'exchange or attack.'),
('event_figures', 'event_id', 'Event id.'),
('event_figures', 'event_date', 'Event date.'),
('event_figures', 'field', 'Figure name (see event_figure_reports.field).'),
('event_figures', 'reports', 'Number of reports giving the figure.'),
('event_figures', 'sources', 'Number of distinct sources giving it.'),
('event_figures', 'distinct_values', 'Number of distinct values.'),
('event_figures', 'low', 'Lowest value (ACLED keeps this one).'),
('event_figures', 'high', 'Highest value (with low: the UCDP-style low/high range).'),
('event_figures', 'disagree', '1 when sources give different values.'),
('event_figures', 'figures', 'Every value with its outlet and claimant: `VALUE (OUTLET; CLAIMANT) | ...`.'),
('event_figures', 'outlets', 'Outlets giving the figure, comma-separated.'),

('report_exchange_events', '', 'CSV report `exchange-events`: one row per exchange event, min/max of each figure across its reports.'),
('report_exchange_events', 'event_id', 'Exchange event id.'),
('report_exchange_events', 'event_date', 'Event date (the day most sources give).'),
('report_exchange_events', 'status', 'completed or agreed.'),
('report_exchange_events', 'side_a', 'ISO3, alphabetically first side.'),
('report_exchange_events', 'side_b', 'ISO3, second side.'),
('report_exchange_events', 'kind', 'pow, civilians, bodies or mixed (the kind most reports give).'),
('report_exchange_events', 'returned_to_a_min', 'Lowest returned_to_a any report gives.'),
('report_exchange_events', 'returned_to_a_max', 'Highest returned_to_a.'),
('report_exchange_events', 'returned_to_b_min', 'Lowest returned_to_b.'),
('report_exchange_events', 'returned_to_b_max', 'Highest returned_to_b.'),
('report_exchange_events', 'total_min', 'Lowest total.'),
('report_exchange_events', 'total_max', 'Highest total.'),
('report_exchange_events', 'civilians_to_a_min', 'Lowest civilians_to_a.'),
('report_exchange_events', 'civilians_to_a_max', 'Highest civilians_to_a.'),
('report_exchange_events', 'civilians_to_b_min', 'Lowest civilians_to_b.'),
('report_exchange_events', 'civilians_to_b_max', 'Highest civilians_to_b.'),
('report_exchange_events', 'mediators', 'Mediators any report names, ;-separated.'),
('report_exchange_events', 'claimants', 'Claimants, ;-separated.'),
('report_exchange_events', 'reports', 'Number of reports.'),
('report_exchange_events', 'sources', 'Number of sources.'),
('report_exchange_events', 'source_ids', 'Source ids, ;-separated.'),
('report_exchange_events', 'outlets', 'Outlets, ;-separated.'),
('report_exchange_events', 'merge_rule', 'How the reports were grouped (exchange:day or exchange:undated).'),

('report_attack_events', '', 'CSV report `attack-events`: one row per attack event, min/max of each figure across its reports.'),
('report_attack_events', 'event_id', 'Attack event id.'),
('report_attack_events', 'event_date', 'Event date (the night, as the day it ends).'),
('report_attack_events', 'attacker', 'ISO3 of the attacker.'),
('report_attack_events', 'target_country', 'ISO3 of the attacked country.'),
('report_attack_events', 'locations', 'Places any report names, ;-separated.'),
('report_attack_events', 'targets', 'Target kinds, ;-separated.'),
('report_attack_events', 'drones_launched_min', 'Lowest drones_launched.'),
('report_attack_events', 'drones_launched_max', 'Highest drones_launched.'),
('report_attack_events', 'drones_downed_min', 'Lowest drones_downed.'),
('report_attack_events', 'drones_downed_max', 'Highest drones_downed.'),
('report_attack_events', 'drones_hit_min', 'Lowest drones_hit.'),
('report_attack_events', 'drones_hit_max', 'Highest drones_hit.'),
('report_attack_events', 'missiles_launched_min', 'Lowest missiles_launched.'),
('report_attack_events', 'missiles_launched_max', 'Highest missiles_launched.'),
('report_attack_events', 'missiles_downed_min', 'Lowest missiles_downed.'),
('report_attack_events', 'missiles_downed_max', 'Highest missiles_downed.'),
('report_attack_events', 'missiles_hit_min', 'Lowest missiles_hit.'),
('report_attack_events', 'missiles_hit_max', 'Highest missiles_hit.'),
('report_attack_events', 'killed_min', 'Lowest killed.'),
('report_attack_events', 'killed_max', 'Highest killed.'),
('report_attack_events', 'injured_min', 'Lowest injured.'),
('report_attack_events', 'injured_max', 'Highest injured.'),
('report_attack_events', 'claimants', 'Claimants, ;-separated.'),
('report_attack_events', 'reports', 'Number of reports.'),
('report_attack_events', 'sources', 'Number of sources.'),
('report_attack_events', 'source_ids', 'Source ids, ;-separated.'),
('report_attack_events', 'outlets', 'Outlets, ;-separated.'),
('report_attack_events', 'merge_rule', 'How the reports were grouped (attack:night, attack:other_place or attack:undated).'),

('q_timeline', '', 'Question `timeline`: all events by date with their number of sources.'),
('q_timeline', 'event_type', 'exchange, attack or talks.'),
('q_timeline', 'event_id', 'Event id in its table.'),
('q_timeline', 'event_date', 'Event date (talks: first day).'),
('q_timeline', 'summary', 'What happened, in a few words.'),
('q_timeline', 'sources', 'Number of sources.'),
('q_timeline', 'reports', 'Number of reports.'),
('q_timeline', 'merge_rule', 'How the reports were grouped.'),

('q_single_source_events', '', 'Question `single-source-events`: events only one source reports.'),
('q_single_source_events', 'event_type', 'exchange, attack or talks.'),
('q_single_source_events', 'event_id', 'Event id.'),
('q_single_source_events', 'event_date', 'Event date.'),
('q_single_source_events', 'summary', 'What happened.'),
('q_single_source_events', 'outlet', 'The one outlet.'),
('q_single_source_events', 'source_path', 'The one source.'),
('q_single_source_events', 'url', 'Its URL.'),
('q_single_source_events', 'reports', 'Number of reports (claims) in that source.'),

('q_figure_disagreements', '', 'Question `figure-disagreements`: events where sources give different figures for the same field.'),
('q_figure_disagreements', 'event_type', 'exchange or attack.'),
('q_figure_disagreements', 'event_id', 'Event id.'),
('q_figure_disagreements', 'event_date', 'Event date.'),
('q_figure_disagreements', 'summary', 'What happened.'),
('q_figure_disagreements', 'field', 'The figure sources disagree on.'),
('q_figure_disagreements', 'low', 'Lowest value.'),
('q_figure_disagreements', 'high', 'Highest value.'),
('q_figure_disagreements', 'distinct_values', 'Number of distinct values.'),
('q_figure_disagreements', 'sources', 'Number of sources giving the figure.'),
('q_figure_disagreements', 'figures', 'Every value with outlet and claimant: `VALUE (OUTLET; CLAIMANT) | ...`.'),
('q_figure_disagreements', 'outlets', 'Outlets giving the figure.'),

('q_exchange_tally', '', 'Question `exchange-tally`: people returned to each side over time, by mediator.'),
('q_exchange_tally', 'mediator', 'Mediator (ISO3), or (none); an exchange with two mediators appears under each.'),
('q_exchange_tally', 'event_date', 'Exchange date.'),
('q_exchange_tally', 'event_id', 'Exchange event id.'),
('q_exchange_tally', 'side_a', 'ISO3, first side.'),
('q_exchange_tally', 'side_b', 'ISO3, second side.'),
('q_exchange_tally', 'kind', 'pow, civilians, bodies or mixed.'),
('q_exchange_tally', 'returned_to_a_low', 'Lowest figure any source gives for people received by side_a.'),
('q_exchange_tally', 'returned_to_a_high', 'Highest figure for side_a.'),
('q_exchange_tally', 'returned_to_b_low', 'Lowest figure for people received by side_b.'),
('q_exchange_tally', 'returned_to_b_high', 'Highest figure for side_b.'),
('q_exchange_tally', 'cumulative_to_a', 'Running total of returned_to_a_low for this mediator and pair of sides.'),
('q_exchange_tally', 'cumulative_to_b', 'Running total of returned_to_b_low.'),
('q_exchange_tally', 'sources', 'Number of sources reporting the exchange.'),

('q_delegation_roster', '', 'Question `delegation-roster`: who sat in which delegation per round, rounds attended, changes between rounds.'),
('q_delegation_roster', 'talks_id', 'Talks event id.'),
('q_delegation_roster', 'talks_name', 'Name of the talks.'),
('q_delegation_roster', 'location', 'Venue.'),
('q_delegation_roster', 'start_date', 'First day of the round.'),
('q_delegation_roster', 'round', 'Round number, when stated.'),
('q_delegation_roster', 'side', 'ISO3 of the delegation''s side.'),
('q_delegation_roster', 'member', 'Member name (merged by person across sources).'),
('q_delegation_roster', 'roles', 'Roles the sources give, comma-separated.'),
('q_delegation_roster', 'sources', 'Number of sources naming the member in this delegation (0 for change = left).'),
('q_delegation_roster', 'rounds_attended', 'Number of rounds the person sat in this side''s delegation.'),
('q_delegation_roster', 'change', 'first (the side''s first delegation), stayed, joined, or left (was in the previous delegation, not this one).'),
('q_delegation_roster', 'previous_talks_id', 'The side''s previous delegation''s talks id.'),

('q_attack_claims', '', 'Question `attack-claims`: per night, the defender''s and the attacker''s figures side by side.'),
('q_attack_claims', 'event_id', 'Attack event id.'),
('q_attack_claims', 'event_date', 'Night (the day it ends).'),
('q_attack_claims', 'attacker', 'ISO3 of the attacker.'),
('q_attack_claims', 'target_country', 'ISO3 of the defender.'),
('q_attack_claims', 'defender_drones_launched', 'Drones launched, per the defender''s claimants (highest).'),
('q_attack_claims', 'defender_drones_downed', 'Drones shot down, per the defender.'),
('q_attack_claims', 'defender_missiles_launched', 'Missiles launched, per the defender.'),
('q_attack_claims', 'defender_missiles_downed', 'Missiles shot down, per the defender.'),
('q_attack_claims', 'defender_killed', 'People killed, per the defender.'),
('q_attack_claims', 'attacker_drones_launched', 'Drones launched, per the attacker''s claimants.'),
('q_attack_claims', 'attacker_drones_hit', 'Drones that hit, per the attacker.'),
('q_attack_claims', 'attacker_missiles_launched', 'Missiles launched, per the attacker.'),
('q_attack_claims', 'attacker_missiles_hit', 'Missiles that hit, per the attacker.'),
('q_attack_claims', 'defender_claimants', 'The defender''s claimants.'),
('q_attack_claims', 'attacker_claimants', 'The attacker''s claimants.'),
('q_attack_claims', 'other_downed', 'Shot-down figure from claimants of neither side (or unknown).'),
('q_attack_claims', 'sources', 'Number of sources.'),

('q_actor_coverage', '', 'Question `actor-coverage`: actors by number of sources and outlets, first and last seen.'),
('q_actor_coverage', 'actor_id', 'Actor id.'),
('q_actor_coverage', 'name', 'Canonical name.'),
('q_actor_coverage', 'kind', 'Actor kind.'),
('q_actor_coverage', 'country', 'ISO3.'),
('q_actor_coverage', 'sources', 'Number of sources that name it (mention, claim or delegation seat).'),
('q_actor_coverage', 'outlets', 'Number of distinct outlets.'),
('q_actor_coverage', 'first_seen', 'Earliest publication date.'),
('q_actor_coverage', 'last_seen', 'Latest publication date.'),

('q_outlet_agreement', '', 'Question `outlet-agreement`: pairs of outlets, their shared events and how often their figures agree.'),
('q_outlet_agreement', 'outlet_a', 'First outlet (alphabetical).'),
('q_outlet_agreement', 'outlet_b', 'Second outlet.'),
('q_outlet_agreement', 'shared_events', 'Events (exchanges, attacks, talks) both report.'),
('q_outlet_agreement', 'figures_compared', 'Event figures (event and field) both give.'),
('q_outlet_agreement', 'figures_agreeing', 'Of those, how many share a value.'),
('q_outlet_agreement', 'agreement', 'figures_agreeing / figures_compared.');
