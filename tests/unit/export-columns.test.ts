// How exports word and shape cells: times in the competition's zone, decimals with their digits,
// the team in one cell, tie-breaks in words, and a weighted total kept exact.
import { describe, expect, it } from "vitest";
import {
  csvText,
  fractionDigits,
  knownZone,
  numberFormat,
  teamCell,
  wallClock,
  type Words,
} from "../../app/domain/export-columns";
import {
  criterionMeans,
  markColumns,
  resultColumns,
  weightedDigits,
  type ResultsExport,
} from "../../app/domain/results-export-columns";
import { createI18n } from "../../app/i18n/config";
import { countryName } from "../../app/i18n/countries";

const wordsOf = (locale: "en" | "zh-Hans"): Words => {
  const i18n = createI18n(locale);
  return { locale, t: (key, params) => i18n.t(key, params ?? {}), country: (code) => countryName(code, locale) };
};

describe("times in the competition's time zone", () => {
  it("shows a stored instant as the wall clock of the zone, to the minute, in CSV", () => {
    const at = wallClock("2026-03-01T06:05:30.000Z", "Asia/Shanghai")!;
    expect(csvText(at, numberFormat("time"))).toBe("2026-03-01 14:05");
    // Across midnight and with summer time.
    expect(csvText(wallClock("2026-07-01T23:30:00.000Z", "Europe/Berlin"), undefined)).toBe("2026-07-02 01:30");
    expect(csvText(wallClock("2026-01-01T23:30:00.000Z", "Europe/Berlin"), undefined)).toBe("2026-01-02 00:30");
  });

  it("reads SQLite's own timestamps as UTC, and leaves a missing time empty", () => {
    expect(csvText(wallClock("2026-03-01 06:05:00", "Asia/Shanghai"), undefined)).toBe("2026-03-01 14:05");
    expect(wallClock(null, "Asia/Shanghai")).toBeNull();
    expect(wallClock("not a time", "Asia/Shanghai")).toBeNull();
  });

  it("falls back to UTC for a zone this runtime does not know", () => {
    expect(knownZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(knownZone("Mars/Olympus")).toBe("UTC");
  });
});

describe("numbers", () => {
  it("keeps the column's digits in CSV and names them in Excel's format", () => {
    expect(numberFormat("decimal", 2)).toBe("0.00");
    expect(numberFormat("integer")).toBe("0");
    expect(csvText(9.5, "0.00")).toBe("9.50");
    expect(csvText(12, "0")).toBe("12");
    expect(csvText(null, "0.00")).toBe("");
  });

  it("counts the digits a fixed-point step or weight needs", () => {
    expect(fractionDigits(500, 3)).toBe(1);
    expect(fractionDigits(250, 3)).toBe(2);
    expect(fractionDigits(1000, 3)).toBe(0);
    expect(fractionDigits(1500, 4)).toBe(2);
  });
});

const criteria = [
  { id: 1, nameZh: "创新", nameEn: "Innovation", weightBp: 6000, maxMilli: 10000, stepMilli: 500 },
  { id: 2, nameZh: "团队", nameEn: "Team", weightBp: 4000, maxMilli: 10000, stepMilli: 500 },
];
const data: ResultsExport = {
  competition: { nameZh: "赛事", nameEn: "Contest", timeZone: "Asia/Shanghai" },
  round: {
    slug: "r1",
    nameZh: "初赛",
    nameEn: "Regional",
    status: "published",
    publishedAt: null,
    decimals: 2,
    combine: "mean",
    dropHighest: 0,
    dropLowest: 0,
    normalization: "none",
  },
  criteria,
  entries: [
    {
      entryId: 7,
      unit: { code: "EU", nameZh: "欧洲", nameEn: "Europe" },
      rank: 1,
      code: "EU-QI-0001",
      titleZh: null,
      titleEn: "Qubits",
      group: { code: "EU", nameZh: "欧洲", nameEn: "Europe" },
      track: { code: "QI", nameZh: "量子信息", nameEn: "Quantum information" },
      organization: "Lab",
      country: "DE",
      result: "8.70",
      rawResult: "8.70",
      judgesCounted: 2,
      kept: ["9.2", "8.2"],
      dropped: [],
      decidedBy: "criterion:1",
      state: "advanced",
      stateSource: "rule",
      stateReason: null,
    },
  ],
  marks: [
    {
      entryId: 7,
      code: "EU-QI-0001",
      titleZh: null,
      titleEn: "Qubits",
      groupCode: "EU",
      trackCode: "QI",
      judge: "A",
      judgeAffiliation: "U",
      marks: new Map([
        [1, 9500],
        [2, 8500],
      ]),
      comment: null,
      submittedAt: "2026-03-01T06:05:00Z",
      revision: 0,
    },
    {
      entryId: 7,
      code: "EU-QI-0001",
      titleZh: null,
      titleEn: "Qubits",
      groupCode: "EU",
      trackCode: "QI",
      judge: "B",
      judgeAffiliation: "U",
      marks: new Map([
        [1, 8000],
        [2, 8500],
      ]),
      comment: null,
      submittedAt: null,
      revision: 1,
    },
  ],
};

describe("the results tables", () => {
  it("word the state, tie-break and names in the reader's language", () => {
    for (const [locale, state, tie, track] of [
      ["en", "Advanced", "Criterion: Innovation", "Quantum information"],
      ["zh-Hans", "晋级", "评分项：创新", "量子信息"],
    ] as const) {
      const columns = resultColumns(wordsOf(locale), data);
      const cells = columns.map((c) => c.value(data.entries[0]!));
      expect(cells).toContain(state);
      expect(cells).toContain(tie);
      expect(cells).toContain(track);
    }
  });

  it("give each criterion's mean over the judges, and each sheet's weighted total exactly", () => {
    expect(criterionMeans(data.marks).get(7)).toEqual(
      new Map([
        [1, 8.75],
        [2, 8.5],
      ]),
    );
    const columns = markColumns(wordsOf("en"), data);
    const weighted = columns.find((c) => c.header === "Weighted total")!;
    expect(weighted.value(data.marks[0]!)).toBe(9.1);
    expect(weighted.decimals).toBe(weightedDigits(criteria));
    expect(weightedDigits(criteria)).toBe(2); // 0.5 steps × 60% and 40%
    expect(columns.find((c) => c.header === "Submitted (Asia/Shanghai)")!.value(data.marks[1]!)).toBeNull();
  });

  it("put the team in one cell, with roles", () => {
    expect(
      teamCell([
        { name: "Li Wei", role: "CEO" },
        { name: "Anna", role: "" },
      ]),
    ).toBe("Li Wei (CEO); Anna");
  });
});
