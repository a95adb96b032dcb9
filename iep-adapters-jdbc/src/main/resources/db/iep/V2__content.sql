-- The instance index: one row per DICOM instance stored under a transaction. Visible exactly when present; rows are
-- inserted only after the blob is written and verified (iep-core ingest).
CREATE TABLE iep_instance (
    transaction_id      VARCHAR(128)             NOT NULL,
    sop_instance_uid    VARCHAR(64)              NOT NULL,
    study_instance_uid  VARCHAR(64)              NOT NULL,
    series_instance_uid VARCHAR(64)              NOT NULL,
    sop_class_uid       VARCHAR(64)              NOT NULL,
    transfer_syntax_uid VARCHAR(64)              NOT NULL,
    patient_id          VARCHAR(256)             NOT NULL,
    patient_name        VARCHAR(1024)            NOT NULL,
    birth_date          VARCHAR(16)              NOT NULL,
    accession_number    VARCHAR(64)              NOT NULL,
    modality            VARCHAR(64)              NOT NULL,
    blob_key            VARCHAR(1024)            NOT NULL,
    size_bytes          BIGINT                   NOT NULL,
    sha256              CHAR(64)                 NOT NULL,
    received            TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT iep_instance_pk PRIMARY KEY (transaction_id, sop_instance_uid)
);
CREATE INDEX iep_instance_study_ix ON iep_instance (transaction_id, study_instance_uid, series_instance_uid,
    sop_instance_uid);
CREATE INDEX iep_instance_blob_ix ON iep_instance (blob_key);
