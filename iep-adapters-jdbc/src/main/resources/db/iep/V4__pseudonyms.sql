-- Which patient a pseudonym stands for, per institution and profile (iep-core pseudonymisation). The first link
-- stays; re-identification reads it for authorised staff only, and every read is audited by the core.
CREATE TABLE iep_pseudonym (
    institution_id VARCHAR(128)             NOT NULL,
    profile        VARCHAR(64)              NOT NULL,
    pseudonym      VARCHAR(64)              NOT NULL,
    patient_id     VARCHAR(256)             NOT NULL,
    patient_name   VARCHAR(1024)            NOT NULL,
    birth_date     VARCHAR(16)              NOT NULL,
    first_seen     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT iep_pseudonym_pk PRIMARY KEY (institution_id, profile, pseudonym)
);
