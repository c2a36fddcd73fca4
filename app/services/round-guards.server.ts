// The facts the guardrails of closing, publishing and unpublishing a round are computed from, read
// in the caller's transaction (the same one that writes), and the previews the organizer's pages show.
import { z } from "zod";
import type { Db } from "../../db/client";
import type { Round } from "../../db/schema";
import {
  pendingScores,
  publishPlan,
  type AssignedPair,
  type NextRoundFacts,
  type PendingScores,
  type PlanEntry,
  type PublishPlan,
} from "../domain/round-guards";
import type { Refusal } from "../domain/refusal";
import { organizerOnly } from "./organizer-only.server";
import type { SessionUser } from "./auth.server";
import { existingRound, roundAfter } from "./queries/rounds.server";
import { loadInputs, rankRound } from "./results.server";
import { unitLabels, type UnitLabel } from "./results-view.server";

/** Only organizers close, publish and unpublish rounds, whichever page or script asks. */
export function roundOrganizerOnly(actor: SessionUser): Refusal | null {
  return organizerOnly(actor, "guards.organizerOnly");
}

/** Every judge–entry pair of the round whose entry still competes, with where its score stands. */
async function assignedPairs(db: Db, roundId: number): Promise<AssignedPair[]> {
  const rows = await db
    .selectFrom("assignments as a")
    .innerJoin("entries as e", "e.id", "a.entry_id")
    .innerJoin("judges as j", "j.id", "a.judge_id")
    .leftJoin("scores as s", (join) =>
      join
        .onRef("s.round_id", "=", "a.round_id")
        .onRef("s.judge_id", "=", "a.judge_id")
        .onRef("s.entry_id", "=", "a.entry_id"),
    )
    .where("a.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select([
      "a.judge_id as judgeId",
      "j.name as judgeName",
      "e.id as entryId",
      "e.code as entryCode",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
      "s.status as score",
    ])
    .execute();
  return rows.map((r) => ({ ...r, score: r.score ?? null }));
}

/** The scores a round still waits for, per judge and per entry. */
export async function pendingOf(db: Db, roundId: number): Promise<PendingScores> {
  return pendingScores(await assignedPairs(db, roundId));
}

function countIn(db: Db, table: "assignments" | "scores", roundId: number) {
  return db
    .selectFrom(table)
    .where("round_id", "=", roundId)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow()
    .then((r) => r.n);
}

/** The round after this one with its entries, each marked when a judge is assigned to it or scored it there. */
export async function nextRoundFacts(db: Db, round: Round): Promise<NextRoundFacts | null> {
  const next = await roundAfter(db, round);
  if (!next) return null;
  const [entries, assignments, scores] = await Promise.all([
    db
      .selectFrom("round_entries as re")
      .innerJoin("entries as e", "e.id", "re.entry_id")
      .where("re.round_id", "=", next.id)
      .select((eb) => [
        "e.id as entryId",
        "e.code",
        "e.title_zh as titleZh",
        "e.title_en as titleEn",
        eb
          .or([
            eb.exists(
              eb
                .selectFrom("assignments as a")
                .select("a.id")
                .whereRef("a.round_id", "=", "re.round_id")
                .whereRef("a.entry_id", "=", "re.entry_id"),
            ),
            eb.exists(
              eb
                .selectFrom("scores as s")
                .select("s.id")
                .whereRef("s.round_id", "=", "re.round_id")
                .whereRef("s.entry_id", "=", "re.entry_id"),
            ),
          ])
          .$castTo<number>()
          .as("judged"),
      ])
      .execute(),
    countIn(db, "assignments", next.id),
    countIn(db, "scores", next.id),
  ]);
  return {
    id: next.id,
    slug: next.slug,
    nameZh: next.name_zh,
    nameEn: next.name_en,
    status: next.status,
    entries: entries.map((e) => ({ ...e, judged: Boolean(e.judged) })),
    assignments,
    scores,
  };
}

/** The round's entries with their places and the result ranked now from the submitted scores (not stored ones). */
async function planEntries(db: Db, roundId: number): Promise<PlanEntry[]> {
  const ranked = rankRound(await loadInputs(db, roundId));
  const byEntry = new Map([...ranked].flatMap(([unit, rows]) => rows.map((r) => [Number(r.id), { unit, ...r }])));
  const places = await db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.organization",
      "re.state",
      "re.state_source",
      "re.state_reason",
    ])
    .execute();
  return places.map((p) => {
    const r = byEntry.get(p.id);
    return {
      entryId: p.id,
      code: p.code,
      titleZh: p.title_zh,
      titleEn: p.title_en,
      organization: p.organization,
      unit: r?.unit ?? null,
      rank: r?.rank ?? null,
      result: r?.result ?? null,
      judgesCounted: r?.judgesCounted ?? 0,
      state: p.state,
      source: p.state_source,
      reason: p.state_reason,
    };
  });
}

/** Everything publishing this round would do now, as publishing computes it. */
export async function publishPlanOf(db: Db, round: Round): Promise<PublishPlan> {
  const [entries, pending, next] = await Promise.all([
    planEntries(db, round.id),
    pendingOf(db, round.id),
    nextRoundFacts(db, round),
  ]);
  const rule = {
    judgesPerEntry: round.judges_per_entry,
    dropHighest: round.drop_highest,
    dropLowest: round.drop_lowest,
    advanceCount: round.advance_count,
    advancePerOrganization: round.advance_per_organization,
  };
  return publishPlan(rule, entries, { drafts: pending.drafts, missing: pending.missing }, next);
}

/** A next-round place as publishing found it, kept in the audit so unpublishing can put it back. */
const placeSchema = z.object({
  entry_id: z.number(),
  state: z.enum(["in", "advanced", "eliminated"]),
  stage_order: z.number().nullable(),
  feedback: z.string().nullable(),
  state_source: z.enum(["rule", "organizer"]),
  state_reason: z.string().nullable(),
});
export type NextRoundPlace = z.infer<typeof placeSchema>;

/** What a publication changed in the next round, as its audit row records it. */
const publicationSchema = z.object({
  nextRoundId: z.number().nullable().optional(),
  addedToNext: z.array(z.number()).optional(),
  removedFromNext: z.array(placeSchema).optional(),
});
export type Publication = z.infer<typeof publicationSchema>;

/** The latest publication of a round, read from its audit row (older rows lack the next-round record). */
export async function lastPublication(db: Db, roundId: number): Promise<Publication | null> {
  const row = await db
    .selectFrom("audit_log")
    .select("after")
    .where("subject_type", "=", "round")
    .where("subject_id", "=", roundId)
    .where("action", "=", "round.published")
    .orderBy("id", "desc")
    .executeTakeFirst();
  if (!row?.after) return null;
  const parsed = publicationSchema.safeParse(JSON.parse(row.after));
  return parsed.success ? parsed.data : null;
}

/**
 * The entries a publication put into the next round. Publications recorded before this record
 * existed are read as "the round's advancing entries that are in the next round": publishing was
 * the only way entries entered a round after the first.
 */
export async function addedByPublication(db: Db, round: Round, nextRoundId: number): Promise<number[]> {
  const publication = await lastPublication(db, round.id);
  if (publication?.addedToNext) return publication.addedToNext;
  const rows = await db
    .selectFrom("round_entries as here")
    .innerJoin("round_entries as there", "there.entry_id", "here.entry_id")
    .where("here.round_id", "=", round.id)
    .where("here.state", "=", "advanced")
    .where("there.round_id", "=", nextRoundId)
    .select("here.entry_id")
    .execute();
  return rows.map((r) => r.entry_id);
}

/** What the results page shows before publishing: the plan with each unit's name. */
export async function publishPreview(db: Db, roundId: number) {
  const round = await existingRound(db, roundId);
  if (round.status !== "closed") return null;
  const [plan, labels] = await Promise.all([publishPlanOf(db, round), unitLabels(db, round.competition_id)]);
  const label = (unit: string): UnitLabel => labels.get(unit) ?? { code: unit, nameZh: unit, nameEn: unit };
  return { ...plan, units: plan.units.map((u) => ({ ...u, label: label(u.unit) })) };
}

/** What the results page shows before unpublishing: what goes back, and whether it may. */
export async function unpublishPreview(db: Db, roundId: number) {
  const round = await existingRound(db, roundId);
  if (round.status !== "published") return null;
  const next = await nextRoundFacts(db, round);
  const publication = await lastPublication(db, round.id);
  const added = next ? await addedByPublication(db, round, next.id) : [];
  const decided = await db
    .selectFrom("round_entries")
    .where("round_id", "=", round.id)
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere("state_source", "=", "rule").as("rule"),
      eb.fn.countAll<number>().filterWhere("state_source", "=", "organizer").as("organizer"),
    ])
    .executeTakeFirstOrThrow();
  return {
    next: next ? { slug: next.slug, nameZh: next.nameZh, nameEn: next.nameEn, status: next.status } : null,
    nextAssignments: next?.assignments ?? 0,
    nextScores: next?.scores ?? 0,
    takenBack: next ? added.filter((id) => next.entries.some((e) => e.entryId === id)).length : 0,
    putBack: publication?.removedFromNext?.length ?? 0,
    resetToIn: decided.rule,
    overridesKept: decided.organizer,
  };
}
