// Running the automatic assignment for a round and storing it. Scored pairs are never touched.
import type { Db } from "../../db/client";
import { assignJudges, type Conflict } from "../domain/assignment";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";

export type AssignmentRun = {
  added: number;
  removed: number;
  unassigned: { entryId: number; code: string; missing: number; reason: string }[];
  load: { min: number; max: number };
};

export function createAssignmentService(db: Db) {
  return {
    /**
     * Gives every competing entry of the round its k judges. Existing pairs stay; with
     * `resetUnscored`, pairs that have no score yet are dropped first and assigned afresh.
     */
    async run(
      actor: SessionUser | null,
      roundId: number,
      options: { seed: number; avoidSameCountry?: boolean; resetUnscored?: boolean; onProgress?: (done: number) => void },
    ): Promise<AssignmentRun> {
      return inTransaction(db, async (trx) => {
        const round = await trx.selectFrom("rounds").select(["id", "competition_id", "judges_per_entry"]).where("id", "=", roundId).executeTakeFirstOrThrow();
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
          trx
            .selectFrom("round_entries as re")
            .innerJoin("entries as e", "e.id", "re.entry_id")
            .where("re.round_id", "=", roundId)
            .where("e.status", "=", "submitted")
            .select(["e.id", "e.code", "e.track_id", "e.organization", "e.country"])
            .execute(),
          trx.selectFrom("judges").select(["id", "affiliation", "country"]).where("competition_id", "=", round.competition_id).execute(),
          trx
            .selectFrom("judge_expertise as x")
            .innerJoin("judges as j", "j.id", "x.judge_id")
            .where("j.competition_id", "=", round.competition_id)
            .select(["x.judge_id", "x.track_id"])
            .execute(),
          trx
            .selectFrom("judge_conflicts as c")
            .innerJoin("judges as j", "j.id", "c.judge_id")
            .where("j.competition_id", "=", round.competition_id)
            .where("c.status", "=", "confirmed")
            .select(["c.judge_id", "c.entry_id", "c.organization"])
            .execute(),
          trx.selectFrom("assignments").select(["judge_id", "entry_id"]).where("round_id", "=", roundId).execute(),
        ]);
        const tracksOf = new Map<number, string[]>();
        for (const x of expertise) tracksOf.set(x.judge_id, [...(tracksOf.get(x.judge_id) ?? []), String(x.track_id)]);
        const result = assignJudges({
          entries: entries.map((e) => ({ id: String(e.id), trackId: String(e.track_id), organization: e.organization, country: e.country })),
          judges: judges.map((j) => ({ id: String(j.id), trackIds: tracksOf.get(j.id) ?? [], affiliation: j.affiliation, country: j.country })),
          k: round.judges_per_entry,
          conflicts: conflicts.map(
            (c): Conflict => ({ judgeId: String(c.judge_id), ...(c.entry_id ? { entryId: String(c.entry_id) } : {}), ...(c.organization ? { organization: c.organization } : {}) }),
          ),
          avoidSameCountry: options.avoidSameCountry ?? false,
          existing: existing.map((p) => ({ judgeId: String(p.judge_id), entryId: String(p.entry_id) })),
          seed: options.seed,
          ...(options.onProgress ? { onProgress: options.onProgress } : {}),
        });
        const rows = result.assignments.map((p) => ({ round_id: roundId, judge_id: Number(p.judgeId), entry_id: Number(p.entryId) }));
        for (let i = 0; i < rows.length; i += 300) await trx.insertInto("assignments").values(rows.slice(i, i + 300)).execute();
        const codeOf = new Map(entries.map((e) => [String(e.id), e.code]));
        const loads = [...result.load.values()];
        await trx
          .insertInto("audit_log")
          .values({
            actor_user_id: actor?.id ?? null,
            action: "round.assigned",
            subject_type: "round",
            subject_id: roundId,
            after: JSON.stringify({ added: rows.length, removed, short: result.unassigned.length, seed: options.seed }),
          })
          .execute();
        return {
          added: rows.length,
          removed,
          unassigned: result.unassigned.map((u) => ({ entryId: Number(u.entryId), code: codeOf.get(u.entryId) ?? "", missing: u.missing, reason: u.reason })),
          load: { min: loads.length ? Math.min(...loads) : 0, max: loads.length ? Math.max(...loads) : 0 },
        };
      });
    },
  };
}

export type AssignmentService = ReturnType<typeof createAssignmentService>;
