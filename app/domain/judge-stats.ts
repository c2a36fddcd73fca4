// How each judge's marks compare with the panels they sat on: statistics for the organizer's
// dashboard, not for results, so plain floating point is fine here.

export type PanelMark = { judgeId: string; entryId: string; mark: number };

export type JudgeDeviation = {
  judgeId: string;
  /** Entries this judge scored that at least one other judge scored too. */
  shared: number;
  mean: number;
  /** Mean of the other judges' marks on the same entries. */
  panelMean: number;
  /** Mean of (this judge's mark − the others' mean on that entry): negative is harsh. */
  bias: number;
  spread: number;
  panelSpread: number;
  /** The bias in standard deviations of all judges' biases. */
  biasZ: number;
  flag: "harsh" | "lenient" | "erratic" | "flat" | null;
};

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const sd = (xs: readonly number[]) => {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
};

/**
 * Each judge against the others who scored the same entries. A judge is flagged harsh or lenient
 * when their bias is `zLimit` standard deviations from the judges' typical bias, and erratic or
 * flat when their spread is far wider or narrower than their panels' (ratio beyond `spreadRatio`).
 * Judges with fewer than `minShared` shared entries are listed but never flagged.
 */
export function judgeDeviations(
  marks: readonly PanelMark[],
  options: { minShared?: number; zLimit?: number; spreadRatio?: number } = {},
): JudgeDeviation[] {
  const minShared = options.minShared ?? 3;
  const zLimit = options.zLimit ?? 2;
  const spreadRatio = options.spreadRatio ?? 2;
  const byEntry = new Map<string, PanelMark[]>();
  for (const m of marks) byEntry.set(m.entryId, [...(byEntry.get(m.entryId) ?? []), m]);
  const perJudge = new Map<string, { own: number[]; others: number[]; diffs: number[] }>();
  for (const panel of byEntry.values()) {
    if (panel.length < 2) continue;
    const total = panel.reduce((a, m) => a + m.mark, 0);
    for (const m of panel) {
      const othersMean = (total - m.mark) / (panel.length - 1);
      const stats = perJudge.get(m.judgeId) ?? { own: [], others: [], diffs: [] };
      stats.own.push(m.mark);
      for (const o of panel) if (o !== m) stats.others.push(o.mark);
      stats.diffs.push(m.mark - othersMean);
      perJudge.set(m.judgeId, stats);
    }
  }
  const rows = [...perJudge].map(([judgeId, s]) => ({
    judgeId,
    shared: s.own.length,
    mean: mean(s.own),
    panelMean: mean(s.others),
    bias: mean(s.diffs),
    spread: sd(s.own),
    panelSpread: sd(s.others),
  }));
  const eligible = rows.filter((r) => r.shared >= minShared);
  const biasMean = mean(eligible.map((r) => r.bias));
  const biasSd = sd(eligible.map((r) => r.bias));
  return rows
    .map((r): JudgeDeviation => {
      const biasZ = biasSd > 0 ? (r.bias - biasMean) / biasSd : 0;
      let flag: JudgeDeviation["flag"] = null;
      if (r.shared >= minShared) {
        if (biasZ <= -zLimit) flag = "harsh";
        else if (biasZ >= zLimit) flag = "lenient";
        else if (r.panelSpread > 0 && r.spread / r.panelSpread >= spreadRatio) flag = "erratic";
        else if (r.panelSpread > 0 && r.spread / r.panelSpread <= 1 / spreadRatio) flag = "flat";
      }
      return { ...r, biasZ, flag };
    })
    .sort((a, b) => Math.abs(b.biasZ) - Math.abs(a.biasZ) || a.judgeId.localeCompare(b.judgeId));
}

export type Bin = { from: number; to: number; count: number };

/** Counts of values in `bins` equal slices of [min, max]; the last slice includes max. */
export function histogram(values: readonly number[], min: number, max: number, bins: number): Bin[] {
  const width = (max - min) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    if (v < min || v > max) continue;
    const i = Math.min(bins - 1, Math.floor((v - min) / width));
    out[i]!.count++;
  }
  return out;
}
