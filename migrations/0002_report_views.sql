-- The report views: their columns are exactly the CSV columns of DESIGN §5, in order.
-- `conflictdb export NAME` runs `SELECT * FROM report_NAME`.

CREATE VIEW report_exchanges AS
SELECT r.exchange_id                              AS event_id,
       coalesce(e.event_date, r.event_date)       AS event_date,
       r.status                                   AS status,
       r.side_a                                   AS side_a,
       r.side_b                                   AS side_b,
       r.kind                                     AS kind,
       r.returned_to_a                            AS returned_to_a,
       r.returned_to_b                            AS returned_to_b,
       r.total                                    AS total,
       r.civilians_to_a                           AS civilians_to_a,
       r.civilians_to_b                           AS civilians_to_b,
       r.qualifier                                AS qualifier,
       r.mediators                                AS mediators,
       c.name                                     AS claimant,
       s.id                                       AS source_id,
       s.path                                     AS source_path,
       s.outlet                                   AS outlet,
       s.url                                      AS url,
       s.published                                AS published,
       substr(s.body, r.span_start + 1, r.span_end - r.span_start) AS evidence
FROM exchange_reports r
JOIN sources s ON s.id = r.source_id
LEFT JOIN exchanges e ON e.id = r.exchange_id
LEFT JOIN actors c ON c.id = r.claimant_actor_id;

CREATE VIEW report_attacks AS
SELECT r.attack_id                                AS event_id,
       coalesce(e.event_date, r.event_date)       AS event_date,
       r.attacker                                 AS attacker,
       r.target_country                           AS target_country,
       r.locations                                AS locations,
       r.targets                                  AS targets,
       r.drones_launched                          AS drones_launched,
       r.drones_downed                            AS drones_downed,
       r.drones_hit                               AS drones_hit,
       r.missiles_launched                        AS missiles_launched,
       r.missiles_downed                          AS missiles_downed,
       r.missiles_hit                             AS missiles_hit,
       r.killed                                   AS killed,
       r.injured                                  AS injured,
       r.qualifier                                AS qualifier,
       c.name                                     AS claimant,
       s.id                                       AS source_id,
       s.path                                     AS source_path,
       s.outlet                                   AS outlet,
       s.url                                      AS url,
       s.published                                AS published,
       substr(s.body, r.span_start + 1, r.span_end - r.span_start) AS evidence
FROM attack_reports r
JOIN sources s ON s.id = r.source_id
LEFT JOIN attacks e ON e.id = r.attack_id
LEFT JOIN actors c ON c.id = r.claimant_actor_id;

CREATE VIEW report_talks AS
SELECT r.talks_id                                 AS talks_id,
       coalesce(t.name, r.name)                   AS name,
       coalesce(t.location, r.location)           AS location,
       coalesce(t.start_date, r.start_date)       AS start_date,
       coalesce(t.end_date, r.end_date)           AS end_date,
       r.parties                                  AS parties,
       r.mediators                                AS mediators,
       s.id                                       AS source_id,
       s.path                                     AS source_path,
       s.outlet                                   AS outlet,
       substr(s.body, r.span_start + 1, r.span_end - r.span_start) AS evidence
FROM talks_reports r
JOIN sources s ON s.id = r.source_id
LEFT JOIN talks t ON t.id = r.talks_id;

CREATE VIEW report_delegations AS
SELECT r.talks_id                                 AS talks_id,
       coalesce(t.name, r.name)                   AS talks_name,
       coalesce(t.location, r.location)           AS location,
       coalesce(t.start_date, r.start_date)       AS start_date,
       d.side                                     AS side,
       m.name                                     AS member,
       m.role                                     AS role,
       s.id                                       AS source_id,
       s.path                                     AS source_path,
       s.outlet                                   AS outlet,
       substr(s.body, m.span_start + 1, m.span_end - m.span_start) AS evidence
FROM delegation_members m
JOIN delegations d ON d.id = m.delegation_id
JOIN talks_reports r ON r.id = d.talks_report_id
JOIN sources s ON s.id = m.source_id
LEFT JOIN talks t ON t.id = r.talks_id;

CREATE VIEW report_actors AS
SELECT a.id                                       AS actor_id,
       a.name                                     AS name,
       a.kind                                     AS kind,
       a.country                                  AS country,
       a.title                                    AS title,
       (SELECT group_concat(alias, ';')
          FROM (SELECT DISTINCT alias FROM actor_aliases
                 WHERE actor_id = a.id AND alias <> a.name ORDER BY alias)) AS aliases,
       (SELECT count(*) FROM (
            SELECT source_id FROM mentions WHERE actor_id = a.id
            UNION SELECT source_id FROM actor_aliases WHERE actor_id = a.id AND source_id IS NOT NULL
            UNION SELECT source_id FROM exchange_reports WHERE claimant_actor_id = a.id
            UNION SELECT source_id FROM attack_reports WHERE claimant_actor_id = a.id
            UNION SELECT source_id FROM delegation_members WHERE actor_id = a.id)) AS sources,
       (SELECT count(*) FROM mentions WHERE actor_id = a.id) AS mentions
FROM actors a;

CREATE VIEW report_sources AS
SELECT s.id                                       AS source_id,
       s.path                                     AS path,
       s.outlet                                   AS outlet,
       s.url                                      AS url,
       s.title                                    AS title,
       s.published                                AS published,
       s.words                                    AS words,
       (SELECT count(*) FROM exchange_reports WHERE source_id = s.id) AS exchanges,
       (SELECT count(*) FROM attack_reports WHERE source_id = s.id)   AS attacks,
       (SELECT count(*) FROM talks_reports WHERE source_id = s.id)    AS talks
FROM sources s;
