// The one way a service writes the audit log: inside the transaction of the change it records,
// with an action from the domain's list (app/domain/audit-actions.ts).
import type { Insertable } from "kysely";
import type { Db } from "../../db/client";
import type { AuditLogTable } from "../../db/schema";
import type { AuditAction, AuditSubject } from "../domain/audit-actions";

export type AuditRecord = Omit<Insertable<AuditLogTable>, "action" | "subject_type"> & {
  action: AuditAction;
  subject_type: AuditSubject;
};

export async function recordAudit(trx: Db, record: AuditRecord): Promise<void> {
  await trx.insertInto("audit_log").values(record).execute();
}

/** One audit row of a change made by `actor`, before and after as JSON, inside the change's transaction. */
export async function auditChange(
  trx: Db,
  actor: { id: number },
  what: { action: AuditAction; subject: AuditSubject; id: number },
  after: unknown,
  before?: unknown,
  reason: string | null = null,
): Promise<void> {
  await recordAudit(trx, {
    actor_user_id: actor.id,
    action: what.action,
    subject_type: what.subject,
    subject_id: what.id,
    before: before === undefined ? null : JSON.stringify(before),
    after: JSON.stringify(after),
    reason,
  });
}
