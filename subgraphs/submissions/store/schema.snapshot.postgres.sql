column audit_event.action text not null
column audit_event.actor text not null
column audit_event.actor_name text
column audit_event.after text not null
column audit_event.at text not null
column audit_event.before text
column audit_event.entry_id text not null
column audit_event.entry_version integer not null
column audit_event.id text not null
column audit_event.reason text
column audit_event.role text not null
column entry.acknowledged text not null
column entry.approved_by text
column entry.approved_by_name text
column entry.comment text
column entry.created_at text not null
column entry.denominator double precision
column entry.entered_by text not null
column entry.entered_by_name text
column entry.evidence text not null
column entry.id text not null
column entry.indicator_code text not null
column entry.justification text
column entry.numerator double precision
column entry.overrides_system integer not null default 0
column entry.status text not null
column entry.unit_id text not null
column entry.updated_at text not null
column entry.value double precision not null
column entry.version integer not null
column entry.warnings text not null
column entry.year integer not null
column evidence_file.content bytea not null
column evidence_file.name text not null
column evidence_file.sha256 text not null
column evidence_file.size integer not null
column evidence_file.uploaded_at text not null
column evidence_file.uploaded_by text not null
column store_secret.created_at text not null
column store_secret.name text not null
column store_secret.value text not null
constraint audit_event.audit_event_action_known: CHECK ((action = ANY (ARRAY['CREATE'::text, 'EDIT'::text, 'SUBMIT'::text, 'APPROVE'::text, 'RETURN'::text])))
constraint audit_event.audit_event_entry_id_fkey: FOREIGN KEY (entry_id) REFERENCES entry(id)
constraint audit_event.audit_event_one_per_version: UNIQUE (entry_id, entry_version)
constraint audit_event.audit_event_pkey: PRIMARY KEY (id)
constraint entry.entry_approved_has_approver: CHECK (((status <> 'APPROVED'::text) OR (approved_by IS NOT NULL)))
constraint entry.entry_four_eyes: CHECK (((approved_by IS NULL) OR (approved_by <> entered_by)))
constraint entry.entry_fraction_is_proper: CHECK ((((numerator IS NULL) AND (denominator IS NULL)) OR ((numerator IS NOT NULL) AND (denominator IS NOT NULL) AND (denominator > (0)::double precision) AND (numerator >= (0)::double precision) AND (numerator <= denominator))))
constraint entry.entry_one_per_unit_year_indicator: UNIQUE (unit_id, year, indicator_code)
constraint entry.entry_override_flag: CHECK ((overrides_system = ANY (ARRAY[0, 1])))
constraint entry.entry_pkey: PRIMARY KEY (id)
constraint entry.entry_status_known: CHECK ((status = ANY (ARRAY['DRAFT'::text, 'SUBMITTED'::text, 'APPROVED'::text, 'RETURNED'::text])))
constraint entry.entry_value_is_a_rate: CHECK (((value >= (0)::double precision) AND (value <= (1)::double precision)))
constraint entry.entry_version_positive: CHECK ((version >= 1))
constraint evidence_file.evidence_file_pkey: PRIMARY KEY (sha256)
constraint evidence_file.evidence_file_size: CHECK ((size >= 0))
constraint store_secret.store_secret_pkey: PRIMARY KEY (name)
index audit_event_one_per_version: CREATE UNIQUE INDEX audit_event_one_per_version ON audit_event USING btree (entry_id, entry_version)
index audit_event_pkey: CREATE UNIQUE INDEX audit_event_pkey ON audit_event USING btree (id)
index entry_by_unit_year: CREATE INDEX entry_by_unit_year ON entry USING btree (unit_id, year)
index entry_one_per_unit_year_indicator: CREATE UNIQUE INDEX entry_one_per_unit_year_indicator ON entry USING btree (unit_id, year, indicator_code)
index entry_pkey: CREATE UNIQUE INDEX entry_pkey ON entry USING btree (id)
index evidence_file_pkey: CREATE UNIQUE INDEX evidence_file_pkey ON evidence_file USING btree (sha256)
index store_secret_pkey: CREATE UNIQUE INDEX store_secret_pkey ON store_secret USING btree (name)
trigger audit_event_no_change: CREATE TRIGGER audit_event_no_change BEFORE DELETE OR UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()
trigger audit_event_no_truncate: CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()
