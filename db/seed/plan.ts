// The demo's fixed numbers (seed, sizes, rounds, rubrics) and the shapes the seed's steps hand on.
import type BetterSqlite3 from "better-sqlite3";
import type { Random } from "./random";
import type { CountryDef, GroupDef, TrackDef } from "./vocabulary";

export const DEMO_SEED = 20_261_124;
export const DEMO_ENTRY_COUNT = 3_100;
export const DEMO_JUDGE_COUNT = 150;
export const DEMO_COMPETITION_SLUG = "zgc2026";
export const DEMO_YEAR = 2026;

/** Rounds of the demo, in order; the seed fills them to the state the issue describes. */
export const DEMO_ROUNDS = {
  regional: { slug: "regional", judgesPerEntry: 5, advanceCount: 80 },
  domain: { slug: "domain", judgesPerEntry: 5, advanceCount: 10 },
  final: { slug: "final", judgesPerEntry: 9, finalists: 22, perGroupCap: 4 },
} as const;

// Each criterion says what its marks mean (shown under it on the judge's sheet): fixed text, so the demo stays the same.
export const REGIONAL_CRITERIA = [
  {
    zh: "创新性",
    en: "Innovation",
    weightBp: 3000,
    descriptionZh: "9–10：全新的原理或方法，领先同类；5–6：已有方案的明显改进；1–2：看不到新意。",
    descriptionEn:
      "9–10: a new principle or method, ahead of its field; 5–6: a clear improvement on known work; 1–2: nothing new.",
  },
  {
    zh: "技术可行性",
    en: "Technical feasibility",
    weightBp: 2500,
    descriptionZh: "9–10：有可运行的样机和可复现的数据；5–6：原理已验证，工程路径尚不清楚；1–2：只停留在设想。",
    descriptionEn:
      "9–10: a working prototype with reproducible data; 5–6: the principle is shown, the engineering path unclear; 1–2: an idea only.",
  },
  {
    zh: "市场前景",
    en: "Market potential",
    weightBp: 2000,
    descriptionZh: "9–10：已有付费客户或签约试点；5–6：市场可信但尚未验证；1–2：看不到真实需求。",
    descriptionEn:
      "9–10: paying customers or signed pilots; 5–6: a credible market not yet tested; 1–2: no visible demand.",
  },
  {
    zh: "团队能力",
    en: "Team",
    weightBp: 1500,
    descriptionZh: "9–10：核心能力齐备且有相关成绩；5–6：有明显短板但有补齐计划；1–2：关键岗位空缺。",
    descriptionEn:
      "9–10: every key skill in place, with a record; 5–6: clear gaps with a plan to fill them; 1–2: key roles missing.",
  },
  {
    zh: "社会价值",
    en: "Social impact",
    weightBp: 1000,
    descriptionZh: "9–10：惠及大量人群或显著减排；5–6：有一定公共效益；1–2：几乎没有社会影响。",
    descriptionEn:
      "9–10: benefits many people or cuts emissions markedly; 5–6: some public benefit; 1–2: little social effect.",
  },
] as const;
export const DOMAIN_CRITERIA = [
  {
    zh: "技术前沿性",
    en: "Frontier technology",
    weightBp: 4000,
    descriptionZh: "9–10：处于本领域国际前沿，有论文或专利支撑；5–6：国内先进水平；1–2：成熟技术的应用。",
    descriptionEn:
      "9–10: at the international frontier of its field, backed by papers or patents; 5–6: advanced at home; 1–2: mature technology applied.",
  },
  {
    zh: "产业化路径",
    en: "Path to industry",
    weightBp: 3000,
    descriptionZh: "9–10：量产、供应链和认证路径清晰；5–6：有路线图但关键环节未落实；1–2：没有产业化计划。",
    descriptionEn:
      "9–10: production, supply chain and certification mapped out; 5–6: a roadmap with key steps open; 1–2: no plan to industrialize.",
  },
  {
    zh: "团队与执行",
    en: "Team and execution",
    weightBp: 3000,
    descriptionZh: "9–10：按计划交付过里程碑，分工清楚；5–6：团队可靠但执行记录有限；1–2：执行能力存疑。",
    descriptionEn:
      "9–10: milestones delivered on plan, clear roles; 5–6: a sound team with a short record; 1–2: delivery in doubt.",
  },
] as const;
export const FINAL_CRITERIA = [
  {
    zh: "技术突破",
    en: "Breakthrough",
    weightBp: 4000,
    descriptionZh: "9–10：改变领域格局的突破；5–6：扎实的进展；1–2：与现有技术没有差别。",
    descriptionEn:
      "9–10: a breakthrough that changes the field; 5–6: solid progress; 1–2: no different from what exists.",
  },
  {
    zh: "商业价值",
    en: "Commercial value",
    weightBp: 3000,
    descriptionZh: "9–10：清晰的商业模式和规模化路径；5–6：有收入设想但尚未成形；1–2：没有商业化考虑。",
    descriptionEn:
      "9–10: a clear business model and path to scale; 5–6: revenue ideas not yet formed; 1–2: no thought of a business.",
  },
  {
    zh: "路演表现",
    en: "Pitch",
    weightBp: 3000,
    descriptionZh: "9–10：六分钟内讲清问题、方案和证据，答辩有据；5–6：内容完整但重点不清；1–2：答不上关键问题。",
    descriptionEn:
      "9–10: problem, solution and evidence clear in six minutes, sound answers; 5–6: complete but unfocused; 1–2: key questions unanswered.",
  },
] as const;
// Every demo round drops the highest and the lowest mark and averages the rest, to 2 decimals.
export const TRIMMED_MEAN = {
  dropHighest: 1,
  dropLowest: 1,
  combine: "mean",
  decimals: 2,
  rounding: "half-up",
} as const;
export const MAX_MILLI = 10_000; // marks out of 10
export const STEP_MILLI = 500; // in steps of 0.5

// Shares of the four domestic groups among mainland entries.
export const DOMESTIC_SHARE: Record<string, number> = { BJ: 0.36, YRD: 0.29, SC: 0.2, CW: 0.15 };

export type PlannedEntry = {
  id: number;
  group: GroupDef;
  groupId: number;
  track: TrackDef;
  trackId: number;
  country: CountryDef;
  organization: string;
  quality: number;
  status: "submitted" | "withdrawn" | "disqualified";
};

export type PlannedJudge = {
  id: number;
  userId: number;
  affiliation: string;
  country: string;
  trackIds: number[];
  bias: number;
};

export type SeedSummary = {
  competitionId: number;
  rounds: { regional: number; domain: number; final: number };
  entries: number;
  judges: number;
};

/**
 * What every step of the seed writes with: the database, the one random stream (the steps must
 * draw from it in the same order every time, or the demo changes) and the fixed time.
 */
export type SeedContext = {
  sqlite: BetterSqlite3.Database;
  random: Random;
  nowIso: string;
  passwordHashes: Record<string, string>;
};

/** A seeded round: its id and its criteria's ids, in order. */
export type SeededRound = { id: number; criterionIds: number[] };

/** The competition's frame: its id and the ids of its groups and tracks by code. */
export type SeededStructure = {
  competitionId: number;
  groupIds: Map<string, number>;
  trackIds: Map<string, number>;
};
