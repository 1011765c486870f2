-- Indexes for speed at scale (issue 6; figures in BENCHMARKS.md).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.

-- Only a few percent of mentions link an actor or a place (most are triggers, numbers, titles, dates),
-- so full indexes on actor_id / place_id were mostly NULL entries. Partial indexes serve the same
-- look-ups (`actor_id = ?`, the ON DELETE SET NULL of actors and places, report_actors) at a fraction of
-- the size, and (actor_id, source_id) covers q_actor_coverage, which otherwise scans the whole mentions table.
CREATE INDEX mentions_actor_source ON mentions(actor_id, source_id) WHERE actor_id IS NOT NULL;
DROP INDEX mentions_actor;
CREATE INDEX mentions_place_only ON mentions(place_id) WHERE place_id IS NOT NULL;
DROP INDEX mentions_place;
