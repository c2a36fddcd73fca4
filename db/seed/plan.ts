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

export const REGIONAL_CRITERIA = [
  { zh: "创新性", en: "Innovation", weightBp: 3000 },
  { zh: "技术可行性", en: "Technical feasibility", weightBp: 2500 },
  { zh: "市场前景", en: "Market potential", weightBp: 2000 },
  { zh: "团队能力", en: "Team", weightBp: 1500 },
  { zh: "社会价值", en: "Social impact", weightBp: 1000 },
] as const;
export const DOMAIN_CRITERIA = [
  { zh: "技术前沿性", en: "Frontier technology", weightBp: 4000 },
  { zh: "产业化路径", en: "Path to industry", weightBp: 3000 },
  { zh: "团队与执行", en: "Team and execution", weightBp: 3000 },
] as const;
export const FINAL_CRITERIA = [
  { zh: "技术突破", en: "Breakthrough", weightBp: 4000 },
  { zh: "商业价值", en: "Commercial value", weightBp: 3000 },
  { zh: "路演表现", en: "Pitch", weightBp: 3000 },
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
