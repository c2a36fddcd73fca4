// What the edition use cases share: their dependencies, the organizer check, and the audit row.
import type { Db } from "../../../db/client";
import type { AuditAction, AuditSubject } from "../../domain/audit-actions";
import { refuse, type Refusal } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";

export type EditionDeps = { db: Db; clock: () => Date };

/** Only organizers build editions; anyone else is refused here too, not only by the page. */
export function notOrganizer(actor: SessionUser): Refusal | null {
  return actor.roles.includes("organizer") ? null : refuse.forbidden("errors.forbiddenBody");
}

/** One audit row of an edition change, inside the change's transaction. */
export async function auditEdition(
  trx: Db,
  actor: SessionUser,
  what: { action: AuditAction; subject: AuditSubject; id: number },
  after: unknown,
  before?: unknown,
) {
  await recordAudit(trx, {
    actor_user_id: actor.id,
    action: what.action,
    subject_type: what.subject,
    subject_id: what.id,
    before: before === undefined ? null : JSON.stringify(before),
    after: JSON.stringify(after),
    reason: null,
  });
}
