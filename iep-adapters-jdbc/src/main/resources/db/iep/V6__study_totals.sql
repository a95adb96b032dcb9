-- Running totals per study of the instance index, changed in the same database transaction as each instance row,
-- so a study's counts are one row instead of an aggregate over its instances (which made ingesting a study
-- quadratic in its size). modalities: the distinct non-empty Modality values, sorted, joined by '\'; NULL when not
-- known (rows taken over from before this table, or too many values to keep), then computed from iep_instance.
CREATE TABLE iep_study_totals (
    transaction_id     VARCHAR(128)  NOT NULL,
    study_instance_uid VARCHAR(64)   NOT NULL,
    instances          INTEGER       NOT NULL,
    size_bytes         BIGINT        NOT NULL,
    modalities         VARCHAR(1024),
    CONSTRAINT iep_study_totals_pk PRIMARY KEY (transaction_id, study_instance_uid)
);
INSERT INTO iep_study_totals (transaction_id, study_instance_uid, instances, size_bytes, modalities)
    SELECT transaction_id, study_instance_uid, COUNT(*), SUM(size_bytes), NULL FROM iep_instance
    GROUP BY transaction_id, study_instance_uid;
