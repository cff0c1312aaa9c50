-- DropIndex
DROP INDEX "AuditLog_actorId_at_idx";

-- DropIndex
DROP INDEX "AuditLog_at_idx";

-- CreateIndex
CREATE INDEX "AuditLog_at_id_idx" ON "AuditLog"("at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_id_idx" ON "AuditLog"("actorId", "at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_action_at_id_idx" ON "AuditLog"("action", "at", "id");

-- CreateIndex
CREATE INDEX "AuditLog_data_idx" ON "AuditLog" USING GIN ("data" jsonb_path_ops);

-- The audit trail is append-only (decision 020): no UPDATE, DELETE or TRUNCATE of its rows,
-- whoever asks, the app's own database role included. Row triggers, so that a statement that
-- touches no row (a user without audit rows being deleted: ON DELETE SET NULL) still works.
-- TRUNCATE is refused unless the table is empty: then there is nothing to lose, and the
-- seed's clean-up after a failed first run (TRUNCATE … CASCADE of every table) still works.
CREATE FUNCTION "audit_log_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' AND NOT EXISTS (SELECT 1 FROM "AuditLog") THEN
    RETURN NULL;
  END IF;
  RAISE EXCEPTION 'Nhật ký hoạt động chỉ được ghi thêm / the audit log is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_refuse_change"();

CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_log_refuse_change"();
