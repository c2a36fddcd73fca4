// The columns of a round's results export: the per-entry table (rank, result, judges counted,
// kept and dropped marks, state in the round), the per-mark table (one row per judge's submitted
// sheet) and the workbook's "About" sheet. Pure: the service reads, these shape and word it.
import {
  decimalCell,
  formatWallClock,
  fractionDigits,
  nameIn,
  tableOf,
  wallClock,
  zonedHeader,
  type Column,
  type Table,
  type Words,
} from "./export-columns";

type Named = { code: string; nameZh: string; nameEn: string };

export type ExportCriterion = {
  id: number;
  nameZh: string;
  nameEn: string;
  weightBp: number;
  maxMilli: number;
  stepMilli: number;
};

export type ResultExportRow = {
  entryId: number;
  unit: Named;
  rank: number | null;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  group: Named;
  track: Named;
  organization: string;
  country: string;
  result: string | null;
  rawResult: string | null;
  judgesCounted: number;
  kept: string[];
  dropped: string[];
  decidedBy: string | null;
  state: string;
  stateSource: string;
  stateReason: string | null;
};

export type MarkExportRow = {
  entryId: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  groupCode: string;
  trackCode: string;
  judge: string;
  judgeAffiliation: string;
  /** Criterion id → mark in thousandths. */
  marks: ReadonlyMap<number, number>;
  comment: string | null;
  submittedAt: string | null;
  revision: number;
};

export type ResultsExport = {
  competition: { nameZh: string; nameEn: string; timeZone: string };
  round: {
    slug: string;
    nameZh: string;
    nameEn: string;
    status: string;
    publishedAt: string | null;
    decimals: number;
    combine: string;
    dropHighest: number;
    dropLowest: number;
    normalization: string;
  };
  criteria: ExportCriterion[];
  entries: ResultExportRow[];
  marks: MarkExportRow[];
};

/** Digits a criterion's marks are given in: a step of 0.5 → 1. */
export const markDigits = (c: ExportCriterion) => fractionDigits(c.stepMilli, 3);

/** Digits that keep a weighted total exact: the mark's digits plus the weight's (30% → 1, 15% → 2). */
export function weightedDigits(criteria: readonly ExportCriterion[]): number {
  return Math.min(7, Math.max(0, ...criteria.map((c) => markDigits(c) + fractionDigits(c.weightBp, 4))));
}

/** A complete sheet's weighted total (marks × weights), null while a criterion is unmarked. */
export function weightedTotal(row: MarkExportRow, criteria: readonly ExportCriterion[]): number | null {
  let sum = 0;
  for (const c of criteria) {
    const mark = row.marks.get(c.id);
    if (mark === undefined) return null;
    sum += mark * c.weightBp;
  }
  return sum / 10_000_000;
}

/** Each entry's mean mark per criterion over its submitted sheets: entry id → criterion id → mean. */
export function criterionMeans(marks: readonly MarkExportRow[]): Map<number, Map<number, number>> {
  const sums = new Map<number, Map<number, { sum: number; n: number }>>();
  for (const row of marks) {
    const ofEntry = sums.get(row.entryId) ?? new Map<number, { sum: number; n: number }>();
    for (const [criterionId, milli] of row.marks) {
      const s = ofEntry.get(criterionId) ?? { sum: 0, n: 0 };
      s.sum += milli;
      s.n += 1;
      ofEntry.set(criterionId, s);
    }
    sums.set(row.entryId, ofEntry);
  }
  const means = new Map<number, Map<number, number>>();
  for (const [entryId, ofEntry] of sums)
    means.set(entryId, new Map([...ofEntry].map(([id, s]) => [id, s.sum / s.n / 1000])));
  return means;
}

function tieBreakWord(words: Words, decidedBy: string | null, criteria: readonly ExportCriterion[]): string | null {
  if (!decidedBy) return null;
  if (decidedBy.startsWith("criterion:")) {
    const c = criteria.find((x) => `criterion:${x.id}` === decidedBy);
    return words.t("exports.tie.criterion", { name: c ? nameIn(words, c.nameZh, c.nameEn) : decidedBy });
  }
  return words.t(`exports.tie.${decidedBy}`, { defaultValue: decidedBy });
}

const named = (words: Words, n: Named) => nameIn(words, n.nameZh, n.nameEn);

/** Columns of the per-entry table; criterion columns hold the mean of the entry's submitted marks. */
export function resultColumns(words: Words, data: ResultsExport): Column<ResultExportRow>[] {
  const { t } = words;
  const means = criterionMeans(data.marks);
  const columns: Column<ResultExportRow>[] = [
    { header: t("exports.col.unit"), value: (r) => named(words, r.unit) },
    { header: t("exports.col.rank"), kind: "integer", value: (r) => r.rank },
    { header: t("exports.col.code"), value: (r) => r.code },
    { header: t("exports.col.titleZh"), value: (r) => r.titleZh },
    { header: t("exports.col.titleEn"), value: (r) => r.titleEn },
    { header: t("exports.col.groupCode"), value: (r) => r.group.code },
    { header: t("exports.col.group"), value: (r) => named(words, r.group) },
    { header: t("exports.col.trackCode"), value: (r) => r.track.code },
    { header: t("exports.col.track"), value: (r) => named(words, r.track) },
    { header: t("exports.col.organization"), value: (r) => r.organization },
    { header: t("exports.col.countryCode"), value: (r) => r.country },
    { header: t("exports.col.country"), value: (r) => words.country(r.country) },
    {
      header: t("exports.col.result"),
      kind: "decimal",
      decimals: data.round.decimals,
      value: (r) => decimalCell(r.result),
    },
  ];
  if (data.round.normalization !== "none")
    columns.push({
      header: t("exports.col.rawResult"),
      kind: "decimal",
      decimals: data.round.decimals,
      value: (r) => decimalCell(r.rawResult),
    });
  columns.push(
    { header: t("exports.col.judgesCounted"), kind: "integer", value: (r) => r.judgesCounted },
    { header: t("exports.col.kept"), value: (r) => r.kept.join("; ") },
    { header: t("exports.col.dropped"), value: (r) => r.dropped.join("; ") },
    ...data.criteria.map((c): Column<ResultExportRow> => ({
      header: nameIn(words, c.nameZh, c.nameEn),
      kind: "decimal",
      decimals: markDigits(c) + 2,
      value: (r) => means.get(r.entryId)?.get(c.id) ?? null,
    })),
    { header: t("exports.col.decidedBy"), value: (r) => tieBreakWord(words, r.decidedBy, data.criteria) },
    { header: t("exports.col.state"), value: (r) => t(`entry.state.${r.state}`) },
    { header: t("exports.col.stateSource"), value: (r) => t(`exports.stateSource.${r.stateSource}`) },
    { header: t("exports.col.stateReason"), value: (r) => r.stateReason },
  );
  return columns;
}

/** Columns of the per-mark table: who marked which entry, each criterion, the total, when, which revision. */
export function markColumns(words: Words, data: ResultsExport): Column<MarkExportRow>[] {
  const { t } = words;
  const zone = data.competition.timeZone;
  return [
    { header: t("exports.col.code"), value: (r) => r.code },
    { header: t("exports.col.title"), value: (r) => nameIn(words, r.titleZh, r.titleEn) },
    { header: t("exports.col.groupCode"), value: (r) => r.groupCode },
    { header: t("exports.col.trackCode"), value: (r) => r.trackCode },
    { header: t("exports.col.judge"), value: (r) => r.judge },
    { header: t("exports.col.judgeAffiliation"), value: (r) => r.judgeAffiliation },
    ...data.criteria.map((c): Column<MarkExportRow> => ({
      header: nameIn(words, c.nameZh, c.nameEn),
      kind: "decimal",
      decimals: markDigits(c),
      value: (r) => {
        const milli = r.marks.get(c.id);
        return milli === undefined ? null : milli / 1000;
      },
    })),
    {
      header: t("exports.col.weighted"),
      kind: "decimal",
      decimals: weightedDigits(data.criteria),
      value: (r) => weightedTotal(r, data.criteria),
    },
    { header: t("exports.col.comment"), value: (r) => r.comment },
    {
      header: zonedHeader(words, "exports.col.submittedAt", zone),
      kind: "time",
      value: (r) => wallClock(r.submittedAt, zone),
    },
    { header: t("exports.col.revision"), kind: "integer", value: (r) => r.revision },
  ];
}

export const resultsTable = (words: Words, data: ResultsExport): Table =>
  tableOf(resultColumns(words, data), data.entries);

export const marksTable = (words: Words, data: ResultsExport): Table => tableOf(markColumns(words, data), data.marks);

/** The "About" sheet: which round, its state and rule, the time zone, and how many rows each sheet has. */
export function aboutTable(words: Words, data: ResultsExport, now: Date): Table {
  const { t } = words;
  const { round, competition } = data;
  const zone = competition.timeZone;
  const criteria = data.criteria
    .map((c) => `${nameIn(words, c.nameZh, c.nameEn)} (${c.weightBp / 100}%, ${c.maxMilli / 1000})`)
    .join("; ");
  const at = (stored: string | null) => {
    const wall = wallClock(stored, zone);
    return wall ? formatWallClock(wall) : "";
  };
  const rows: [string, string | number][] = [
    [t("exports.about.competition"), nameIn(words, competition.nameZh, competition.nameEn)],
    [t("exports.about.round"), nameIn(words, round.nameZh, round.nameEn)],
    [t("exports.about.roundStatus"), t(`round.status.${round.status}`)],
    [zonedHeader(words, "exports.about.publishedAt", zone), at(round.publishedAt)],
    [
      t("exports.about.rule"),
      t("exports.about.ruleText", {
        combine: t(`exports.combine.${round.combine}`),
        high: round.dropHighest,
        low: round.dropLowest,
        decimals: round.decimals,
      }) + (round.normalization === "none" ? "" : `; ${t("exports.about.normalized")}`),
    ],
    [t("exports.about.criteria"), criteria],
    [t("exports.about.entries"), data.entries.length],
    [t("exports.about.marks"), data.marks.length],
    [t("exports.about.timeZone"), zone],
    [zonedHeader(words, "exports.about.exportedAt", zone), at(now.toISOString())],
  ];
  return { headers: [t("exports.sheet.about"), ""], rows };
}
