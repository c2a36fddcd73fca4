// What the judges' use cases share: their dependencies, the audit row they write, and the checks
// of a judge's country and track codes against the competition.
import type { Db } from "../../../db/client";
import type { AuditAction, AuditSubject } from "../../domain/audit-actions";
import type { JudgeInput } from "../../domain/judge-schemas";
import { refuse, type Refusal } from "../../domain/refusal";
import { isCountryCode } from "../../i18n/countries";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";

export type JudgeDeps = { db: Db; secret: string; clock: () => Date };

/** One audit row of a judge-related change, inside the change's transaction. */
export async function auditJudge(
  trx: Db,
  actor: SessionUser | null,
  what: { action: AuditAction; subject: AuditSubject; id: number },
  after: unknown,
  extra: { reason?: string | null; before?: unknown } = {},
) {
  await recordAudit(trx, {
    actor_user_id: actor?.id ?? null,
    action: what.action,
    subject_type: what.subject,
    subject_id: what.id,
    before: extra.before == null ? null : JSON.stringify(extra.before),
    after: after === null ? null : JSON.stringify(after),
    reason: extra.reason ?? null,
  });
}

/** The competition's tracks by code. */
export async function trackIdsByCode(trx: Db, competitionId: number) {
  const tracks = await trx
    .selectFrom("tracks")
    .select(["id", "code"])
    .where("competition_id", "=", competitionId)
    .execute();
  return new Map(tracks.map((t) => [t.code, t.id]));
}

/** A country that is not one, or a track the competition does not have, refused at its field. */
export function checkCodes(
  input: Pick<JudgeInput, "country" | "tracks">,
  trackIds: Map<string, number>,
): Refusal | null {
  if (!isCountryCode(input.country)) return refuse.invalid("validation.country", "country");
  if (input.tracks.some((c) => !trackIds.has(c))) return refuse.invalid("judges.trackUnknown", "tracks");
  return null;
}
