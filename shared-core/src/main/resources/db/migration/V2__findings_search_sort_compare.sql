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

-- Comparing two runs: which findings are new, resolved or unchanged, worked out once per pair of
-- runs (one hash join, runs never change once finished) and then paged on the primary key. A
-- page straight off the findings table would have to probe the other run finding by finding
-- until it has 50 changes, which takes seconds when the changes are few and far apart.
CREATE TABLE run_comparisons (
    run_id      uuid        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    with_run_id uuid        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    compared_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, with_run_id)
);

CREATE TABLE finding_changes (
    run_id      uuid     NOT NULL,
    with_run_id uuid     NOT NULL,
    -- 0 new (seq of run_id's finding), 1 resolved (seq of with_run_id's), 2 unchanged (run_id's)
    change      smallint NOT NULL CHECK (change IN (0, 1, 2)),
    seq         integer  NOT NULL,
    PRIMARY KEY (run_id, with_run_id, change, seq),
    FOREIGN KEY (run_id, with_run_id) REFERENCES run_comparisons (run_id, with_run_id) ON DELETE CASCADE
);
CREATE INDEX run_comparisons_with ON run_comparisons (with_run_id);
