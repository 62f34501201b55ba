-- Issue 5: the agents' findings table searches, sorts by any column and compares two runs, all
-- keyset-paged on indexes so that a run of 100,000 findings pages as fast as a small one.

-- Severity in the order agents read it (error first), and the values the title and key sorts
-- compare: cut to 200 characters so that no long title can exceed a btree entry, titles in
-- lower case so that "alpha" and "Beta" sort as a person expects.
ALTER TABLE findings
    ADD COLUMN severity_rank smallint GENERATED ALWAYS AS
        (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END) STORED,
    ADD COLUMN sort_title text GENERATED ALWAYS AS (lower(left(title, 200))) STORED,
    ADD COLUMN sort_key text GENERATED ALWAYS AS (left(coalesce(body -> 'entities' -> 0 ->> 'key', ''), 200)) STORED,
    -- what q searches, lower-cased: title, rule, category, every entity's key and values (written by
    -- FindingStore; rows stored before this migration get their entities' JSON, close enough)
    ADD COLUMN search text;

UPDATE findings
   SET search = lower(title || E'\n' || coalesce(rule, '') || E'\n' || category || E'\n' || coalesce((body -> 'entities')::text, ''));

ALTER TABLE findings ALTER COLUMN search SET NOT NULL;

CREATE INDEX findings_by_severity_rank ON findings (run_id, severity_rank, seq);
CREATE INDEX findings_by_title ON findings (run_id, sort_title, seq);
CREATE INDEX findings_by_key ON findings (run_id, sort_key, seq);
-- comparing two runs matches findings by fingerprint
CREATE INDEX findings_by_fingerprint ON findings (run_id, fingerprint);

-- The dashboard: the latest SUCCEEDED run per customer and tool, and the latest connection test
-- per customer and connector.
CREATE INDEX runs_latest_succeeded ON runs (customer_id, tool_id, created_at DESC, id DESC) WHERE status = 'SUCCEEDED';
CREATE INDEX audit_events_connection_tests ON audit_events (target, (details ->> 'connector'), at DESC, id DESC)
    WHERE action = 'connector.test';
