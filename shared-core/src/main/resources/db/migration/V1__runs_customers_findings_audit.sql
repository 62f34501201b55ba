-- CDT's own store: customers and their integration settings, runs, their findings, and the audit trail.
-- Secret values never live here: settings hold references only (env:, file:, aws-sm:).

CREATE TABLE customers (
    id          text        PRIMARY KEY,
    name        text        NOT NULL,
    settings    jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE runs (
    id               uuid        PRIMARY KEY,
    tool_id          text        NOT NULL,
    customer_id      text        NOT NULL,
    ticket_id        text,
    requested_by     text        NOT NULL,
    parameters       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    phase            text,
    percent          integer     NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    created_at       timestamptz NOT NULL,
    started_at       timestamptz,
    finished_at      timestamptz,
    duration_ms      bigint,
    summary          jsonb,
    error            text,
    cancel_requested boolean     NOT NULL DEFAULT false
);

-- History is read newest first, optionally for one customer, tool, requester or ticket.
CREATE INDEX runs_newest ON runs (created_at DESC, id DESC);
CREATE INDEX runs_customer_newest ON runs (customer_id, created_at DESC, id DESC);
CREATE INDEX runs_ticket ON runs (ticket_id) WHERE ticket_id IS NOT NULL;
-- Startup recovery looks only at unfinished runs.
CREATE INDEX runs_unfinished ON runs (status) WHERE status IN ('QUEUED', 'RUNNING');

CREATE TABLE findings (
    run_id      uuid     NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq         integer  NOT NULL,
    fingerprint text     NOT NULL,
    category    text     NOT NULL,
    severity    text     NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    rule        text,
    title       text     NOT NULL,
    -- json, not jsonb: jsonb re-sorts object keys, which would scramble the field order tools
    -- chose for entity values and evidence (both sides line up in the UI in that order).
    body        json     NOT NULL,
    PRIMARY KEY (run_id, seq)
);

-- Keyset paging on seq within one run, filtered by category and/or severity.
CREATE INDEX findings_by_category ON findings (run_id, category, seq);
CREATE INDEX findings_by_severity ON findings (run_id, severity, seq);

CREATE TABLE audit_events (
    id      bigserial   PRIMARY KEY,
    at      timestamptz NOT NULL DEFAULT now(),
    actor   text        NOT NULL,
    action  text        NOT NULL,
    target  text        NOT NULL,
    details jsonb       NOT NULL DEFAULT '{}'::jsonb
);

CREATE INDEX audit_events_target ON audit_events (target, at DESC);
