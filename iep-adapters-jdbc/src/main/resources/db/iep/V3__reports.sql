-- Reports received for studies (HL7 ORU, pasted text), kept until keep_until so that studies arriving later get
-- them; the message key (sender + control ID) makes a resend the same report. Content lives in the blob store.
CREATE TABLE iep_report (
    report_id        VARCHAR(64)              NOT NULL,
    message_key      VARCHAR(512)             NOT NULL,
    accession_number VARCHAR(64)              NOT NULL,
    patient_id       VARCHAR(64)              NOT NULL,
    patient_issuer   VARCHAR(64)              NOT NULL,
    file_name        VARCHAR(256)             NOT NULL,
    media_type       VARCHAR(128)             NOT NULL,
    size_bytes       BIGINT                   NOT NULL,
    sha256           CHAR(64)                 NOT NULL,
    blob_key         VARCHAR(1024)            NOT NULL,
    received         TIMESTAMP WITH TIME ZONE NOT NULL,
    keep_until       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT iep_report_pk PRIMARY KEY (report_id),
    CONSTRAINT iep_report_message_key_uq UNIQUE (message_key)
);
CREATE INDEX iep_report_order_ix ON iep_report (accession_number, patient_id);
CREATE INDEX iep_report_keep_ix ON iep_report (keep_until);

-- Messages refused as malformed or unknown, kept byte for byte (bytes, since a garbage frame may hold NUL) for an
-- administrator to review.
CREATE TABLE iep_report_rejected (
    rejected_id VARCHAR(64)              NOT NULL,
    source      VARCHAR(256)             NOT NULL,
    received    TIMESTAMP WITH TIME ZONE NOT NULL,
    reason      VARCHAR(1024)            NOT NULL,
    raw_message BYTEA                    NOT NULL,
    CONSTRAINT iep_report_rejected_pk PRIMARY KEY (rejected_id)
);
CREATE INDEX iep_report_rejected_received_ix ON iep_report_rejected (received);
