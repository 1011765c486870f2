-- Named questions read in their default order from rows kept per event at import time (every question
-- < 50 ms at 100k articles, BENCHMARKS.md). The questions that returned most events (timeline,
-- single-source-events, attack-claims, delegation-roster) or split and summed per event at query time
-- (exchange-tally) now read tables that Consolidation.refresh (Sources/ConflictStore/Consolidation.swift)
-- rewrites for each event whose reports change, with covering indexes in the `ask` order. The q_* views
-- keep their names and columns and give the same rows as the 0004/0006 definitions.
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.

-- 1. One row per event (exchange, attack, talks): what q_timeline lists, and for an event only one source
--    reports, that source (q_single_source_events).
CREATE TABLE timeline_events (
    event_type   TEXT NOT NULL,
    event_id     INTEGER NOT NULL,
    event_date   TEXT,
    summary      TEXT,
    sources      INTEGER NOT NULL,
    reports      INTEGER NOT NULL,
    merge_rule   TEXT,
    outlet       TEXT,
    source_path  TEXT,
    url          TEXT,
    PRIMARY KEY (event_type, event_id)
) WITHOUT ROWID;

INSERT INTO timeline_events(event_type, event_id, event_date, summary, sources, reports, merge_rule, outlet, source_path, url)
SELECT 'exchange', e.id, e.event_date, e.status || ' ' || e.kind || ' exchange ' || e.side_a || '-' || e.side_b,
       e.sources, e.reports, e.merge_rule, s.outlet, s.path, s.url
FROM exchanges e
LEFT JOIN sources s ON e.sources = 1 AND s.id = (SELECT source_id FROM exchange_reports WHERE exchange_id = e.id LIMIT 1);

INSERT INTO timeline_events(event_type, event_id, event_date, summary, sources, reports, merge_rule, outlet, source_path, url)
SELECT 'attack', a.id, a.event_date, 'attack by ' || coalesce(a.attacker, '?') || ' on ' || coalesce(a.target_country, '?'),
       a.sources, a.reports, a.merge_rule, s.outlet, s.path, s.url
FROM attacks a
LEFT JOIN sources s ON a.sources = 1 AND s.id = (SELECT source_id FROM attack_reports WHERE attack_id = a.id LIMIT 1);

INSERT INTO timeline_events(event_type, event_id, event_date, summary, sources, reports, merge_rule, outlet, source_path, url)
SELECT 'talks', t.id, t.start_date,
       t.name || coalesce(' in ' || t.location, '') ||
           CASE WHEN t.name LIKE '%round%' THEN '' ELSE coalesce(' (round ' || t.round || ')', '') END,
       t.sources, t.reports, t.merge_rule, s.outlet, s.path, s.url
FROM talks t
LEFT JOIN sources s ON t.sources = 1 AND s.id = (SELECT source_id FROM talks_reports WHERE talks_id = t.id LIMIT 1);

-- Covering, in the order `ask timeline` and `ask single-source-events` sort by.
CREATE INDEX timeline_events_order ON timeline_events(event_date, event_type, event_id, summary, sources, reports, merge_rule);
CREATE INDEX timeline_events_single ON timeline_events(event_date, event_type, event_id, summary, outlet, source_path, url, reports, sources)
    WHERE sources = 1;

DROP VIEW q_single_source_events;
DROP VIEW q_timeline;

CREATE VIEW q_timeline AS
SELECT event_type AS event_type, event_id AS event_id, event_date AS event_date, summary AS summary,
       sources AS sources, reports AS reports, merge_rule AS merge_rule
FROM timeline_events INDEXED BY timeline_events_order;

CREATE VIEW q_single_source_events AS
SELECT event_type AS event_type, event_id AS event_id, event_date AS event_date, summary AS summary,
       outlet AS outlet, source_path AS source_path, url AS url, reports AS reports
FROM timeline_events INDEXED BY timeline_events_single
WHERE sources = 1;

-- 2. Attack claims: the 0004 q_attack_claims row of each attack event. attack_claims_computed is that
--    definition (computed at query time); consolidation copies its row for one event into attack_claims.
CREATE VIEW attack_claims_computed AS
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

CREATE TABLE attack_claims (
    event_id                    INTEGER PRIMARY KEY,
    event_date                  TEXT,
    attacker                    TEXT,
    target_country              TEXT,
    defender_drones_launched    INTEGER,
    defender_drones_downed      INTEGER,
    defender_missiles_launched  INTEGER,
    defender_missiles_downed    INTEGER,
    defender_killed             INTEGER,
    attacker_drones_launched    INTEGER,
    attacker_drones_hit         INTEGER,
    attacker_missiles_launched  INTEGER,
    attacker_missiles_hit       INTEGER,
    defender_claimants          TEXT,
    attacker_claimants          TEXT,
    other_downed                INTEGER,
    sources                     INTEGER NOT NULL
);

INSERT INTO attack_claims SELECT * FROM attack_claims_computed;

CREATE INDEX attack_claims_order ON attack_claims(event_date, event_id, attacker, target_country,
    defender_drones_launched, defender_drones_downed, defender_missiles_launched, defender_missiles_downed, defender_killed,
    attacker_drones_launched, attacker_drones_hit, attacker_missiles_launched, attacker_missiles_hit,
    defender_claimants, attacker_claimants, other_downed, sources);

-- A claimant's country becomes known after its first reports (actors get a country from a later article):
-- the attacks it claims about are sorted into defender and attacker again. (The attack_claims_computed
-- expressions again: SQLite does not push `event_id IN (SELECT ...)` into the view, it would aggregate
-- every attack.)
CREATE TRIGGER actors_attack_claims_au AFTER UPDATE OF country ON actors WHEN old.country IS NOT new.country BEGIN
    DELETE FROM attack_claims WHERE event_id IN (SELECT attack_id FROM attack_reports WHERE claimant_actor_id = new.id);
    INSERT INTO attack_claims
    SELECT a.id, a.event_date, a.attacker, a.target_country,
           max(CASE WHEN c.country = a.target_country THEN r.drones_launched END),
           max(CASE WHEN c.country = a.target_country THEN r.drones_downed END),
           max(CASE WHEN c.country = a.target_country THEN r.missiles_launched END),
           max(CASE WHEN c.country = a.target_country THEN r.missiles_downed END),
           max(CASE WHEN c.country = a.target_country THEN r.killed END),
           max(CASE WHEN c.country = a.attacker THEN r.drones_launched END),
           max(CASE WHEN c.country = a.attacker THEN r.drones_hit END),
           max(CASE WHEN c.country = a.attacker THEN r.missiles_launched END),
           max(CASE WHEN c.country = a.attacker THEN r.missiles_hit END),
           group_concat(DISTINCT CASE WHEN c.country = a.target_country THEN c.name END),
           group_concat(DISTINCT CASE WHEN c.country = a.attacker THEN c.name END),
           max(CASE WHEN c.country IS NULL OR c.country NOT IN (coalesce(a.attacker, ''), coalesce(a.target_country, ''))
                    THEN coalesce(r.drones_downed, r.missiles_downed) END),
           a.sources
    FROM attacks a
    JOIN attack_reports r ON r.attack_id = a.id
    LEFT JOIN actors c ON c.id = r.claimant_actor_id
    WHERE a.id IN (SELECT attack_id FROM attack_reports WHERE claimant_actor_id = new.id)
    GROUP BY a.id;
END;

DROP VIEW q_attack_claims;
CREATE VIEW q_attack_claims AS
SELECT event_id AS event_id, event_date AS event_date, attacker AS attacker, target_country AS target_country,
       defender_drones_launched AS defender_drones_launched, defender_drones_downed AS defender_drones_downed,
       defender_missiles_launched AS defender_missiles_launched, defender_missiles_downed AS defender_missiles_downed,
       defender_killed AS defender_killed, attacker_drones_launched AS attacker_drones_launched,
       attacker_drones_hit AS attacker_drones_hit, attacker_missiles_launched AS attacker_missiles_launched,
       attacker_missiles_hit AS attacker_missiles_hit, defender_claimants AS defender_claimants,
       attacker_claimants AS attacker_claimants, other_downed AS other_downed, sources AS sources
FROM attack_claims INDEXED BY attack_claims_order;

-- 3. Exchange tally: per completed exchange and mediator (or '(none)'), the low and high figures and the
--    running totals of its (mediator, side_a, side_b) series up to it. Consolidation.refresh rewrites the
--    event's rows, then the running totals of the series they are in (one partition, not the table).
CREATE TABLE exchange_tally_rows (
    mediator            TEXT NOT NULL,
    event_id            INTEGER NOT NULL,
    event_date          TEXT,
    side_a              TEXT,
    side_b              TEXT,
    kind                TEXT,
    returned_to_a_low   INTEGER,
    returned_to_a_high  INTEGER,
    returned_to_b_low   INTEGER,
    returned_to_b_high  INTEGER,
    cumulative_to_a     INTEGER NOT NULL DEFAULT 0,
    cumulative_to_b     INTEGER NOT NULL DEFAULT 0,
    sources             INTEGER NOT NULL
);

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
INSERT INTO exchange_tally_rows(mediator, event_id, event_date, side_a, side_b, kind, returned_to_a_low, returned_to_a_high,
                                returned_to_b_low, returned_to_b_high, cumulative_to_a, cumulative_to_b, sources)
SELECT mediator, id, event_date, side_a, side_b, kind, to_a_low, to_a_high, to_b_low, to_b_high,
       sum(coalesce(to_a_low, 0)) OVER w, sum(coalesce(to_b_low, 0)) OVER w, sources
FROM per
WINDOW w AS (PARTITION BY mediator, side_a, side_b ORDER BY event_date, id ROWS UNBOUNDED PRECEDING);

CREATE INDEX exchange_tally_rows_order ON exchange_tally_rows(mediator, side_a, side_b, event_date, event_id, kind,
    returned_to_a_low, returned_to_a_high, returned_to_b_low, returned_to_b_high, cumulative_to_a, cumulative_to_b, sources);
CREATE INDEX exchange_tally_rows_event ON exchange_tally_rows(event_id);

DROP VIEW q_exchange_tally;
CREATE VIEW q_exchange_tally AS
SELECT mediator AS mediator, event_date AS event_date, event_id AS event_id, side_a AS side_a, side_b AS side_b, kind AS kind,
       returned_to_a_low AS returned_to_a_low, returned_to_a_high AS returned_to_a_high,
       returned_to_b_low AS returned_to_b_low, returned_to_b_high AS returned_to_b_high,
       cumulative_to_a AS cumulative_to_a, cumulative_to_b AS cumulative_to_b, sources AS sources
FROM exchange_tally_rows INDEXED BY exchange_tally_rows_order;

-- 4. Delegation roster. Per side and person, the number of rounds with a seat (kept by triggers on
--    delegation_seats; a row stays when it drops to 0, so that its id does not change); per talks event
--    and side with a seat, its date (to find a side's previous round); per talks event, side and person,
--    the roster row but rounds_attended, which the view joins by person_id, a rowid (rewritten by
--    Consolidation.refresh for the event, and for the round after it on each side).
CREATE TABLE delegation_persons (
    id      INTEGER PRIMARY KEY,
    side    TEXT NOT NULL,
    person  INTEGER NOT NULL,
    rounds  INTEGER NOT NULL,
    UNIQUE (side, person)
);

INSERT INTO delegation_persons(side, person, rounds)
SELECT side, person, count(*) FROM delegation_seats GROUP BY side, person;

CREATE TRIGGER delegation_seats_persons_ai AFTER INSERT ON delegation_seats BEGIN
    INSERT INTO delegation_persons(side, person, rounds) VALUES (new.side, new.person, 1)
    ON CONFLICT(side, person) DO UPDATE SET rounds = rounds + 1;
END;
CREATE TRIGGER delegation_seats_persons_ad AFTER DELETE ON delegation_seats BEGIN
    UPDATE delegation_persons SET rounds = rounds - 1 WHERE side = old.side AND person = old.person;
END;

CREATE TABLE delegation_rounds (
    talks_id    INTEGER NOT NULL,
    side        TEXT NOT NULL,
    start_date  TEXT,
    PRIMARY KEY (talks_id, side)
) WITHOUT ROWID;
CREATE INDEX delegation_rounds_order ON delegation_rounds(side, start_date, talks_id);

INSERT INTO delegation_rounds(talks_id, side, start_date)
SELECT DISTINCT s.talks_id, s.side, t.start_date FROM delegation_seats s JOIN talks t ON t.id = s.talks_id;

CREATE TABLE delegation_roster_rows (
    talks_id           INTEGER NOT NULL,
    side               TEXT NOT NULL,
    person             INTEGER NOT NULL,
    change             TEXT NOT NULL,
    start_date         TEXT,
    talks_name         TEXT,
    location           TEXT,
    round              INTEGER,
    member             TEXT,
    roles              TEXT,
    sources            INTEGER NOT NULL,
    previous_talks_id  INTEGER,
    person_id          INTEGER NOT NULL,
    PRIMARY KEY (talks_id, side, person)
) WITHOUT ROWID;

WITH ordered AS (
    SELECT r.talks_id, r.side, r.start_date, t.name, t.round, t.location,
           lag(r.talks_id) OVER (PARTITION BY r.side ORDER BY r.start_date, r.talks_id) AS previous_talks_id
    FROM delegation_rounds r JOIN talks t ON t.id = r.talks_id
)
INSERT INTO delegation_roster_rows(talks_id, side, person, change, start_date, talks_name, location, round, member, roles,
                                   sources, previous_talks_id, person_id)
SELECT o.talks_id, o.side, s.person,
       CASE WHEN o.previous_talks_id IS NULL THEN 'first'
            WHEN EXISTS (SELECT 1 FROM delegation_seats p WHERE p.talks_id = o.previous_talks_id AND p.side = o.side AND p.person = s.person)
            THEN 'stayed' ELSE 'joined' END,
       o.start_date, o.name, o.location, o.round, s.member, s.roles, s.sources, o.previous_talks_id,
       (SELECT id FROM delegation_persons d WHERE d.side = s.side AND d.person = s.person)
FROM ordered o JOIN delegation_seats s ON s.talks_id = o.talks_id AND s.side = o.side
UNION ALL
SELECT o.talks_id, o.side, p.person, 'left', o.start_date, o.name, o.location, o.round, p.member, p.roles, 0, o.previous_talks_id,
       (SELECT id FROM delegation_persons d WHERE d.side = p.side AND d.person = p.person)
FROM ordered o JOIN delegation_seats p ON p.talks_id = o.previous_talks_id AND p.side = o.side
WHERE NOT EXISTS (SELECT 1 FROM delegation_seats s WHERE s.talks_id = o.talks_id AND s.side = o.side AND s.person = p.person);

CREATE INDEX delegation_roster_rows_order ON delegation_roster_rows(side, start_date, talks_id, change, member,
    talks_name, location, round, roles, sources, previous_talks_id, person_id);

DROP VIEW q_delegation_roster;
CREATE VIEW q_delegation_roster AS
SELECT r.talks_id AS talks_id, r.talks_name AS talks_name, r.location AS location, r.start_date AS start_date,
       r.round AS round, r.side AS side, r.member AS member, r.roles AS roles, r.sources AS sources,
       p.rounds AS rounds_attended, r.change AS change, r.previous_talks_id AS previous_talks_id
FROM delegation_roster_rows r INDEXED BY delegation_roster_rows_order
LEFT JOIN delegation_persons p ON p.id = r.person_id;

-- 5. Codebook rows.

INSERT INTO codebook(object, "column", description) VALUES
('timeline_events', '', 'Per event (exchange, attack, talks): what q_timeline and q_single_source_events list (rewritten by consolidation when the event changes).'),
('timeline_events', 'event_type', 'exchange, attack or talks.'),
('timeline_events', 'event_id', 'Event id.'),
('timeline_events', 'event_date', 'Event date (talks: first day).'),
('timeline_events', 'summary', 'What happened, in a few words.'),
('timeline_events', 'sources', 'Number of distinct sources reporting the event.'),
('timeline_events', 'reports', 'Number of reports linked to the event.'),
('timeline_events', 'merge_rule', 'How its reports were grouped (the event''s merge_rule).'),
('timeline_events', 'outlet', 'When one source reports the event: its outlet (else NULL).'),
('timeline_events', 'source_path', 'When one source reports the event: its file path.'),
('timeline_events', 'url', 'When one source reports the event: its URL.'),

('exchange_tally_rows', '', 'Per completed exchange and mediator: its figures and running totals (rewritten by consolidation with the running totals of its series); q_exchange_tally reads it.'),
('exchange_tally_rows', 'mediator', 'ISO3 of a mediator some source names, or (none).'),
('exchange_tally_rows', 'event_id', 'Exchange event id.'),
('exchange_tally_rows', 'event_date', 'Date of the exchange.'),
('exchange_tally_rows', 'side_a', 'ISO3 of the first side.'),
('exchange_tally_rows', 'side_b', 'ISO3 of the second side.'),
('exchange_tally_rows', 'kind', 'pow, civilians, mixed or bodies.'),
('exchange_tally_rows', 'returned_to_a_low', 'Lowest figure given for people returned to side A.'),
('exchange_tally_rows', 'returned_to_a_high', 'Highest figure given.'),
('exchange_tally_rows', 'returned_to_b_low', 'Lowest figure given for people returned to side B.'),
('exchange_tally_rows', 'returned_to_b_high', 'Highest figure given.'),
('exchange_tally_rows', 'cumulative_to_a', 'Sum of returned_to_a_low (none: 0) over the mediator''s exchanges between the same sides up to this one (by date, then id).'),
('exchange_tally_rows', 'cumulative_to_b', 'The same for returned_to_b_low.'),
('exchange_tally_rows', 'sources', 'Number of sources.'),

('delegation_persons', '', 'Per side and person: number of talks events with a seat in the side''s delegation (kept by triggers on delegation_seats).'),
('delegation_persons', 'id', 'Row id (delegation_roster_rows.person_id); kept when rounds drops to 0.'),
('delegation_persons', 'side', 'ISO3 of the delegation''s side.'),
('delegation_persons', 'person', 'As delegation_seats.person.'),
('delegation_persons', 'rounds', 'Number of talks events (q_delegation_roster.rounds_attended).'),

('delegation_rounds', '', 'Per talks event and side with a delegation seat: the date that orders the side''s rounds (rewritten by consolidation).'),
('delegation_rounds', 'talks_id', 'Talks event id.'),
('delegation_rounds', 'side', 'ISO3 of the delegation''s side.'),
('delegation_rounds', 'start_date', 'The talks'' first day.'),

('delegation_roster_rows', '', 'Per talks event, side and person: the q_delegation_roster row but rounds_attended (rewritten by consolidation for the event and the side''s next round).'),
('delegation_roster_rows', 'talks_id', 'Talks event id.'),
('delegation_roster_rows', 'side', 'ISO3 of the delegation''s side.'),
('delegation_roster_rows', 'person', 'As delegation_seats.person.'),
('delegation_roster_rows', 'change', 'first, stayed, joined or left (see q_delegation_roster).'),
('delegation_roster_rows', 'start_date', 'First day of the talks.'),
('delegation_roster_rows', 'talks_name', 'Name of the talks.'),
('delegation_roster_rows', 'location', 'Venue.'),
('delegation_roster_rows', 'round', 'Round number.'),
('delegation_roster_rows', 'member', 'Member name.'),
('delegation_roster_rows', 'roles', 'Roles the sources give.'),
('delegation_roster_rows', 'sources', 'Number of sources naming the member in this delegation (0 for left).'),
('delegation_roster_rows', 'previous_talks_id', 'The side''s previous delegation''s talks id.'),
('delegation_roster_rows', 'person_id', 'delegation_persons.id of the side and person (rounds_attended).');

INSERT INTO codebook(object, "column", description)
SELECT t.name, c."column", c.description
FROM codebook c, (SELECT 'attack_claims' AS name UNION ALL SELECT 'attack_claims_computed') t
WHERE c.object = 'q_attack_claims' AND c."column" <> '';
INSERT INTO codebook(object, "column", description) VALUES
('attack_claims', '', 'Per attack event: the q_attack_claims row (copied from attack_claims_computed by consolidation when the event changes, and when a claimant gets a country).'),
('attack_claims_computed', '', 'q_attack_claims computed from the reports at query time (the 0004 definition); consolidation copies one event''s row into attack_claims.');
