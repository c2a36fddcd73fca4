// Running the automatic assignment for a round and storing it. Scored pairs are never touched.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { assignJudges, conflictReason, indexConflicts, type Conflict } from "../domain/assignment";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { isPlayedLive } from "./live.server";
import { recordAudit } from "./audit.server";

export type AssignmentRun = {
  ok: true;
  added: number;
  removed: number;
  unassigned: { entryId: number; code: string; missing: number; reason: string }[];
  load: { min: number; max: number };
};

/** A published round's judging is the record: no assignment, seat or swap may change it. */
const PUBLISHED_LOCKED = { ok: false as const, message: "round.publishedLocked" };

/** The round's entries still competing (withdrawn and disqualified ones get no judges). */
function competingEntries(db: Db, roundId: number) {
  return db
    .selectFrom("round_entries as re")
    .innerJoin("entries as e", "e.id", "re.entry_id")
    .where("re.round_id", "=", roundId)
    .where("e.status", "=", "submitted")
    .select(["e.id", "e.code", "e.track_id", "e.organization", "e.country"])
    .execute();
}

/** Confirmed conflicts of a competition's judges (or of some of them), as the assignment rules read them. */
async function confirmedConflicts(db: Db, competitionId: number, judgeIds?: readonly number[]): Promise<Conflict[]> {
  let query = db
    .selectFrom("judge_conflicts as c")
    .innerJoin("judges as j", "j.id", "c.judge_id")
    .where("j.competition_id", "=", competitionId)
    .where("c.status", "=", "confirmed");
  if (judgeIds) query = query.where("c.judge_id", "in", judgeIds.length ? [...judgeIds] : [0]);
  const rows = await query.select(["c.judge_id", "c.entry_id", "c.organization"]).execute();
  return rows.map((c) => ({
    judgeId: String(c.judge_id),
    ...(c.entry_id ? { entryId: String(c.entry_id) } : {}),
    ...(c.organization ? { organization: c.organization } : {}),
  }));
}

/**
 * One entry's panel in a round and the judges who could take a seat on it: not on it yet, no
 * conflict (declared, confirmed, affiliation, or country when the round avoids it), fewest
 * assignments first, experts in the entry's track before others.
 */
async function panelIn(handle: Db, competitionId: number, roundId: number, entryCode: string) {
  const round = await handle
    .selectFrom("rounds")
    .select(["id", "avoid_same_country"])
    .where("id", "=", roundId)
    .executeTakeFirstOrThrow();
  const entry = await handle
    .selectFrom("entries as e")
    .innerJoin("round_entries as re", "re.entry_id", "e.id")
    .where("re.round_id", "=", roundId)
    .where("e.code", "=", entryCode.trim().toUpperCase())
    .where("e.competition_id", "=", competitionId)
    .select(["e.id", "e.code", "e.title_zh", "e.title_en", "e.organization", "e.country", "e.track_id"])
    .executeTakeFirst();
  if (!entry) return null;
  const [seated, judges, expertise, conflicts, loads] = await Promise.all([
    handle
      .selectFrom("assignments as a")
      .innerJoin("judges as j", "j.id", "a.judge_id")
      .leftJoin("scores as s", (jn) =>
        jn
          .onRef("s.round_id", "=", "a.round_id")
          .onRef("s.judge_id", "=", "a.judge_id")
          .onRef("s.entry_id", "=", "a.entry_id"),
      )
      .where("a.round_id", "=", roundId)
      .where("a.entry_id", "=", entry.id)
      .select(["j.id", "j.name", "j.affiliation", "j.country", "s.status"])
      .orderBy("j.name")
      .execute(),
    handle
      .selectFrom("judges")
      .select(["id", "name", "affiliation", "country"])
      .where("competition_id", "=", competitionId)
      .execute(),
    handle
      .selectFrom("judge_expertise")
      .select(["judge_id", "track_id"])
      .where("track_id", "=", entry.track_id)
      .execute(),
    handle
      .selectFrom("judge_conflicts")
      .select(["judge_id", "entry_id", "organization"])
      .where("status", "=", "confirmed")
      .execute(),
    handle
      .selectFrom("assignments")
      .where("round_id", "=", roundId)
      .groupBy("judge_id")
      .select(["judge_id", sql<number>`count(*)`.as("n")])
      .execute(),
  ]);
  const index = indexConflicts(
    conflicts.map((c) => ({
      judgeId: String(c.judge_id),
      ...(c.entry_id ? { entryId: String(c.entry_id) } : {}),
      ...(c.organization ? { organization: c.organization } : {}),
    })),
  );
  const experts = new Set(expertise.map((x) => x.judge_id));
  const load = new Map(loads.map((l) => [l.judge_id, l.n]));
  const onPanel = new Set(seated.map((s) => s.id));
  const candidates = judges
    .filter((j) => !onPanel.has(j.id))
    .filter(
      (j) =>
        conflictReason(
          { id: String(j.id), trackIds: [], affiliation: j.affiliation, country: j.country },
          {
            id: String(entry.id),
            trackId: String(entry.track_id),
            organization: entry.organization,
            country: entry.country,
          },
          index,
          round.avoid_same_country === 1,
        ) === null,
    )
    .map((j) => ({ ...j, load: load.get(j.id) ?? 0, expert: experts.has(j.id) }))
    .sort((a, b) => Number(b.expert) - Number(a.expert) || a.load - b.load || a.name.localeCompare(b.name))
    .slice(0, 40);
  return { entry, seated, candidates };
}

export function createAssignmentService(db: Db) {
  return {
    /**
     * Gives every competing entry of the round its k judges. Existing pairs stay; with
     * `resetUnscored`, pairs that have no score yet are dropped first and assigned afresh.
     */
    async run(
      actor: SessionUser | null,
      roundId: number,
      options: {
        seed: number;
        avoidSameCountry?: boolean;
        resetUnscored?: boolean;
        onProgress?: (done: number) => void;
      },
    ): Promise<AssignmentRun | typeof PUBLISHED_LOCKED> {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "competition_id", "judges_per_entry", "avoid_same_country", "status"])
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.status === "published") return PUBLISHED_LOCKED;
        let removed = 0;
        if (options.resetUnscored) {
          const result = await trx
            .deleteFrom("assignments")
            .where("round_id", "=", roundId)
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom("scores as s")
                    .select("s.id")
                    .whereRef("s.round_id", "=", "assignments.round_id")
                    .whereRef("s.judge_id", "=", "assignments.judge_id")
                    .whereRef("s.entry_id", "=", "assignments.entry_id"),
                ),
              ),
            )
            .executeTakeFirst();
          removed = Number(result.numDeletedRows);
        }
        const [entries, judges, expertise, conflicts, existing] = await Promise.all([
          competingEntries(trx, roundId),
          trx
            .selectFrom("judges")
            .select(["id", "affiliation", "country"])
            .where("competition_id", "=", round.competition_id)
            .execute(),
          trx
            .selectFrom("judge_expertise as x")
            .innerJoin("judges as j", "j.id", "x.judge_id")
            .where("j.competition_id", "=", round.competition_id)
            .select(["x.judge_id", "x.track_id"])
            .execute(),
          confirmedConflicts(trx, round.competition_id),
          trx.selectFrom("assignments").select(["judge_id", "entry_id"]).where("round_id", "=", roundId).execute(),
        ]);
        const tracksOf = new Map<number, string[]>();
        for (const x of expertise) tracksOf.set(x.judge_id, [...(tracksOf.get(x.judge_id) ?? []), String(x.track_id)]);
        const result = assignJudges({
          entries: entries.map((e) => ({
            id: String(e.id),
            trackId: String(e.track_id),
            organization: e.organization,
            country: e.country,
          })),
          judges: judges.map((j) => ({
            id: String(j.id),
            trackIds: tracksOf.get(j.id) ?? [],
            affiliation: j.affiliation,
            country: j.country,
          })),
          k: round.judges_per_entry,
          conflicts,
          avoidSameCountry: options.avoidSameCountry ?? round.avoid_same_country === 1,
          existing: existing.map((p) => ({ judgeId: String(p.judge_id), entryId: String(p.entry_id) })),
          seed: options.seed,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        const rows = result.assignments.map((p) => ({
          round_id: roundId,
          judge_id: Number(p.judgeId),
          entry_id: Number(p.entryId),
        }));
        for (let i = 0; i < rows.length; i += 300)
          await trx
            .insertInto("assignments")
            .values(rows.slice(i, i + 300))
            .execute();
        const codeOf = new Map(entries.map((e) => [String(e.id), e.code]));
        const loads = [...result.load.values()];
        await recordAudit(trx, {
          actor_user_id: actor?.id ?? null,
          action: "round.assigned",
          subject_type: "round",
          subject_id: roundId,
          after: JSON.stringify({ added: rows.length, removed, short: result.unassigned.length, seed: options.seed }),
        });
        return {
          ok: true as const,
          added: rows.length,
          removed,
          unassigned: result.unassigned.map((u) => ({
            entryId: Number(u.entryId),
            code: codeOf.get(u.entryId) ?? "",
            missing: u.missing,
            reason: u.reason,
          })),
          load: { min: loads.length ? Math.min(...loads) : 0, max: loads.length ? Math.max(...loads) : 0 },
        };
      });
    },
    /**
     * Seats one panel on every entry of the round (a live final: the same judges score every
     * pitch). A judge with a conflict skips that entry and it is listed. Scored pairs stay; pairs
     * of judges who leave the panel without a score go. Locked once the round is played live.
     */
    async seatPanel(actor: SessionUser, roundId: number, judgeIds: readonly number[]) {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "competition_id", "avoid_same_country", "status"])
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.status === "published") return PUBLISHED_LOCKED;
        if (await isPlayedLive(trx, roundId)) return { ok: false as const, message: "assign.panelLocked" };
        const judges = await trx
          .selectFrom("judges")
          .select(["id", "name", "affiliation", "country"])
          .where("competition_id", "=", round.competition_id)
          .where("id", "in", judgeIds.length ? [...judgeIds] : [0])
          .execute();
        if (judges.length === 0 || judges.length !== new Set(judgeIds).size)
          return { ok: false as const, message: "assign.chooseJudges" };
        const [entries, conflicts] = await Promise.all([
          competingEntries(trx, roundId),
          confirmedConflicts(
            trx,
            round.competition_id,
            judges.map((j) => j.id),
          ),
        ]);
        const index = indexConflicts(conflicts);
        const removed = await trx
          .deleteFrom("assignments")
          .where("round_id", "=", roundId)
          .where(
            "judge_id",
            "not in",
            judges.map((j) => j.id),
          )
          .where(({ not, exists, selectFrom }) =>
            not(
              exists(
                selectFrom("scores as s")
                  .select("s.id")
                  .whereRef("s.round_id", "=", "assignments.round_id")
                  .whereRef("s.judge_id", "=", "assignments.judge_id")
                  .whereRef("s.entry_id", "=", "assignments.entry_id"),
              ),
            ),
          )
          .executeTakeFirst();
        const existing = new Set(
          (
            await trx
              .selectFrom("assignments")
              .select(["judge_id", "entry_id"])
              .where("round_id", "=", roundId)
              .execute()
          ).map((a) => `${a.judge_id}:${a.entry_id}`),
        );
        const rows: { round_id: number; judge_id: number; entry_id: number }[] = [];
        const skipped: { code: string; judge: string; reason: string }[] = [];
        for (const e of entries) {
          for (const j of judges) {
            const reason = conflictReason(
              { id: String(j.id), trackIds: [], affiliation: j.affiliation, country: j.country },
              { id: String(e.id), trackId: String(e.track_id), organization: e.organization, country: e.country },
              index,
              round.avoid_same_country === 1,
            );
            if (reason) skipped.push({ code: e.code, judge: j.name, reason });
            else if (!existing.has(`${j.id}:${e.id}`)) rows.push({ round_id: roundId, judge_id: j.id, entry_id: e.id });
          }
        }
        for (let i = 0; i < rows.length; i += 300)
          await trx
            .insertInto("assignments")
            .values(rows.slice(i, i + 300))
            .execute();
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "round.panel_seated",
          subject_type: "round",
          subject_id: roundId,
          after: JSON.stringify({
            judges: judges.map((j) => j.id),
            added: rows.length,
            removed: Number(removed.numDeletedRows),
            skipped: skipped.length,
          }),
        });
        return { ok: true as const, added: rows.length, removed: Number(removed.numDeletedRows), skipped };
      });
    },

    /** The judges of the competition, with those seated in this round marked (for choosing a panel). */
    async panelChoices(competitionId: number, roundId: number) {
      const [judges, seated] = await Promise.all([
        db
          .selectFrom("judges")
          .select(["id", "name", "affiliation", "country"])
          .where("competition_id", "=", competitionId)
          .orderBy("name")
          .execute(),
        db.selectFrom("assignments").select("judge_id").distinct().where("round_id", "=", roundId).execute(),
      ]);
      const on = new Set(seated.map((s) => s.judge_id));
      return judges.map((j) => ({ ...j, seated: on.has(j.id) }));
    },

    /** The shape of a round's assignment: load per judge, and how many entries lack judges. */
    async overview(roundId: number) {
      const round = await db
        .selectFrom("rounds")
        .select(["judges_per_entry"])
        .where("id", "=", roundId)
        .executeTakeFirstOrThrow();
      const [loads, entries] = await Promise.all([
        db
          .selectFrom("assignments")
          .where("round_id", "=", roundId)
          .groupBy("judge_id")
          .select(["judge_id", sql<number>`count(*)`.as("n")])
          .execute(),
        db
          .selectFrom("round_entries as re")
          .innerJoin("entries as e", "e.id", "re.entry_id")
          .where("re.round_id", "=", roundId)
          .where("e.status", "=", "submitted")
          .select((eb) =>
            eb
              .selectFrom("assignments as a")
              .whereRef("a.entry_id", "=", "e.id")
              .where("a.round_id", "=", roundId)
              .select(sql<number>`count(*)`.as("n"))
              .as("assigned"),
          )
          .execute(),
      ]);
      const counts = loads.map((l) => l.n);
      return {
        pairs: counts.reduce((a, b) => a + b, 0),
        judges: counts.length,
        load: { min: counts.length ? Math.min(...counts) : 0, max: counts.length ? Math.max(...counts) : 0 },
        entries: entries.length,
        short: entries.filter((e) => (e.assigned ?? 0) < round.judges_per_entry).length,
      };
    },

    /** One entry's panel in a round and who could take a seat on it (see panelIn). */
    panel: (competitionId: number, roundId: number, entryCode: string) =>
      panelIn(db, competitionId, roundId, entryCode),

    /** Replaces one judge on an entry's panel. Refused when the leaving judge has submitted. */
    async swap(
      actor: SessionUser,
      competitionId: number,
      roundId: number,
      entryCode: string,
      fromJudgeId: number,
      toJudgeId: number,
      reason: string | null,
    ) {
      // Read in the transaction that writes: a score submitted, or the round published, a moment
      // ago is seen before anyone's seat changes.
      return inTransaction(db, async (trx) => {
        const round = await trx.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirst();
        if (round?.status === "published") return PUBLISHED_LOCKED;
        const panel = await panelIn(trx, competitionId, roundId, entryCode);
        if (!panel) return { ok: false as const, message: "assign.entryUnknown" };
        const leaving = panel.seated.find((s) => s.id === fromJudgeId);
        if (!leaving) return { ok: false as const, message: "assign.notOnPanel" };
        if (leaving.status === "submitted") return { ok: false as const, message: "assign.alreadyScored" };
        if (!panel.candidates.some((c) => c.id === toJudgeId))
          return { ok: false as const, message: "assign.notEligible" };
        const entryId = panel.entry.id;
        await trx
          .deleteFrom("scores")
          .where("round_id", "=", roundId)
          .where("judge_id", "=", fromJudgeId)
          .where("entry_id", "=", entryId)
          .where("status", "=", "draft")
          .execute();
        await trx
          .deleteFrom("assignments")
          .where("round_id", "=", roundId)
          .where("judge_id", "=", fromJudgeId)
          .where("entry_id", "=", entryId)
          .execute();
        await trx
          .insertInto("assignments")
          .values({ round_id: roundId, judge_id: toJudgeId, entry_id: entryId })
          .execute();
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "assignment.swapped",
          subject_type: "entry",
          subject_id: entryId,
          before: JSON.stringify({ roundId, judgeId: fromJudgeId }),
          after: JSON.stringify({ roundId, judgeId: toJudgeId }),
          reason,
        });
        return { ok: true as const };
      });
    },
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
