// The organizers' outcome export as spreadsheet columns: the totals (all meetings, then by track,
// group and country) and the meetings behind them, headers and names in the reader's language.
// Pure: the caller hands in the words, the totals and the names of tracks and groups.
import { nameIn, wallClock, zonedHeader, type Column, type Words } from "./export-columns";
import type { OutcomeDashboard, OutcomeKind, OutcomeTotals } from "./meeting-outcomes";

export type NamedCode = { code: string; nameZh: string; nameEn: string };

/** One line of the totals: which breakdown, the name of its unit, and the unit's totals. */
export type OutcomeSummaryRow = { breakdown: string; name: string; totals: OutcomeTotals };

type SideRecord = { held: boolean; kind: OutcomeKind; amountWan: number | null };

/** One meeting as the export lists it, with what each side recorded and what it counts for. */
export type OutcomeMeetingRow = {
  requestId: number;
  entryCode: string;
  entryTitleZh: string | null;
  entryTitleEn: string | null;
  partnerNameZh: string | null;
  partnerNameEn: string | null;
  track: string;
  group: string;
  country: string;
  startsAt: string | null;
  partner: SideRecord | null;
  entrant: SideRecord | null;
  held: boolean;
  deal: OutcomeKind | null;
  amountWan: number;
  disagree: boolean;
};

const nameOf = (words: Words, names: readonly NamedCode[], code: string) => {
  const named = names.find((n) => n.code === code);
  return named ? nameIn(words, named.nameZh, named.nameEn) : code;
};

/** The totals as rows: all meetings first, then each track, group and country in the edition's order. */
export function outcomeSummaryRows(
  words: Words,
  dashboard: OutcomeDashboard,
  names: { tracks: readonly NamedCode[]; groups: readonly NamedCode[] },
): OutcomeSummaryRow[] {
  const ordered = (map: Map<string, OutcomeTotals>, order: readonly NamedCode[]) => {
    const rank = (code: string) => {
      const i = order.findIndex((n) => n.code === code);
      return i < 0 ? order.length : i;
    };
    return [...map.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  };
  return [
    { breakdown: words.t("outcome.col.total"), name: "", totals: dashboard.total },
    ...ordered(dashboard.byTrack, names.tracks).map(([code, totals]) => ({
      breakdown: words.t("outcome.col.track"),
      name: nameOf(words, names.tracks, code),
      totals,
    })),
    ...ordered(dashboard.byGroup, names.groups).map(([code, totals]) => ({
      breakdown: words.t("outcome.col.group"),
      name: nameOf(words, names.groups, code),
      totals,
    })),
    ...ordered(dashboard.byCountry, []).map(([code, totals]) => ({
      breakdown: words.t("outcome.col.country"),
      name: words.country(code),
      totals,
    })),
  ];
}

export function outcomeSummaryColumns(words: Words): Column<OutcomeSummaryRow>[] {
  return [
    { header: words.t("outcome.col.breakdown"), value: (r) => r.breakdown },
    { header: words.t("outcome.col.name"), value: (r) => r.name },
    { header: words.t("outcome.col.meetings"), kind: "integer", value: (r) => r.totals.meetings },
    { header: words.t("outcome.col.held"), kind: "integer", value: (r) => r.totals.held },
    { header: words.t("outcome.col.deals"), kind: "integer", value: (r) => r.totals.deals },
    { header: words.t("outcome.col.amount"), kind: "integer", value: (r) => r.totals.amountWan },
  ];
}

/** A side's record in one cell: "An investment, 500 万元", "not held", empty when not recorded. */
function recordCell(words: Words, record: SideRecord | null): string {
  if (!record) return "";
  if (!record.held) return words.t("outcome.col.notHeld");
  const kind = words.t(`outcome.kind.${record.kind}`);
  return record.amountWan === null ? kind : `${kind}, ${record.amountWan} 万元`;
}

export function outcomeMeetingColumns(
  words: Words,
  timeZone: string,
  names: { tracks: readonly NamedCode[]; groups: readonly NamedCode[] },
): Column<OutcomeMeetingRow>[] {
  const yesNo = (v: boolean) => words.t(v ? "outcome.col.yes" : "outcome.col.no");
  return [
    { header: words.t("outcome.col.request"), kind: "integer", value: (r) => r.requestId },
    { header: words.t("outcome.col.entry"), value: (r) => r.entryCode },
    { header: words.t("outcome.col.title"), value: (r) => nameIn(words, r.entryTitleZh, r.entryTitleEn) },
    { header: words.t("outcome.col.partner"), value: (r) => nameIn(words, r.partnerNameZh, r.partnerNameEn) },
    { header: words.t("outcome.col.track"), value: (r) => nameOf(words, names.tracks, r.track) },
    { header: words.t("outcome.col.group"), value: (r) => nameOf(words, names.groups, r.group) },
    { header: words.t("outcome.col.country"), value: (r) => words.country(r.country) },
    {
      header: zonedHeader(words, "outcome.col.startsAt", timeZone),
      kind: "time",
      value: (r) => wallClock(r.startsAt, timeZone),
    },
    { header: words.t("outcome.col.partnerRecord"), value: (r) => recordCell(words, r.partner) },
    { header: words.t("outcome.col.entrantRecord"), value: (r) => recordCell(words, r.entrant) },
    { header: words.t("outcome.col.held"), value: (r) => yesNo(r.held) },
    { header: words.t("outcome.col.counted"), value: (r) => (r.deal ? words.t(`outcome.kind.${r.deal}`) : "") },
    { header: words.t("outcome.col.amount"), kind: "integer", value: (r) => (r.deal ? r.amountWan : null) },
    { header: words.t("outcome.col.disagree"), value: (r) => yesNo(r.disagree) },
  ];
}
