// What a live decision needs to know (the domain's Facts): the panel's submissions and the results
// so far, read inside the transaction that will write the decision's outcome.
import type { Db } from "../../../db/client";
import { seatMarks, type Facts, type RankingRow } from "../../domain/live-final";
import { normalizeMarks, rankEntries, type RankingEntry } from "../../domain/ranking";
import { roundRule } from "../results.server";
import type { LiveContext } from "./context.server";
import { audienceLeaders, judgesSubmittedFor, panelOf, trackCodesOf, type Panel } from "./queries.server";
import type { Live } from "./store.server";

export async function factsFor(ctx: LiveContext, trx: Db, live: Live): Promise<{ facts: Facts; panel: Panel }> {
  const inputs = await ctx.roundInputs(trx, live.roundId);
  const rule = roundRule(inputs.round);
  const panel = await panelOf(trx, live.roundId);
  const raw = [...inputs.units.values()].flat();
  const ranked: RankingEntry[] = inputs.round.normalization === "zscore" ? normalizeMarks(raw) : raw;
  const byId = new Map(ranked.map((e) => [Number(e.id), e]));
  const tracks = await trackCodesOf(trx, live.roundId);
  const current = live.control.current;
  const submittedBy = current === null ? [] : await judgesSubmittedFor(trx, live.roundId, current);
  const leaders = await audienceLeaders(trx, live.roundId);
  const progressOf = (entryId: number) => ({
    submitted: byId.get(entryId)?.marks.length ?? 0,
    of: panel.perEntry.get(entryId)?.length ?? 0,
  });
  const facts: Facts = {
    panel: current !== null ? progressOf(current).of : panel.judges.length,
    submitted: current !== null ? progressOf(current).submitted : 0,
    progressOf,
    minMarks: rule.dropHighest + rule.dropLowest + 1,
    reveal(entryId) {
      const entry = byId.get(entryId) ?? { id: String(entryId), marks: [] };
      const [row] = rankEntries({ entries: [entry], rule, normalization: "none" });
      const marks = entry.marks.map((m) => ({ seat: panel.seats.get(Number(m.judgeId)) ?? 0, mark: m.mark }));
      return { entryId, result: row?.result ?? "0", marks: seatMarks(marks, rule) };
    },
    rank(ids) {
      const entries = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
      return rankEntries({ entries, rule, normalization: "none", tieBreaks: inputs.tieBreaks }).map(
        (r): RankingRow => ({ entryId: Number(r.id), rank: r.rank, result: r.result, decidedBy: r.decidedBy }),
      );
    },
    trackOf: (entryId) => tracks.get(entryId) ?? "",
    submittedBy,
    now: ctx.clock().getTime(),
    audienceLeaders: () => leaders,
  };
  return { facts, panel };
}
