-- Deleting a source (replacing an article) no longer scans actor_outlets (issue 6).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.
--
-- The 0006 trigger deleted the emptied (actor, outlet) rows with `WHERE outlet = old.outlet AND sources <= 0`:
-- actor_outlets is keyed by (actor_id, outlet), so that was a scan of the whole table per deleted source
-- (6.8 ms of a 16 ms delete at 100k articles). Same trigger, both DELETEs limited to the source's actors
-- (actor_coverage is small in the benchmark, but grows with the persons named).

DROP TRIGGER sources_actor_coverage_bd;
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
    DELETE FROM actor_outlets WHERE outlet = old.outlet AND sources <= 0 AND actor_id IN (
        SELECT actor_id FROM mentions WHERE source_id = old.id AND actor_id IS NOT NULL
        UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = old.id
        UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = old.id
        UNION SELECT actor_id FROM delegation_members WHERE source_id = old.id);
    DELETE FROM actor_coverage WHERE sources <= 0 AND actor_id IN (
        SELECT actor_id FROM mentions WHERE source_id = old.id AND actor_id IS NOT NULL
        UNION SELECT claimant_actor_id FROM exchange_reports WHERE source_id = old.id
        UNION SELECT claimant_actor_id FROM attack_reports WHERE source_id = old.id
        UNION SELECT actor_id FROM delegation_members WHERE source_id = old.id);
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
