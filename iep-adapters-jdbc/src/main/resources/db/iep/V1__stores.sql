-- IEP stores, version 1. One dialect for PostgreSQL 15+ and H2 2.x in
-- MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH.
-- Each aggregate is a row of typed columns (what queries filter, join and sort on) plus, where the record has
-- more, a JSON document (doc) holding the full record. Instants are TIMESTAMP WITH TIME ZONE (microseconds).

-- Transactions -------------------------------------------------------------------------------------------------
CREATE TABLE iep_transaction (
    id                    VARCHAR(128)             NOT NULL,
    tracking              VARCHAR(16)              NOT NULL,
    tx_type               VARCHAR(20)              NOT NULL,
    status                VARCHAR(20)              NOT NULL,
    origin_institution    VARCHAR(128)             NOT NULL,
    sender_institution    VARCHAR(128),
    recipient_institution VARCHAR(128),
    patient_id            VARCHAR(256)             NOT NULL,
    created               TIMESTAMP WITH TIME ZONE NOT NULL,
    expires               TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL,
    doc                   TEXT                     NOT NULL,
    CONSTRAINT iep_transaction_pk PRIMARY KEY (id),
    CONSTRAINT iep_transaction_tracking_uk UNIQUE (tracking)
);
CREATE INDEX iep_transaction_created_ix ON iep_transaction (created DESC, id);
CREATE INDEX iep_transaction_patient_ix ON iep_transaction (patient_id, created DESC);
CREATE INDEX iep_transaction_expires_ix ON iep_transaction (expires);

-- One row per institution a transaction involves (sender's, recipient, origin), with the status and creation time
-- copied so the dashboards (Action Required / In Progress / Failed / All) are one index range scan each.
CREATE TABLE iep_transaction_involved (
    institution_id VARCHAR(128)             NOT NULL,
    transaction_id VARCHAR(128)             NOT NULL,
    status         VARCHAR(20)              NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT iep_involved_pk PRIMARY KEY (institution_id, transaction_id),
    CONSTRAINT iep_involved_tx_fk FOREIGN KEY (transaction_id) REFERENCES iep_transaction (id)
);
CREATE INDEX iep_involved_status_ix ON iep_transaction_involved (institution_id, status, created DESC, transaction_id);
CREATE INDEX iep_involved_all_ix ON iep_transaction_involved (institution_id, created DESC, transaction_id);
CREATE INDEX iep_involved_tx_ix ON iep_transaction_involved (transaction_id);

CREATE TABLE iep_transaction_study (
    transaction_id VARCHAR(128) NOT NULL,
    pos_no         INTEGER      NOT NULL,
    study_uid      VARCHAR(64)  NOT NULL,
    accession      VARCHAR(64)  NOT NULL,
    CONSTRAINT iep_study_pk PRIMARY KEY (transaction_id, pos_no),
    CONSTRAINT iep_study_tx_fk FOREIGN KEY (transaction_id) REFERENCES iep_transaction (id)
);
CREATE INDEX iep_study_uid_ix ON iep_transaction_study (study_uid);
CREATE INDEX iep_study_accession_ix ON iep_transaction_study (accession);

-- The last tracking sequence handed out per institution code; only ever incremented.
CREATE TABLE iep_tracking_sequence (
    code     VARCHAR(16) NOT NULL,
    next_seq BIGINT      NOT NULL,
    CONSTRAINT iep_tracking_sequence_pk PRIMARY KEY (code)
);

-- Directory ----------------------------------------------------------------------------------------------------
CREATE TABLE iep_institution (
    id         VARCHAR(128) NOT NULL,
    code_upper VARCHAR(16)  NOT NULL,
    name       VARCHAR(512) NOT NULL,
    doc        TEXT         NOT NULL,
    CONSTRAINT iep_institution_pk PRIMARY KEY (id),
    CONSTRAINT iep_institution_code_uk UNIQUE (code_upper)
);

CREATE TABLE iep_security_unit (
    id             VARCHAR(128) NOT NULL,
    institution_id VARCHAR(128) NOT NULL,
    name           VARCHAR(512) NOT NULL,
    specialty      VARCHAR(128) NOT NULL,
    CONSTRAINT iep_security_unit_pk PRIMARY KEY (id)
);
CREATE INDEX iep_security_unit_inst_ix ON iep_security_unit (institution_id, name);

CREATE TABLE iep_user (
    id             VARCHAR(128) NOT NULL,
    institution_id VARCHAR(128) NOT NULL,
    email_lower    VARCHAR(320) NOT NULL,
    family_name    VARCHAR(256) NOT NULL,
    given_name     VARCHAR(256) NOT NULL,
    doc            TEXT         NOT NULL,
    CONSTRAINT iep_user_pk PRIMARY KEY (id),
    CONSTRAINT iep_user_email_uk UNIQUE (email_lower)
);
CREATE INDEX iep_user_inst_ix ON iep_user (institution_id, family_name, given_name);

CREATE TABLE iep_node (
    id       VARCHAR(128) NOT NULL,
    owner_id VARCHAR(128) NOT NULL,
    ae_title VARCHAR(64)  NOT NULL, -- trailing spaces removed; the exact title is in doc
    doc      TEXT         NOT NULL,
    CONSTRAINT iep_node_pk PRIMARY KEY (id)
);
CREATE INDEX iep_node_owner_ix ON iep_node (owner_id);
CREATE INDEX iep_node_ae_ix ON iep_node (ae_title);

-- Individuals' access ------------------------------------------------------------------------------------------
CREATE TABLE iep_access_grant (
    id             VARCHAR(128)             NOT NULL,
    transaction_id VARCHAR(128)             NOT NULL,
    token_hash     CHAR(64)                 NOT NULL,
    email_lower    VARCHAR(320)             NOT NULL,
    state          VARCHAR(16)              NOT NULL,
    created        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires        TIMESTAMP WITH TIME ZONE NOT NULL,
    version        BIGINT                   NOT NULL,
    doc            TEXT                     NOT NULL,
    CONSTRAINT iep_access_grant_pk PRIMARY KEY (id),
    CONSTRAINT iep_access_grant_token_uk UNIQUE (token_hash)
);
CREATE INDEX iep_access_grant_tx_ix ON iep_access_grant (transaction_id, created);
CREATE INDEX iep_access_grant_email_ix ON iep_access_grant (email_lower, created DESC);

CREATE TABLE iep_session (
    id_hash   CHAR(64)                 NOT NULL,
    grant_id  VARCHAR(128)             NOT NULL,
    created   TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT iep_session_pk PRIMARY KEY (id_hash)
);
CREATE INDEX iep_session_grant_ix ON iep_session (grant_id);

-- Audit (append-only: the application role gets INSERT and SELECT only, see db/iep-roles) -------------------------
CREATE TABLE iep_audit (
    seq_no         BIGINT                   NOT NULL,
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    at_text        VARCHAR(40)              NOT NULL, -- the exact instant that was hashed
    actor          VARCHAR(256)             NOT NULL,
    institution    VARCHAR(128)             NOT NULL,
    action_name    VARCHAR(128)             NOT NULL,
    transaction_id VARCHAR(128)             NOT NULL,
    patient_id     VARCHAR(256)             NOT NULL,
    accessions     TEXT                     NOT NULL, -- JSON array, in the order that was hashed
    outcome        VARCHAR(16)              NOT NULL,
    remote_address VARCHAR(64)              NOT NULL,
    detail         TEXT                     NOT NULL,
    previous_hash  CHAR(64)                 NOT NULL,
    hash           CHAR(64)                 NOT NULL,
    CONSTRAINT iep_audit_pk PRIMARY KEY (seq_no)
);
CREATE INDEX iep_audit_tx_ix ON iep_audit (transaction_id, seq_no);
CREATE INDEX iep_audit_patient_ix ON iep_audit (patient_id, seq_no);
CREATE INDEX iep_audit_actor_ix ON iep_audit (actor, seq_no);
CREATE INDEX iep_audit_inst_ix ON iep_audit (institution, occurred_at);
CREATE INDEX iep_audit_time_ix ON iep_audit (occurred_at);

CREATE TABLE iep_audit_accession (
    seq_no    BIGINT      NOT NULL,
    pos_no    INTEGER     NOT NULL,
    accession VARCHAR(64) NOT NULL,
    CONSTRAINT iep_audit_accession_pk PRIMARY KEY (seq_no, pos_no),
    CONSTRAINT iep_audit_accession_fk FOREIGN KEY (seq_no) REFERENCES iep_audit (seq_no)
);
CREATE INDEX iep_audit_accession_ix ON iep_audit_accession (accession, seq_no);

-- The head of the hash chain: appenders lock this single row (SELECT ... FOR UPDATE), so appends from every node
-- are serialised and each record chains from the one before it.
CREATE TABLE iep_audit_head (
    id            INTEGER  NOT NULL,
    last_seq_no   BIGINT   NOT NULL,
    last_hash     CHAR(64) NOT NULL,
    CONSTRAINT iep_audit_head_pk PRIMARY KEY (id),
    CONSTRAINT iep_audit_head_single CHECK (id = 1)
);
INSERT INTO iep_audit_head (id, last_seq_no, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Jobs ---------------------------------------------------------------------------------------------------------
CREATE TABLE iep_job (
    id          VARCHAR(256)             NOT NULL,
    enqueue_no  BIGINT GENERATED BY DEFAULT AS IDENTITY,
    kind        VARCHAR(64)              NOT NULL,
    priority    SMALLINT                 NOT NULL, -- 0 Blue Light, 1 Normal, 2 Batch
    run_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    payload     TEXT                     NOT NULL,
    state       VARCHAR(8)               NOT NULL,
    attempts    INTEGER                  NOT NULL,
    last_error  TEXT                     NOT NULL,
    lease_id    VARCHAR(64),
    lease_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT iep_job_pk PRIMARY KEY (id)
);
CREATE INDEX iep_job_due_ix ON iep_job (state, priority, run_at, enqueue_no);
