// The judge's side of a round: their list, one entry's material and sheet, drafts, submissions,
// audited revisions and declared conflicts. Every query is narrowed to the signed-in judge's own
// assignments: nothing here can reach another judge's marks.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { formatMilli, markField, scoreSheetSchema, type ScoreSheet } from "../domain/score-sheet";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { isPlayedLive } from "./live.server";
import { recordAudit } from "./audit.server";
import { writeScore } from "./scores.server";

export type SaveOutcome =
  | { ok: true; status: "draft" | "submitted"; revision: number }
  | { ok: false; fieldErrors: Record<string, string[]>; message: string | null };

const refused = (message: string): SaveOutcome => ({ ok: false, fieldErrors: {}, message });

export function createJudgingService(db: Db, clock: () => Date) {
  async function judgeOf(user: SessionUser, competitionId: number) {
    return db
      .selectFrom("judges")
      .select(["id", "name", "affiliation"])
      .where("user_id", "=", user.id)
      .where("competition_id", "=", competitionId)
      .executeTakeFirst();
  }

  async function roundBySlug(competitionId: number, slug: string) {
    return db
      .selectFrom("rounds")
      .selectAll()
      .where("competition_id", "=", competitionId)
      .where("slug", "=", slug)
      .executeTakeFirst();
  }

  async function criteriaOf(trx: Db, roundId: number) {
    const rows = await trx
      .selectFrom("criteria")
      .select(["id", "position", "name_zh", "name_en", "weight_bp", "max_milli", "step_milli"])
      .where("round_id", "=", roundId)
      .orderBy("position")
      .execute();
    return rows.map((c) => ({
      id: c.id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      weightBp: c.weight_bp,
      maxMilli: c.max_milli,
      stepMilli: c.step_milli,
    }));
  }

  async function marksOf(trx: Db, scoreId: number) {
    const rows = await trx
      .selectFrom("score_marks")
      .select(["criterion_id", "mark_milli"])
      .where("score_id", "=", scoreId)
      .execute();
    return new Map(rows.map((m) => [m.criterion_id, m.mark_milli]));
  }

  return {
    judgeOf,

    /** The rounds in which this judge has entries, with their progress (n of m submitted). */
    async overview(user: SessionUser, competitionId: number) {
      const judge = await judgeOf(user, competitionId);
      if (!judge) return null;
      const rounds = await db
        .selectFrom("assignments as a")
        .innerJoin("rounds as r", "r.id", "a.round_id")
        .leftJoin("scores as s", (j) =>
          j
            .onRef("s.round_id", "=", "a.round_id")
            .onRef("s.judge_id", "=", "a.judge_id")
            .onRef("s.entry_id", "=", "a.entry_id"),
        )
        .where("a.judge_id", "=", judge.id)
        .where("r.status", "!=", "draft")
        .groupBy("r.id")
        .orderBy("r.position")
        .select([
          "r.slug",
          "r.name_zh",
          "r.name_en",
          "r.status",
          "r.closes_at",
          sql<number>`count(*)`.as("assigned"),
          sql<number>`coalesce(sum(s.status = 'submitted'), 0)`.as("submitted"),
          sql<number>`coalesce(sum(s.status = 'draft'), 0)`.as("drafts"),
        ])
        .execute();
      return { judge, rounds };
    },

    /** This judge's entries in a round, with the state of their own sheet for each. */
    async list(user: SessionUser, competitionId: number, roundSlug: string) {
      const [judge, round] = await Promise.all([judgeOf(user, competitionId), roundBySlug(competitionId, roundSlug)]);
      if (!judge || !round || round.status === "draft") return null;
      const items = await db
        .selectFrom("assignments as a")
        .innerJoin("entries as e", "e.id", "a.entry_id")
        .innerJoin("groups as g", "g.id", "e.group_id")
        .innerJoin("tracks as t", "t.id", "e.track_id")
        .leftJoin("scores as s", (j) =>
          j
            .onRef("s.round_id", "=", "a.round_id")
            .onRef("s.judge_id", "=", "a.judge_id")
            .onRef("s.entry_id", "=", "a.entry_id"),
        )
        .leftJoin("round_entries as re", (j) =>
          j.onRef("re.round_id", "=", "a.round_id").onRef("re.entry_id", "=", "a.entry_id"),
        )
        .where("a.round_id", "=", round.id)
        .where("a.judge_id", "=", judge.id)
        .select([
          "e.id",
          "e.code",
          "e.title_zh",
          "e.title_en",
          "e.organization",
          "e.country",
          "e.status as entryStatus",
          "g.code as groupCode",
          "t.code as trackCode",
          "s.status",
          "s.updated_at",
          "re.stage_order",
        ])
        .orderBy("re.stage_order")
        .orderBy("e.code")
        .execute();
      const submitted = items.filter((i) => i.status === "submitted").length;
      const onStage = await isPlayedLive(db, round.id);
      return {
        judge,
        round: {
          slug: round.slug,
          nameZh: round.name_zh,
          nameEn: round.name_en,
          status: round.status,
          closesAt: round.closes_at,
          onStage,
        },
        items,
        submitted,
      };
    },

    /**
     * One assigned entry's material and this judge's own sheet. Null when the entry is not
     * assigned to this judge: the caller answers 404, so nobody learns whether it exists.
     */
    async sheet(user: SessionUser, competitionId: number, roundSlug: string, entryId: number) {
      const [judge, round] = await Promise.all([judgeOf(user, competitionId), roundBySlug(competitionId, roundSlug)]);
      if (!judge || !round || round.status === "draft") return null;
      const assignment = await db
        .selectFrom("assignments")
        .select("id")
        .where("round_id", "=", round.id)
        .where("judge_id", "=", judge.id)
        .where("entry_id", "=", entryId)
        .executeTakeFirst();
      if (!assignment) return null;
      const [entry, team, criteria, score, order] = await Promise.all([
        db
          .selectFrom("entries as e")
          .innerJoin("groups as g", "g.id", "e.group_id")
          .innerJoin("tracks as t", "t.id", "e.track_id")
          .where("e.id", "=", entryId)
          .select([
            "e.id",
            "e.code",
            "e.title_zh",
            "e.title_en",
            "e.summary_zh",
            "e.summary_en",
            "e.organization",
            "e.country",
            "e.city",
            "e.website",
            "e.status",
            "g.name_zh as groupZh",
            "g.name_en as groupEn",
            "t.name_zh as trackZh",
            "t.name_en as trackEn",
          ])
          .executeTakeFirstOrThrow(),
        db
          .selectFrom("team_members")
          .select(["name", "role"])
          .where("entry_id", "=", entryId)
          .orderBy("position")
          .execute(),
        criteriaOf(db, round.id),
        db
          .selectFrom("scores")
          .select(["id", "status", "comment", "revision", "submitted_at", "updated_at"])
          .where("round_id", "=", round.id)
          .where("judge_id", "=", judge.id)
          .where("entry_id", "=", entryId)
          .executeTakeFirst(),
        db
          .selectFrom("assignments as a")
          .innerJoin("entries as e", "e.id", "a.entry_id")
          .where("a.round_id", "=", round.id)
          .where("a.judge_id", "=", judge.id)
          .select(["e.id"])
          .orderBy("e.code")
          .execute(),
      ]);
      const marks = score ? await marksOf(db, score.id) : new Map<number, number>();
      const values: Record<string, string> = {};
      for (const c of criteria) values[markField(c.id)] = marks.has(c.id) ? formatMilli(marks.get(c.id)!) : "";
      const index = order.findIndex((o) => o.id === entryId);
      return {
        round: { id: round.id, slug: round.slug, nameZh: round.name_zh, nameEn: round.name_en, status: round.status },
        entry,
        team,
        criteria,
        score: score
          ? {
              status: score.status,
              comment: score.comment,
              revision: score.revision,
              submittedAt: score.submitted_at,
              updatedAt: score.updated_at,
            }
          : null,
        values,
        position: {
          index: index + 1,
          of: order.length,
          previous: order[index - 1]?.id ?? null,
          next: order[index + 1]?.id ?? null,
        },
      };
    },

    /**
     * Saves a draft, submits, or revises a submitted sheet (with a reason). Refused, changing
     * nothing, when the round is not open, the entry is not this judge's, or the sheet is invalid.
     */
    async save(
      user: SessionUser,
      competitionId: number,
      roundSlug: string,
      entryId: number,
      raw: Record<string, unknown>,
    ): Promise<SaveOutcome> {
      return inTransaction(db, async (trx) => {
        const judge = await trx
          .selectFrom("judges")
          .select(["id"])
          .where("user_id", "=", user.id)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "status"])
          .where("competition_id", "=", competitionId)
          .where("slug", "=", roundSlug)
          .executeTakeFirst();
        if (!judge || !round) return refused("score.notAssigned");
        const assignment = await trx
          .selectFrom("assignments")
          .select("id")
          .where("round_id", "=", round.id)
          .where("judge_id", "=", judge.id)
          .where("entry_id", "=", entryId)
          .executeTakeFirst();
        if (!assignment) return refused("score.notAssigned");
        if (round.status !== "open") return refused("score.roundNotOpen");
        // A round played live is scored on stage, entry by entry, from the judge's live page.
        if (await isPlayedLive(trx, round.id)) return refused("score.scoredOnStage");
        const entry = await trx
          .selectFrom("entries")
          .select(["status"])
          .where("id", "=", entryId)
          .executeTakeFirstOrThrow();
        if (entry.status !== "submitted") return refused("score.entryNotCompeting");
        const criteria = await criteriaOf(trx, round.id);
        if (criteria.length === 0) return refused("score.noRubric");
        const parsed = scoreSheetSchema(criteria).safeParse(raw);
        if (!parsed.success) {
          const fieldErrors: Record<string, string[]> = {};
          for (const issue of parsed.error.issues) {
            const key = String(issue.path[0] ?? "");
            fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
          }
          return { ok: false, fieldErrors, message: "score.fixErrors" };
        }
        const sheet: ScoreSheet = parsed.data;
        const existing = await trx
          .selectFrom("scores")
          .selectAll()
          .where("round_id", "=", round.id)
          .where("judge_id", "=", judge.id)
          .where("entry_id", "=", entryId)
          .executeTakeFirst();
        const now = clock().toISOString();
        const wasSubmitted = existing?.status === "submitted";
        if (wasSubmitted && sheet.intent !== "revise") return refused("score.alreadySubmitted");
        if (!wasSubmitted && sheet.intent === "revise") sheet.intent = "submit";
        const status = sheet.intent === "draft" ? "draft" : "submitted";
        const beforeMarks = existing ? await marksOf(trx, existing.id) : new Map<number, number>();
        const revision = (existing?.revision ?? 0) + (existing && sheet.intent === "revise" ? 1 : 0);
        await writeScore(trx, {
          actorUserId: user.id,
          roundId: round.id,
          judgeId: judge.id,
          entryId,
          existing,
          status,
          revision,
          marks: sheet.marks,
          comment: sheet.comment,
          now,
          audit:
            status === "submitted"
              ? {
                  action: sheet.intent === "revise" ? "score.revised" : "score.submitted",
                  before: sheet.intent === "revise" ? { marks: beforeMarks, comment: existing?.comment ?? null } : null,
                  reason: sheet.reason,
                }
              : null,
        });
        return { ok: true, status, revision };
      });
    },

    /**
     * The judge names a conflict with an entry on their list: it leaves the list at once (with any
     * draft), binds future assignments, and shows as a gap for the organizer to fill. Only while
     * the round is open: once closed or published its pairs and drafts are the record and stay, and
     * a panel seated on stage is locked. A submitted score is never deleted here either: it counts
     * and is audited, so the judge is sent to the organizers and nothing changes.
     */
    async declareConflict(
      user: SessionUser,
      competitionId: number,
      roundSlug: string,
      entryId: number,
      reason: string,
    ) {
      return inTransaction(db, async (trx) => {
        const judge = await trx
          .selectFrom("judges")
          .select(["id"])
          .where("user_id", "=", user.id)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "status"])
          .where("competition_id", "=", competitionId)
          .where("slug", "=", roundSlug)
          .executeTakeFirst();
        if (!judge || !round) return { ok: false as const, message: "score.notAssigned" };
        const assignment = await trx
          .selectFrom("assignments")
          .select("id")
          .where("round_id", "=", round.id)
          .where("judge_id", "=", judge.id)
          .where("entry_id", "=", entryId)
          .executeTakeFirst();
        // A draft round is not shown to judges: answered as for an entry that is not theirs.
        if (!assignment || round.status === "draft") return { ok: false as const, message: "score.notAssigned" };
        // Read in this transaction, so a round closed a moment ago is seen before anything is deleted.
        if (round.status !== "open") return { ok: false as const, message: "score.conflictRoundClosed" };
        if (await isPlayedLive(trx, round.id)) return { ok: false as const, message: "score.conflictOnStage" };
        const score = await trx
          .selectFrom("scores")
          .select(["id", "status"])
          .where("round_id", "=", round.id)
          .where("judge_id", "=", judge.id)
          .where("entry_id", "=", entryId)
          .executeTakeFirst();
        if (score?.status === "submitted") return { ok: false as const, message: "score.conflictAfterSubmit" };
        if (score) await trx.deleteFrom("scores").where("id", "=", score.id).execute();
        await trx.deleteFrom("assignments").where("id", "=", assignment.id).execute();
        await trx
          .insertInto("judge_conflicts")
          .values({ judge_id: judge.id, entry_id: entryId, source: "declared", status: "confirmed", reason })
          .execute();
        await recordAudit(trx, {
          actor_user_id: user.id,
          action: "conflict.declared",
          subject_type: "entry",
          subject_id: entryId,
          after: JSON.stringify({ judgeId: judge.id, roundId: round.id }),
          reason,
        });
        return { ok: true as const };
      });
    },
  };
}

export type JudgingService = ReturnType<typeof createJudgingService>;
