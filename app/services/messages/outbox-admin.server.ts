// The organizer's outbox: what is waiting, sent, failed or cancelled for the edition they work on
// (plus the messages of no edition, such as password resets), one message as it will arrive, and
// the audited changes: retry a failed or cancelled message, retry every failed one, cancel one
// still waiting.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import {
  mayApply,
  OUTBOX_PAGE_SIZE,
  OUTBOX_STATUSES,
  statusAfter,
  type OrganizerAction,
  type OutboxFilter,
  type OutboxStatus,
} from "../../domain/outbox";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth/deps.server";

export type OutboxDeps = { db: Db; clock: () => Date; onMessageQueued: () => void; mailConfigured: boolean };

const notOrganizer = () => refuse.forbidden("mail.outbox.organizersOnly");
const noSuchMessage = () => refuse.notFound("mail.outbox.notFound");

/** The edition's messages and those that belong to none. */
function scoped(db: Db, competitionId: number) {
  return db
    .selectFrom("outbox")
    .where((eb) => eb.or([eb("competition_id", "=", competitionId), eb("competition_id", "is", null)]));
}

export async function outboxOverview(
  deps: OutboxDeps,
  actor: SessionUser,
  competitionId: number,
  filter: OutboxFilter,
) {
  if (!actor.roles.includes("organizer")) return notOrganizer();
  const countRows = await scoped(deps.db, competitionId)
    .select(["status", sql<number>`count(*)`.as("n")])
    .groupBy("status")
    .execute();
  const counts = Object.fromEntries(OUTBOX_STATUSES.map((s) => [s, 0])) as Record<OutboxStatus, number>;
  for (const row of countRows) counts[row.status] = Number(row.n);
  const kinds = (await scoped(deps.db, competitionId).select("kind").distinct().orderBy("kind").execute()).map(
    (r) => r.kind,
  );

  let list = scoped(deps.db, competitionId);
  if (filter.status) list = list.where("status", "=", filter.status);
  if (filter.kind) list = list.where("kind", "=", filter.kind);
  if (filter.q) {
    // instr() matches the text as typed: no wildcard characters to escape.
    const needle = filter.q.toLowerCase();
    list = list.where((eb) =>
      eb.or([
        eb(sql`instr(lower(to_address), ${needle})`, ">", 0),
        eb(sql`instr(lower(coalesce(to_name, '')), ${needle})`, ">", 0),
      ]),
    );
  }
  const total = Number((await list.select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE));
  const page = Math.min(filter.page, pageCount);
  const rows = await list
    .select(["id", "kind", "to_address", "to_name", "locale", "subject", "status", "attempts", "created_at", "sent_at"])
    .select(["next_attempt_at", "last_error"])
    .orderBy("id", "desc")
    .limit(OUTBOX_PAGE_SIZE)
    .offset((page - 1) * OUTBOX_PAGE_SIZE)
    .execute();
  return { ok: true as const, counts, kinds, rows, total, page, pageCount, mailConfigured: deps.mailConfigured };
}

/** One message with everything it will carry, if it belongs to this edition (or to none). */
export async function outboxMessage(deps: OutboxDeps, actor: SessionUser, competitionId: number, id: number) {
  if (!actor.roles.includes("organizer")) return notOrganizer();
  const message = await scoped(deps.db, competitionId).selectAll().where("id", "=", id).executeTakeFirst();
  if (!message) return noSuchMessage();
  return { ok: true as const, message };
}

/** Retry (a failed or cancelled message goes back to the queue, with a fresh count of attempts) or cancel. */
export async function applyToMessage(
  deps: OutboxDeps,
  actor: SessionUser,
  competitionId: number,
  id: number,
  action: OrganizerAction,
): Promise<Outcome> {
  if (!actor.roles.includes("organizer")) return notOrganizer();
  const now = deps.clock().toISOString();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const before = await scoped(trx, competitionId).select(["id", "status"]).where("id", "=", id).executeTakeFirst();
    if (!before) return noSuchMessage();
    if (!mayApply(action, before.status)) return refuse.conflict(`mail.outbox.cannot.${action}`);
    const status = statusAfter[action];
    await trx
      .updateTable("outbox")
      .set(action === "retry" ? { status, attempts: 0, next_attempt_at: now, lease_until: null } : { status })
      .where("id", "=", id)
      .where("status", "=", before.status)
      .execute();
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: action === "retry" ? "message.retried" : "message.cancelled",
      subject_type: "message",
      subject_id: id,
      before: JSON.stringify({ status: before.status }),
      after: JSON.stringify({ status }),
    });
    return { ok: true as const };
  });
  if (outcome.ok && action === "retry") deps.onMessageQueued();
  return outcome;
}

/**
 * Every failed message of the edition back to the queue. `expected` is the count the organizer was
 * shown: if it changed meanwhile, nothing happens and they are shown the new count.
 */
export async function retryAllFailed(
  deps: OutboxDeps,
  actor: SessionUser,
  competitionId: number,
  expected: number,
): Promise<Outcome<{ count: number }>> {
  if (!actor.roles.includes("organizer")) return notOrganizer();
  const now = deps.clock().toISOString();
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const failed = await scoped(trx, competitionId).select("id").where("status", "=", "failed").execute();
    if (failed.length !== expected) return refuse.conflict("mail.outbox.countChanged", { count: failed.length });
    for (const { id } of failed) {
      await trx
        .updateTable("outbox")
        .set({ status: "pending", attempts: 0, next_attempt_at: now, lease_until: null })
        .where("id", "=", id)
        .execute();
      await recordAudit(trx, {
        actor_user_id: actor.id,
        action: "message.retried",
        subject_type: "message",
        subject_id: id,
        before: JSON.stringify({ status: "failed" }),
        after: JSON.stringify({ status: "pending" }),
        reason: `all failed (${failed.length})`,
      });
    }
    return { ok: true as const, count: failed.length };
  });
  if (outcome.ok && outcome.count > 0) deps.onMessageQueued();
  return outcome;
}

export function createOutboxAdmin(deps: OutboxDeps) {
  return {
    overview: (actor: SessionUser, competitionId: number, filter: OutboxFilter) =>
      outboxOverview(deps, actor, competitionId, filter),
    message: (actor: SessionUser, competitionId: number, id: number) => outboxMessage(deps, actor, competitionId, id),
    retry: (actor: SessionUser, competitionId: number, id: number) =>
      applyToMessage(deps, actor, competitionId, id, "retry"),
    cancel: (actor: SessionUser, competitionId: number, id: number) =>
      applyToMessage(deps, actor, competitionId, id, "cancel"),
    retryAllFailed: (actor: SessionUser, competitionId: number, expected: number) =>
      retryAllFailed(deps, actor, competitionId, expected),
  };
}
