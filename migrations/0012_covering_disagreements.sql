-- figure-disagreements reads its rows from a covering index again (issue 6; figures in BENCHMARKS.md).
-- A shipped migration is never edited: add a new NNNN_name.sql file instead.
--
-- event_figure_summaries_disagree (0006) holds every column q_figure_disagreements returns, but not
-- `disagree`, the column of its own WHERE clause: SQLite does not infer a partial index's condition, so the
-- view's `WHERE disagree` looked each row up in the table (plan: `SCAN ... USING INDEX`, not `COVERING
-- INDEX`). On a database of 100,000 articles that was ~15,000 look-ups by primary key, most of the
-- question's 40-50 ms. With `disagree` as the last column the scan is covering. A test
-- (StoreTests.namedQuestionsReadCoveringIndexes) checks the plan of every named question.

DROP INDEX event_figure_summaries_disagree;
CREATE INDEX event_figure_summaries_disagree ON event_figure_summaries(
    event_date, event_type, event_id, field, summary, low, high, distinct_values, sources, figures, outlets, disagree)
    WHERE disagree;
