// Setting up a round: its rule, its rubric (locked once scores exist) and its status. Each use case
// takes the round service's dependencies first; createRoundService binds them.
import { sql } from "kysely";
import type { z } from "zod";
import type { Db } from "../../db/client";
import type { Round } from "../../db/schema";
import type { AuditAction } from "../domain/audit-actions";
import { refuse, refuseParse, type Outcome, type Refusal, type RefusalKind } from "../domain/refusal";
import {
  canMove,
  roundSettingsSchemaIn,
  rubricSchema,
  type RoundSettings,
  type RoundStatus,
  type Rubric,
} from "../domain/round-settings";
import { tieBreaksSchema } from "../domain/round-rules";
import { closeRefusal } from "../domain/round-guards";
import { recordAudit } from "./audit.server";
import { competitionById } from "./queries/competitions.server";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { enterIntoFirstRound } from "./first-round-field.server";
import { criteriaOf } from "./queries/criteria.server";
import { roundBySlug } from "./queries/rounds.server";
import { pendingOf, roundOrganizerOnly } from "./round-guards.server";

export type RoundDeps = { db: Db; clock: () => Date };

/** One field's message under the form's "please correct the marked fields". */
function refusedAt(kind: RefusalKind, field: string, message: string): Refusal {
  return { ok: false, kind, code: "round.fixErrors", field, fields: { [field]: [message] } };
}

/** Every problem of a rubric parse at its full Conform name ("criteria[0].weight"), not just "criteria". */
function refuseRubricParse(error: z.ZodError): Refusal {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path
      .map(String)
      .join(".")
      .replace(/\.(\d+)\./g, "[$1].")
      .replace(/\.(\d+)$/, "[$1]");
    (fields[key] ??= []).push(issue.message);
  }
  return { ...refuseParse(error, "round.fixErrors"), fields };
}

async function audit(
  trx: Db,
  actor: SessionUser,
  action: AuditAction,
  roundId: number,
  change: { before: unknown; after: unknown; reason?: string | null },
) {
  await recordAudit(trx, {
    actor_user_id: actor.id,
    action,
    subject_type: "round",
    subject_id: roundId,
    before: JSON.stringify(change.before),
    after: JSON.stringify(change.after),
    reason: change.reason ?? null,
  });
}

function scoreCount(trx: Db, roundId: number) {
  return trx
    .selectFrom("scores")
    .where("round_id", "=", roundId)
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}

/** A round's settings as rounds-table columns (also what a new round is created with). */
export function settingsColumns(s: RoundSettings) {
  return {
    name_zh: s.nameZh,
    name_en: s.nameEn,
    scope: s.scope,
    kind: s.kind,
    judges_per_entry: s.judgesPerEntry,
    advance_count: s.advanceCount,
    advance_per_organization: s.advancePerOrganization,
    drop_highest: s.dropHighest,
    drop_lowest: s.dropLowest,
    combine: s.combine,
    multiplier: s.multiplier,
    decimals: s.decimals,
    rounding: s.rounding,
    normalization: s.normalization,
    tie_breaks: JSON.stringify(s.tieBreaks),
    avoid_same_country: s.avoidSameCountry ? 1 : 0,
    opens_at: s.opensAt,
    closes_at: s.closesAt,
  };
}

/** What the round's state and rubric forbid in new settings, or null when they fit. */
async function settingsConflict(trx: Db, round: Round, s: RoundSettings): Promise<Refusal | null> {
  if (round.status === "published") return refuse.conflict("round.publishedLocked");
  const criterionIds = new Set((await criteriaOf(trx, round.id)).map((c) => String(c.id)));
  const strayKey = s.tieBreaks.findIndex((k) => k.kind === "criterion" && !criterionIds.has(k.criterionId));
  if (strayKey >= 0) return refusedAt("invalid", `tieBreak${strayKey + 1}`, "round.tieBreakInvalid");
  const scored = await scoreCount(trx, round.id);
  // Who ranks against whom cannot change once judges have scored under it.
  if (scored > 0 && s.scope !== round.scope) return refusedAt("conflict", "scope", "round.scopeLocked");
  // How it is judged neither: the scores came from the web sheet or from the stage.
  if (scored > 0 && s.kind !== round.kind) return refusedAt("conflict", "kind", "round.kindLocked");
  // One live final per edition: the control room and the audience screens follow one round on stage.
  if (s.kind === "stage" && round.kind !== "stage") {
    const stage = await trx
      .selectFrom("rounds")
      .select("id")
      .where("competition_id", "=", round.competition_id)
      .where("kind", "=", "stage")
      .where("id", "<>", round.id)
      .executeTakeFirst();
    if (stage) return refusedAt("invalid", "kind", "round.secondStage");
  }
  return null;
}

/** The rule and the logistics of a round. A published round is history: nothing changes. */
export async function updateSettings(
  deps: RoundDeps,
  actor: SessionUser,
  competitionId: number,
  slug: string,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  return inTransaction(deps.db, async (trx) => {
    // Dates are typed as the edition's wall clock.
    const competition = await competitionById(trx, competitionId);
    if (!competition) return refuse.notFound("round.notFound");
    const parsed = roundSettingsSchemaIn(competition.time_zone).safeParse(raw);
    if (!parsed.success) return refuseParse(parsed.error, "round.fixErrors");
    const s = parsed.data;
    const round = await roundBySlug(trx, competitionId, slug);
    if (!round) return refuse.notFound("round.notFound");
    const conflict = await settingsConflict(trx, round, s);
    if (conflict) return conflict;
    const values = settingsColumns(s);
    await trx.updateTable("rounds").set(values).where("id", "=", round.id).execute();
    const before = Object.fromEntries(Object.keys(values).map((k) => [k, round[k as keyof typeof round]]));
    await audit(trx, actor, "round.settings", round.id, { before, after: values });
    return { ok: true };
  });
}

async function replaceCriteria(trx: Db, roundId: number, criteria: Rubric["criteria"]) {
  await trx.deleteFrom("criteria").where("round_id", "=", roundId).execute();
  await trx
    .insertInto("criteria")
    .values(
      criteria.map((c, i) => ({
        round_id: roundId,
        position: i + 1,
        name_zh: c.nameZh,
        name_en: c.nameEn,
        description_zh: c.descriptionZh,
        description_en: c.descriptionEn,
        weight_bp: c.weightBp,
        max_milli: c.maxMilli,
        step_milli: c.stepMilli,
      })),
    )
    .execute();
}

/** Replaces the rubric. Refused once any score exists: marks would lose their meaning. */
export async function updateRubric(
  deps: RoundDeps,
  actor: SessionUser,
  competitionId: number,
  slug: string,
  raw: unknown,
): Promise<Outcome> {
  const parsed = rubricSchema.safeParse(raw);
  if (!parsed.success) return refuseRubricParse(parsed.error);
  return inTransaction(deps.db, async (trx) => {
    const round = await roundBySlug(trx, competitionId, slug);
    if (!round) return refuse.notFound("round.notFound");
    if ((await scoreCount(trx, round.id)) > 0 || round.status === "published") return refuse.conflict("rubric.locked");
    const before = await criteriaOf(trx, round.id);
    await replaceCriteria(trx, round.id, parsed.data.criteria);
    // Criterion tie-breaks named the old criteria: drop them rather than point at nothing.
    const keys = tieBreaksSchema.parse(JSON.parse(round.tie_breaks)).filter((k) => k.kind !== "criterion");
    await trx
      .updateTable("rounds")
      .set({ tie_breaks: JSON.stringify(keys) })
      .where("id", "=", round.id)
      .execute();
    const old = before.map((c) => ({
      name: c.name_en,
      description_zh: c.description_zh,
      description_en: c.description_en,
      weight_bp: c.weight_bp,
      max_milli: c.max_milli,
      step_milli: c.step_milli,
    }));
    await audit(trx, actor, "round.rubric", round.id, { before: old, after: parsed.data.criteria });
    return { ok: true };
  });
}

/** Why a round may not move from its status to `to` (a reopening needs a reason), or null. */
async function statusRefusal(trx: Db, round: Round, to: RoundStatus, reason: string | null): Promise<Refusal | null> {
  if (to === "published") return refuse.invalid("round.publishFromResults");
  if (!canMove(round.status, to)) return refuse.conflict("round.badTransition");
  if (to !== "open") return null;
  const weights = await trx
    .selectFrom("criteria")
    .where("round_id", "=", round.id)
    .select(sql<number>`coalesce(sum(weight_bp), 0)`.as("total"))
    .executeTakeFirstOrThrow();
  if (weights.total !== 10_000) return refuse.conflict("round.rubricIncomplete");
  if (round.status === "closed" && !reason) return refusedAt("invalid", "reason", "round.reopenNeedsReason");
  return null;
}

/**
 * Moves a round along draft → open → closed → published (or closed → open to take a late
 * score). Opening needs a complete rubric; publishing goes through the results service. Closing
 * a round that still waits for scores (drafts, or assigned and never started) needs `confirmed`:
 * the page has shown how many, per judge; the counts go into the audit row.
 */
export async function setStatus(
  deps: RoundDeps,
  actor: SessionUser,
  competitionId: number,
  slug: string,
  to: RoundStatus,
  reason: string | null,
  confirmed = false,
): Promise<Outcome> {
  const forbidden = roundOrganizerOnly(actor);
  if (forbidden) return forbidden;
  return inTransaction(deps.db, async (trx) => {
    const round = await roundBySlug(trx, competitionId, slug);
    if (!round) return refuse.notFound("round.notFound");
    const refusal = await statusRefusal(trx, round, to, reason);
    if (refusal) return refusal;
    const pending = to === "closed" ? await pendingOf(trx, round.id) : null;
    const unconfirmed = pending ? closeRefusal(pending, confirmed) : null;
    if (unconfirmed) return unconfirmed;
    const now = deps.clock().toISOString();
    await trx
      .updateTable("rounds")
      .set({
        status: to,
        ...(to === "open" && round.status === "draft" ? { opens_at: sql<string>`coalesce(opens_at, ${now})` } : {}),
        ...(to === "closed" ? { closes_at: now } : {}),
      })
      .where("id", "=", round.id)
      .execute();
    // The first round has no round before it to fill it: opening it enters every submitted entry.
    const entered =
      to === "open" && round.status === "draft"
        ? await enterIntoFirstRound(trx, competitionId, { roundId: round.id })
        : 0;
    // canMove allows only these moves here (publishing has its own path).
    const action = to === "closed" ? "round.closed" : round.status === "closed" ? "round.reopened" : "round.open";
    const after = pending
      ? { status: to, drafts: pending.drafts, missing: pending.missing }
      : { status: to, ...(entered ? { entered } : {}) };
    await audit(trx, actor, action, round.id, { before: { status: round.status }, after, reason });
    return { ok: true };
  });
}
