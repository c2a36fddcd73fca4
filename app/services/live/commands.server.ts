// The control room's side of the live final: starting it, and each organizer's command decided by
// the pure domain and written with its audit row, the automatic hides of withdrawn entries first.
import type { Db } from "../../../db/client";
import type { AuditAction } from "../../domain/audit-actions";
import { decide, initialControl, initialPublicState, markDecimals, type Command } from "../../domain/live-final";
import { refuseLive, type LiveRefusal } from "../../domain/live-refusals";
import type { UpdateEvent } from "../../live/protocol";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { criteriaOf } from "../queries/criteria.server";
import { liveStateOf } from "../queries/live-state.server";
import type { LiveContext } from "./context.server";
import { factsFor } from "./facts.server";
import { finalistsOf, hasRubric, liveEntries, panelOf, stageRoundOf, withdrawnAmong } from "./queries.server";
import { insertLive, load, persist, queued, remember, type Live } from "./store.server";

export type CommandOutcome = { ok: true; updates: UpdateEvent[] } | LiveRefusal;
type Ran = { live: Live; updates: UpdateEvent[]; refused: LiveRefusal | null };

/** The audit row of a step of a competition's live final. */
export async function auditLive(
  ctx: LiveContext,
  trx: Db,
  step: {
    actor: SessionUser | null;
    competitionId: number;
    action: AuditAction;
    reason: string | null;
    after: unknown;
  },
) {
  await recordAudit(trx, {
    at: ctx.clock().toISOString(),
    actor_user_id: step.actor?.id ?? null,
    action: step.action,
    subject_type: "competition",
    subject_id: step.competitionId,
    after: JSON.stringify(step.after),
    reason: step.reason,
  });
}

/** Hides every entry of the pitch order withdrawn or disqualified since the last step. */
async function hideWithdrawn(ctx: LiveContext, trx: Db, live: Live): Promise<{ live: Live; updates: UpdateEvent[] }> {
  let current = live;
  const updates: UpdateEvent[] = [];
  for (const id of await withdrawnAmong(trx, current.control.order)) {
    const { facts } = await factsFor(ctx, trx, current);
    const decision = decide(current.control, { type: "hide", entryId: id, reason: "withdrawn" }, facts);
    if (!decision.ok) continue;
    const step = { actor: null, competitionId: current.competitionId, after: { entryId: id } };
    await auditLive(ctx, trx, { ...step, action: "live.entry_hidden", reason: "withdrawn" });
    const written = await persist(trx, ctx.clock().toISOString(), current, decision.control, decision.changes);
    current = written.next;
    updates.push(...written.updates);
  }
  return { live: current, updates };
}

/**
 * Decides one command and, when it is accepted, writes it. Entries withdrawn or disqualified
 * since the last step are hidden first, so a reveal or the ceremony never meets an entry that
 * no longer competes.
 */
export async function runCommand(
  ctx: LiveContext,
  trx: Db,
  actor: SessionUser | null,
  live: Live,
  command: Command,
): Promise<Ran> {
  const hidden = await hideWithdrawn(ctx, trx, live);
  const current = hidden.live;
  const { facts } = await factsFor(ctx, trx, current);
  const decision = decide(current.control, command, facts);
  // The automatic hides still stand: they are true whatever the organizer meant to do.
  if (!decision.ok) return { ...hidden, refused: decision };
  if (decision.audit) {
    const after = { command, entryId: current.control.current };
    await auditLive(ctx, trx, { actor, competitionId: current.competitionId, ...decision.audit, after });
  }
  const written = await persist(trx, ctx.clock().toISOString(), current, decision.control, decision.changes);
  return { live: written.next, updates: [...hidden.updates, ...written.updates], refused: null };
}

/**
 * Runs `task` on the competition's live final in its queue, inside one write transaction that
 * read the final under the write lock (another process may have moved it since); refused when
 * there is none. `committed` runs after the commit, still in the queue, so this process tells
 * the hub of its changes in the order it wrote them.
 */
export async function withLive<T>(
  ctx: LiveContext,
  slug: string,
  task: (live: Live, trx: Db) => Promise<T>,
  committed?: (result: T | LiveRefusal) => Promise<void>,
): Promise<T | LiveRefusal> {
  const competition = await ctx.competitionBySlug(slug);
  if (!competition) return refuseLive("unknownCompetition");
  return queued(ctx.store, competition.id, async () => {
    const result = await inTransaction(ctx.db, async (trx) => {
      const live = await load(trx, ctx.store, competition);
      return live ? task(live, trx) : refuseLive("notStarted");
    });
    await committed?.(result);
    return result;
  });
}

/** Keeps the written state and tells the publisher, even without public updates: the control room must see every accepted command. */
export async function publishWritten(ctx: LiveContext, written: { live: Live; updates: UpdateEvent[] }) {
  await remember(ctx.db, ctx.store, written.live);
  ctx.publisher.publish({ slug: written.live.slug, updates: written.updates });
}

/** An organizer's command, decided and written; the publisher gets the updates. */
export async function command(
  ctx: LiveContext,
  actor: SessionUser,
  slug: string,
  command: Command,
  version?: number,
): Promise<CommandOutcome> {
  const outcome = await withLive(
    ctx,
    slug,
    async (live, trx) =>
      // Checked before anything moves: a room that saw an older state must look again first.
      version !== undefined && version !== live.control.version
        ? refuseLive("staleControl")
        : runCommand(ctx, trx, actor, live, command),
    async (ran) => {
      if ("live" in ran) await publishWritten(ctx, ran);
    },
  );
  if (!("live" in outcome)) return outcome;
  return outcome.refused ?? { ok: true as const, updates: outcome.updates };
}

/** What a final needs before the hall sees it: its round, finalists in stage order, a rubric and a panel. */
async function finalPlan(trx: Db, competitionId: number) {
  const round = await stageRoundOf(trx, competitionId);
  if (!round) return refuseLive("notInFinal");
  const order = await finalistsOf(trx, round.id);
  if (order.length === 0) return refuseLive("notInFinal");
  const panel = await panelOf(trx, round.id);
  // Judges could not score without a rubric, nor anyone without a panel: refuse before the hall sees it.
  if (!(await hasRubric(trx, round.id))) return refuseLive("noRubric");
  if (panel.judges.length === 0) return refuseLive("noPanel");
  return { ok: true as const, round, order, panel };
}

/** Writes the start of a final in one transaction; a final already started is left as it is. */
async function startInTransaction(ctx: LiveContext, trx: Db, actor: SessionUser, competitionId: number) {
  if (await liveStateOf(trx, competitionId)) return { ok: true as const };
  const plan = await finalPlan(trx, competitionId);
  if (!plan.ok) return plan;
  const { round, order, panel } = plan;
  const name = { zh: round.name_zh, en: round.name_en };
  const criteria = await criteriaOf(trx, round.id);
  const state = initialPublicState(
    {
      slug: round.slug,
      name,
      panel: panel.judges.length,
      markDecimals: markDecimals(criteria),
      criteria: criteria.map((c) => ({ id: c.id, name: { zh: c.name_zh, en: c.name_en } })),
    },
    await liveEntries(trx, order),
  );
  await insertLive(trx, { competitionId, roundId: round.id, control: initialControl(round.id, order), state });
  // Stage scores go through the live page only: the round opens for them, not for the web sheet.
  if (round.status === "draft")
    await trx.updateTable("rounds").set({ status: "open" }).where("id", "=", round.id).execute();
  const after = { roundId: round.id, order };
  await auditLive(ctx, trx, { actor, competitionId, action: "live.started", reason: null, after });
  ctx.store.cache.delete(competitionId);
  return { ok: true as const };
}

/** Starts the live final of the competition's round played on stage, in its stage order. */
export async function start(ctx: LiveContext, actor: SessionUser, slug: string): Promise<{ ok: true } | LiveRefusal> {
  const competition = await ctx.competitionBySlug(slug);
  if (!competition) return refuseLive("unknownCompetition");
  const started = await queued(ctx.store, competition.id, () =>
    inTransaction(ctx.db, (trx) => startInTransaction(ctx, trx, actor, competition.id)),
  );
  const live = started.ok ? await load(ctx.db, ctx.store, competition) : null;
  if (live) ctx.publisher.publish({ slug, updates: [], snapshot: live.state });
  return started;
}
