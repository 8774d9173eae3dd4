namespace RightToManage.Workflows.Persistence.Impl;

/// <summary>
/// The schema as numbered migrations, written once for both databases with type placeholders.
/// Append new migrations; never edit one that has shipped.
/// </summary>
internal static class Schema
{
    public static readonly IReadOnlyList<string> Migrations =
    [
        """
        CREATE TABLE wf_definitions (
            definition_id text NOT NULL,
            version integer NOT NULL,
            name text NOT NULL,
            content text NOT NULL,
            content_hash text NOT NULL,
            origin text NOT NULL,
            is_published {bool} NOT NULL,
            created_at {time} NOT NULL,
            PRIMARY KEY (definition_id, version)
        );
        CREATE TABLE wf_instances (
            id {uuid} PRIMARY KEY,
            definition_id text NOT NULL,
            definition_version integer NOT NULL,
            reference text NULL UNIQUE,
            status text NOT NULL,
            outcome text NULL,
            stage text NULL,
            state text NOT NULL,
            version integer NOT NULL,
            journal_length bigint NOT NULL,
            journal_head text NOT NULL,
            created_at {time} NOT NULL,
            updated_at {time} NOT NULL,
            FOREIGN KEY (definition_id, definition_version) REFERENCES wf_definitions (definition_id, version)
        );
        CREATE INDEX ix_wf_instances_status ON wf_instances (status);
        CREATE INDEX ix_wf_instances_definition ON wf_instances (definition_id, definition_version);
        CREATE TABLE wf_timers (
            id text PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            activity_id text NOT NULL,
            name text NOT NULL,
            due_at {time} NOT NULL,
            created_at {time} NOT NULL
        );
        CREATE INDEX ix_wf_timers_instance ON wf_timers (instance_id);
        CREATE TABLE wf_stimuli (
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            idempotency_key text NOT NULL,
            event_name text NULL,
            bookmark_id text NULL,
            payload text NULL,
            actor text NOT NULL,
            status text NOT NULL,
            received_at {time} NOT NULL,
            applied_at {time} NULL,
            PRIMARY KEY (instance_id, idempotency_key)
        );
        CREATE INDEX ix_wf_stimuli_pending ON wf_stimuli (instance_id, received_at) WHERE status = 'pending';
        CREATE TABLE wf_journal (
            instance_id {uuid} NOT NULL,
            sequence bigint NOT NULL,
            at {time} NOT NULL,
            actor text NOT NULL,
            steps text NOT NULL,
            previous_hash text NOT NULL,
            hash text NOT NULL,
            PRIMARY KEY (instance_id, sequence)
        );
        CREATE TABLE wf_incidents (
            id {uuid} PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            activity_id text NOT NULL,
            error text NOT NULL,
            details text NULL,
            raised_at {time} NOT NULL,
            resolved_at {time} NULL,
            resolved_by text NULL
        );
        CREATE INDEX ix_wf_incidents_instance ON wf_incidents (instance_id);
        CREATE INDEX ix_wf_incidents_open ON wf_incidents (raised_at) WHERE resolved_at IS NULL;
        CREATE TABLE wf_outbox (
            id {uuid} PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            activity_id text NOT NULL,
            kind text NOT NULL,
            payload text NOT NULL,
            created_at {time} NOT NULL,
            due_at {time} NULL,
            attempts integer NOT NULL DEFAULT 0,
            processed_at {time} NULL
        );
        CREATE INDEX ix_wf_outbox_instance ON wf_outbox (instance_id);
        CREATE INDEX ix_wf_outbox_unprocessed ON wf_outbox (kind, due_at) WHERE processed_at IS NULL;
        """,
        // 2: delivery of outbox messages (status, retries with backoff, a lease per attempt, what was sent),
        // and incidents raised by a delivery rather than by a step of the flowchart.
        """
        ALTER TABLE wf_outbox ADD COLUMN status text NOT NULL DEFAULT 'pending';
        ALTER TABLE wf_outbox ADD COLUMN next_attempt_at {time} NULL;
        ALTER TABLE wf_outbox ADD COLUMN locked_until {time} NULL;
        ALTER TABLE wf_outbox ADD COLUMN last_error text NULL;
        ALTER TABLE wf_outbox ADD COLUMN sent_at {time} NULL;
        ALTER TABLE wf_outbox ADD COLUMN delivery text NULL;
        UPDATE wf_outbox SET next_attempt_at = COALESCE(due_at, created_at);
        CREATE INDEX ix_wf_outbox_due ON wf_outbox (kind, next_attempt_at) WHERE status = 'pending';
        ALTER TABLE wf_incidents ADD COLUMN outbox_id {uuid} NULL;
        CREATE INDEX ix_wf_incidents_outbox ON wf_incidents (outbox_id) WHERE outbox_id IS NOT NULL;
        """,
        // 3: human tasks as a projection of the cases' state for inboxes, and the organisations each case is
        // between (who may see it).
        """
        CREATE TABLE wf_tasks (
            id text PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            activity_id text NOT NULL,
            title text NOT NULL,
            candidate_organisation text NULL,
            candidate_role text NULL,
            assignee text NULL,
            priority integer NOT NULL,
            status text NOT NULL,
            last_day text NULL,
            due_at {time} NULL,
            created_at {time} NOT NULL,
            completed_at {time} NULL,
            completed_by text NULL,
            outcome text NULL
        );
        CREATE INDEX ix_wf_tasks_open_organisation ON wf_tasks (candidate_organisation, due_at) WHERE status = 'open';
        CREATE INDEX ix_wf_tasks_open_assignee ON wf_tasks (assignee, due_at) WHERE status = 'open';
        CREATE INDEX ix_wf_tasks_instance ON wf_tasks (instance_id);
        CREATE TABLE wf_case_organisations (
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            role text NOT NULL,
            organisation_id text NOT NULL,
            PRIMARY KEY (instance_id, role)
        );
        CREATE INDEX ix_wf_case_organisations_organisation ON wf_case_organisations (organisation_id, instance_id);
        CREATE INDEX ix_wf_instances_updated ON wf_instances (updated_at);
        CREATE INDEX ix_wf_instances_stage ON wf_instances (stage, updated_at);
        CREATE INDEX ix_wf_timers_instance_name ON wf_timers (instance_id, name, due_at);
        """,
        // 4: documents attached to cases (and optionally to one of their tasks), content and all, with their size and
        // SHA-256. bytea is PostgreSQL's binary type; SQLite keeps a BLOB as it is under any declared type.
        """
        CREATE TABLE wf_documents (
            id {uuid} PRIMARY KEY,
            instance_id {uuid} NOT NULL REFERENCES wf_instances (id) ON DELETE CASCADE,
            task_id text NULL,
            file_name text NOT NULL,
            content_type text NOT NULL,
            size bigint NOT NULL,
            sha256 text NOT NULL,
            content bytea NOT NULL,
            uploaded_by text NOT NULL,
            uploaded_at {time} NOT NULL
        );
        CREATE INDEX ix_wf_documents_instance ON wf_documents (instance_id, uploaded_at);
        """,
        // 5: an administrator's list of every open task, in inbox order, read from an index rather than by sorting
        // every open task (at 1,000,000 cases that sort ran past the command timeout: bench/run-scale.sh).
        """
        CREATE INDEX ix_wf_tasks_open_due ON wf_tasks (due_at, priority DESC, created_at, id) WHERE status = 'open';
        """,
    ];

    public static string Render(string migration, SqlDialect dialect) => migration
        .Replace("{uuid}", dialect.UuidType)
        .Replace("{time}", dialect.TimeType)
        .Replace("{bool}", dialect.BoolType);
}
