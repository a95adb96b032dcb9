-- Storage commitment looks an instance up by its SOP Instance UID alone, in whichever transaction holds it.
CREATE INDEX iep_instance_sop_ix ON iep_instance (sop_instance_uid, transaction_id);
