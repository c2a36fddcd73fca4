// The organizer's results of a round: the ranking by the round's rule, a preview under another
// rule, who advances (rule, cap, overrides with reasons), publication and export.
import type { Db } from "../../db/client";
import { chooseAdvancing, compareRankings } from "../domain/advancement";
import { formatMilli } from "../domain/score-sheet";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { createResultsService } from "./results.server";
import { recordAudit } from "./audit.server";

export type RuleVariant = { normalization: "none" | "zscore"; dropHighest: number; dropLowest: number };

export function createResultsAdmin(db: Db, clock: () => Date) {
  const results = createResultsService(db);

  async function unitLabels(competitionId: number) {
    const [groups, tracks] = await Promise.all([
      db
        .selectFrom("groups")
        .select(["id", "code", "name_zh", "name_en"])
        .where("competition_id", "=", competitionId)
        .orderBy("sort_order")
        .execute(),
      db
        .selectFrom("tracks")
        .select(["id", "code", "name_zh", "name_en"])
        .where("competition_id", "=", competitionId)
        .orderBy("sort_order")
        .execute(),
    ]);
    const labels = new Map<string, { code: string; nameZh: string; nameEn: string }>([
      ["all", { code: "ALL", nameZh: "全部", nameEn: "All entries" }],
    ]);
    for (const g of groups) labels.set(`group:${g.id}`, { code: g.code, nameZh: g.name_zh, nameEn: g.name_en });
    for (const t of tracks) labels.set(`track:${t.id}`, { code: t.code, nameZh: t.name_zh, nameEn: t.name_en });
    return labels;
  }

  /** Marks every unit's advancing entries by the rule, leaving organizer overrides as they are. */
  async function applyRule(trx: Db, roundId: number) {
    const round = await trx
      .selectFrom("rounds")
      .select(["advance_count", "advance_per_organization"])
      .where("id", "=", roundId)
      .executeTakeFirstOrThrow();
    const rows = await trx
      .selectFrom("results as r")
      .innerJoin("entries as e", "e.id", "r.entry_id")
      .where("r.round_id", "=", roundId)
      .select(["r.entry_id as entryId", "r.unit", "r.rank", "e.organization"])
      .execute();
    const byUnit = new Map<string, typeof rows>();
    for (const r of rows) byUnit.set(r.unit, [...(byUnit.get(r.unit) ?? []), r]);
    const advancing = new Set<number>();
    for (const unit of byUnit.values())
      for (const id of chooseAdvancing(unit, round.advance_count, round.advance_per_organization)) advancing.add(id);
    const ruled = await trx
      .selectFrom("round_entries")
      .select(["entry_id", "state"])
      .where("round_id", "=", roundId)
      .where("state_source", "=", "rule")
      .execute();
    let changed = 0;
    for (const r of ruled) {
      const state = advancing.has(r.entry_id) ? "advanced" : "eliminated";
      if (state === r.state) continue;
      await trx
        .updateTable("round_entries")
        .set({ state })
        .where("round_id", "=", roundId)
        .where("entry_id", "=", r.entry_id)
        .execute();
      changed++;
    }
    return { advancing: advancing.size, changed };
  }

  return {
    /**
     * Brings stored results up to date with the submitted scores. A published round is frozen:
     * what was published stays exactly what was shown.
     */
    async refresh(roundId: number) {
      const round = await db.selectFrom("rounds").select("status").where("id", "=", roundId).executeTakeFirstOrThrow();
      if (round.status === "published" || round.status === "draft") return false;
      await results.recompute(roundId, clock());
      return true;
    },

    async view(roundId: number, unit: string | null) {
      const round = await db.selectFrom("rounds").selectAll().where("id", "=", roundId).executeTakeFirstOrThrow();
      const labels = await unitLabels(round.competition_id);
      const unitRows = await db
        .selectFrom("results")
        .select("unit")
        .distinct()
        .where("round_id", "=", roundId)
        .execute();
      const units = unitRows
        .map((u) => ({ unit: u.unit, ...(labels.get(u.unit) ?? { code: u.unit, nameZh: u.unit, nameEn: u.unit }) }))
        .sort((a, b) => a.code.localeCompare(b.code));
      const selected = unit && units.some((u) => u.unit === unit) ? unit : (units[0]?.unit ?? null);
      const rows = selected
        ? await db
            .selectFrom("results as r")
            .innerJoin("entries as e", "e.id", "r.entry_id")
            .innerJoin("round_entries as re", (j) =>
              j.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
            )
            .where("r.round_id", "=", roundId)
            .where("r.unit", "=", selected)
            .select([
              "e.id",
              "e.code",
              "e.title_zh",
              "e.title_en",
              "e.organization",
              "e.country",
              "r.rank",
              "r.result",
              "r.raw_result",
              "r.judges_counted",
              "r.kept",
              "r.dropped",
              "r.decided_by",
              "re.state",
              "re.state_source",
              "re.state_reason",
            ])
            .orderBy((eb) => eb.fn.coalesce("r.rank", eb.val(1_000_000)))
            .orderBy("e.code")
            .execute()
        : [];
      const proposed = chooseAdvancing(
        rows.map((r) => ({ entryId: r.id, rank: r.rank, organization: r.organization })),
        round.advance_count,
        round.advance_per_organization,
      );
      return {
        round,
        units,
        unit: selected,
        rows: rows.map((r) => ({
          ...r,
          kept: JSON.parse(r.kept) as string[],
          dropped: JSON.parse(r.dropped) as string[],
          proposed: proposed.has(r.id),
        })),
      };
    },

    /** The unit ranked by the round's rule and by a variant, side by side, with who would move. */
    async preview(roundId: number, unit: string, variant: RuleVariant) {
      const inputs = await results.loadInputs(roundId);
      const current = results.rankRound(inputs).get(unit) ?? [];
      const other =
        results
          .rankRound({
            ...inputs,
            round: {
              ...inputs.round,
              normalization: variant.normalization,
              drop_highest: variant.dropHighest,
              drop_lowest: variant.dropLowest,
            },
          })
          .get(unit) ?? [];
      const toRanks = (list: typeof current) => list.map((r) => ({ entryId: Number(r.id), rank: r.rank }));
      const moves = compareRankings(toRanks(current), toRanks(other));
      const otherById = new Map(other.map((r) => [r.id, r]));
      const codes = new Map(
        (
          await db
            .selectFrom("entries")
            .select(["id", "code", "title_zh", "title_en"])
            .where("id", "in", current.length ? current.map((r) => Number(r.id)) : [0])
            .execute()
        ).map((e) => [e.id, e]),
      );
      return current.map((r, i) => ({
        entryId: Number(r.id),
        code: codes.get(Number(r.id))?.code ?? r.id,
        titleZh: codes.get(Number(r.id))?.title_zh ?? null,
        titleEn: codes.get(Number(r.id))?.title_en ?? null,
        rank: r.rank,
        result: r.result,
        otherRank: moves[i]!.rankB,
        otherResult: otherById.get(r.id)?.result ?? null,
        delta: moves[i]!.delta,
      }));
    },

    async applyRule(actor: SessionUser, roundId: number) {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select("status")
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.status === "published") return { ok: false as const, message: "results.publishedLocked" };
        const outcome = await applyRule(trx, roundId);
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "round.advancement",
          subject_type: "round",
          subject_id: roundId,
          after: JSON.stringify(outcome),
        });
        return { ok: true as const, ...outcome };
      });
    },

    /** An organizer's decision on one entry, with a reason; "rule" hands it back to the rule. */
    async override(
      actor: SessionUser,
      roundId: number,
      entryId: number,
      decision: "advanced" | "eliminated" | "rule",
      reason: string,
    ) {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select("status")
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.status === "published") return { ok: false as const, message: "results.publishedLocked" };
        const before = await trx
          .selectFrom("round_entries")
          .select(["state", "state_source", "state_reason"])
          .where("round_id", "=", roundId)
          .where("entry_id", "=", entryId)
          .executeTakeFirst();
        if (!before) return { ok: false as const, message: "results.notInRound" };
        if (decision === "rule") {
          await trx
            .updateTable("round_entries")
            .set({ state_source: "rule", state_reason: null })
            .where("round_id", "=", roundId)
            .where("entry_id", "=", entryId)
            .execute();
          await applyRule(trx, roundId);
        } else {
          await trx
            .updateTable("round_entries")
            .set({ state: decision, state_source: "organizer", state_reason: reason })
            .where("round_id", "=", roundId)
            .where("entry_id", "=", entryId)
            .execute();
        }
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "entry.advancement",
          subject_type: "entry",
          subject_id: entryId,
          before: JSON.stringify(before),
          after: JSON.stringify({ roundId, decision }),
          reason,
        });
        return { ok: true as const };
      });
    },

    /**
     * Publishes a closed round: final recompute, advancement by the rule (overrides kept), the
     * round frozen, and the advancing entries entered into the next round if it is still a draft.
     */
    async publish(actor: SessionUser, roundId: number) {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "status", "competition_id", "position"])
          .where("id", "=", roundId)
          .executeTakeFirstOrThrow();
        if (round.status !== "closed") return { ok: false as const, message: "results.closeFirst" };
        const now = clock();
        await createResultsService(trx).recompute(roundId, now);
        const outcome = await applyRule(trx, roundId);
        await trx
          .updateTable("rounds")
          .set({ status: "published", published_at: now.toISOString() })
          .where("id", "=", roundId)
          .execute();
        const next = await trx
          .selectFrom("rounds")
          .select(["id", "status"])
          .where("competition_id", "=", round.competition_id)
          .where("position", "=", round.position + 1)
          .executeTakeFirst();
        let carried = 0;
        if (next?.status === "draft") {
          const advanced = await trx
            .selectFrom("round_entries")
            .select("entry_id")
            .where("round_id", "=", roundId)
            .where("state", "=", "advanced")
            .execute();
          for (let i = 0; i < advanced.length; i += 500) {
            const result = await trx
              .insertInto("round_entries")
              .values(advanced.slice(i, i + 500).map((a) => ({ round_id: next.id, entry_id: a.entry_id })))
              .onConflict((c) => c.doNothing())
              .executeTakeFirst();
            carried += Number(result.numInsertedOrUpdatedRows ?? 0);
          }
        }
        await recordAudit(trx, {
          actor_user_id: actor.id,
          action: "round.published",
          subject_type: "round",
          subject_id: roundId,
          before: JSON.stringify({ status: "closed" }),
          after: JSON.stringify({ ...outcome, carried }),
        });
        return { ok: true as const, ...outcome, carried };
      });
    },

    /** One row per entry and judge: the ranking with every judge's marks, criterion by criterion. */
    async exportRows(roundId: number) {
      const round = await db
        .selectFrom("rounds")
        .select(["competition_id"])
        .where("id", "=", roundId)
        .executeTakeFirstOrThrow();
      const labels = await unitLabels(round.competition_id);
      const criteria = await db
        .selectFrom("criteria")
        .select(["id", "name_en", "name_zh"])
        .where("round_id", "=", roundId)
        .orderBy("position")
        .execute();
      const rows = await db
        .selectFrom("results as r")
        .innerJoin("entries as e", "e.id", "r.entry_id")
        .innerJoin("round_entries as re", (j) =>
          j.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
        )
        .leftJoin("scores as s", (j) =>
          j
            .onRef("s.round_id", "=", "r.round_id")
            .onRef("s.entry_id", "=", "r.entry_id")
            .on("s.status", "=", "submitted"),
        )
        .leftJoin("judges as j", "j.id", "s.judge_id")
        .where("r.round_id", "=", roundId)
        .select([
          "r.unit",
          "r.rank",
          "e.code",
          "e.title_en",
          "e.title_zh",
          "e.organization",
          "e.country",
          "r.result",
          "r.raw_result",
          "r.judges_counted",
          "r.decided_by",
          "re.state",
          "s.id as scoreId",
          "j.name as judge",
          "s.comment",
        ])
        .orderBy("r.unit")
        .orderBy((eb) => eb.fn.coalesce("r.rank", eb.val(1_000_000)))
        .orderBy("e.code")
        .orderBy("j.name")
        .execute();
      const scoreIds = rows.flatMap((r) => (r.scoreId ? [r.scoreId] : []));
      const marks = new Map<string, number>();
      for (let i = 0; i < scoreIds.length; i += 500) {
        const chunk = await db
          .selectFrom("score_marks")
          .select(["score_id", "criterion_id", "mark_milli"])
          .where("score_id", "in", scoreIds.slice(i, i + 500))
          .execute();
        for (const m of chunk) marks.set(`${m.score_id}:${m.criterion_id}`, m.mark_milli);
      }
      const header = [
        "unit",
        "rank",
        "code",
        "title",
        "organization",
        "country",
        "result",
        "raw_result",
        "judges_counted",
        "decided_by",
        "state",
        "judge",
        ...criteria.map((c) => c.name_en),
        "comment",
      ];
      const body = rows.map((r) => [
        labels.get(r.unit)?.code ?? r.unit,
        r.rank === null ? "" : String(r.rank),
        r.code,
        r.title_en ?? r.title_zh ?? "",
        r.organization,
        r.country,
        r.result ?? "",
        r.raw_result ?? "",
        String(r.judges_counted),
        r.decided_by ?? "",
        r.state,
        r.judge ?? "",
        ...criteria.map((c) => {
          const m = r.scoreId ? marks.get(`${r.scoreId}:${c.id}`) : undefined;
          return m === undefined ? "" : formatMilli(m);
        }),
        r.comment ?? "",
      ]);
      return { headers: header, rows: body };
    },
  };
}

export type ResultsAdmin = ReturnType<typeof createResultsAdmin>;
