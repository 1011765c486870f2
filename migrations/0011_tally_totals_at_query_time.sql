-- The exchange tally's running totals are computed when the question runs, not kept (issue 6).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.
--
-- 0008 kept cumulative_to_a/_b in exchange_tally_rows, so a new exchange changed the kept totals of
-- every later exchange of its (mediator, side_a, side_b) series: refreshing one event rewrote, on
-- average, half of its series (1.2 ms per exchange event at 100k articles, and growing with the
-- database). The view now sums them with a window over the table's order index (the question reads
-- that index in order anyway: +1-2 ms for the 15k rows of the 100k benchmark database).
-- Rows, columns and their order are unchanged. A filter on the view (`ask exchange-tally --since`)
-- does not reach inside the window: the totals still count the series from its start.

DROP VIEW q_exchange_tally;
DROP INDEX exchange_tally_rows_order;
ALTER TABLE exchange_tally_rows DROP COLUMN cumulative_to_a;
ALTER TABLE exchange_tally_rows DROP COLUMN cumulative_to_b;
CREATE INDEX exchange_tally_rows_order ON exchange_tally_rows(mediator, side_a, side_b, event_date, event_id, kind,
    returned_to_a_low, returned_to_a_high, returned_to_b_low, returned_to_b_high, sources);

CREATE VIEW q_exchange_tally AS
SELECT mediator AS mediator, event_date AS event_date, event_id AS event_id, side_a AS side_a, side_b AS side_b, kind AS kind,
       returned_to_a_low AS returned_to_a_low, returned_to_a_high AS returned_to_a_high,
       returned_to_b_low AS returned_to_b_low, returned_to_b_high AS returned_to_b_high,
       sum(coalesce(returned_to_a_low, 0)) OVER w AS cumulative_to_a,
       sum(coalesce(returned_to_b_low, 0)) OVER w AS cumulative_to_b,
       sources AS sources
FROM exchange_tally_rows INDEXED BY exchange_tally_rows_order
WINDOW w AS (PARTITION BY mediator, side_a, side_b ORDER BY event_date, event_id ROWS UNBOUNDED PRECEDING);

DELETE FROM codebook WHERE object = 'exchange_tally_rows' AND "column" IN ('', 'cumulative_to_a', 'cumulative_to_b');
INSERT INTO codebook(object, "column", description) VALUES
('exchange_tally_rows', '', 'Per completed exchange and mediator: its figures (rewritten by consolidation when the event''s reports change); q_exchange_tally reads it and adds the running totals.');
