// What the organizer's results page reads: the stored ranking of one unit with the rule's proposal,
// a preview under another rule, and the labels of a competition's ranking units.
import type { Db } from "../../db/client";
import { chooseAdvancing, compareRankings } from "../domain/advancement";
import { groupsOf, tracksOf } from "./queries/competitions.server";
import { existingRound } from "./queries/rounds.server";
import { loadInputs, rankRound, recompute } from "./results.server";
import { ENTRY_FACE } from "./queries/entries.server";
import { resultsOfUnit } from "./queries/results.server";

export type RuleVariant = { normalization: "none" | "zscore"; dropHighest: number; dropLowest: number };

export type UnitLabel = { code: string; nameZh: string; nameEn: string };

/** 'all', 'group:3', 'track:2' → the code and names the organizer reads. */
export async function unitLabels(db: Db, competitionId: number) {
  const [groups, tracks] = await Promise.all([groupsOf(db, competitionId), tracksOf(db, competitionId)]);
  const labels = new Map<string, UnitLabel>([["all", { code: "ALL", nameZh: "全部", nameEn: "All entries" }]]);
  for (const g of groups) labels.set(`group:${g.id}`, { code: g.code, nameZh: g.name_zh, nameEn: g.name_en });
  for (const t of tracks) labels.set(`track:${t.id}`, { code: t.code, nameZh: t.name_zh, nameEn: t.name_en });
  return labels;
}

/**
 * Brings stored results up to date with the submitted scores. A published round is frozen:
 * what was published stays exactly what was shown.
 */
export async function refresh(db: Db, clock: () => Date, roundId: number) {
  const round = await existingRound(db, roundId);
  if (round.status === "published" || round.status === "draft") return false;
  await recompute(db, roundId, clock());
  return true;
}

/** One unit's stored results with each entry's advancement state. */
function unitRows(db: Db, roundId: number, unit: string) {
  return resultsOfUnit(db, roundId, unit)
    .select([
      ...ENTRY_FACE,
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
    .execute();
}

/** The units a round has results in, labelled and in code order. */
async function resultUnits(db: Db, roundId: number, competitionId: number) {
  const labels = await unitLabels(db, competitionId);
  const unitRows = await db.selectFrom("results").select("unit").distinct().where("round_id", "=", roundId).execute();
  return unitRows
    .map((u) => ({ unit: u.unit, ...(labels.get(u.unit) ?? { code: u.unit, nameZh: u.unit, nameEn: u.unit }) }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** A unit of the round (the asked one, or the first) ranked, with who the rule would advance. */
export async function view(db: Db, roundId: number, unit: string | null) {
  const round = await existingRound(db, roundId);
  const units = await resultUnits(db, roundId, round.competition_id);
  const selected = unit && units.some((u) => u.unit === unit) ? unit : (units[0]?.unit ?? null);
  const rows = selected ? await unitRows(db, roundId, selected) : [];
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
}

/** The unit ranked by the round's rule and by a variant, side by side, with who would move. */
export async function preview(db: Db, roundId: number, unit: string, variant: RuleVariant) {
  const inputs = await loadInputs(db, roundId);
  const current = rankRound(inputs).get(unit) ?? [];
  const varied = {
    ...inputs.round,
    normalization: variant.normalization,
    drop_highest: variant.dropHighest,
    drop_lowest: variant.dropLowest,
  };
  const other = rankRound({ ...inputs, round: varied }).get(unit) ?? [];
  const toRanks = (list: typeof current) => list.map((r) => ({ entryId: Number(r.id), rank: r.rank }));
  const moves = compareRankings(toRanks(current), toRanks(other));
  const otherById = new Map(other.map((r) => [r.id, r]));
  const entries = await db
    .selectFrom("entries")
    .select(["id", "code", "title_zh", "title_en"])
    .where("id", "in", current.length ? current.map((r) => Number(r.id)) : [0])
    .execute();
  const codes = new Map(entries.map((e) => [e.id, e]));
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
}
