// Adding, removing and reordering an edition's rounds: the rule a new round starts from, its
// default rubric, where a new round goes (always at the end), and when a round may still go or move.
import { z } from "zod";
import { slugSchema } from "./common-schemas";
import type { Rounding } from "./decimal";
import type { Normalization } from "./ranking";
import type { RankingScope, RoundKind, RoundStatus } from "./round-settings";
import type { Combine } from "./scoring";

/** Where a new round's rubric comes from: the default one, or a copy of an earlier round's. */
export const RUBRIC_STARTS = ["default", "copy"] as const;
export type RubricStart = (typeof RUBRIC_STARTS)[number];

/** The rule a new round's form starts from, as its fields hold it. */
export type RoundDefaults = {
  scope: RankingScope;
  judgesPerEntry: number;
  advanceCount: number;
  dropHighest: number;
  dropLowest: number;
  combine: Combine;
  decimals: number;
  rounding: Rounding;
  normalization: Normalization;
  /** Tie-break options in order ("untrimmed-mean", "previous-round", ...). */
  tieBreaks: string[];
};

/**
 * A round reviewed online is ranked per group by five judges; a stage round (the live final)
 * ranks everyone together before a larger panel, and nobody advances from it. Both drop the
 * highest and the lowest mark and average the rest to two decimals, as the real competition does.
 */
export function roundDefaults(kind: RoundKind): RoundDefaults {
  const trimmedMean = { dropHighest: 1, dropLowest: 1, combine: "mean", decimals: 2, rounding: "half-up" } as const;
  if (kind === "stage")
    return {
      ...trimmedMean,
      scope: "all",
      judgesPerEntry: 9,
      advanceCount: 0,
      normalization: "none",
      tieBreaks: ["untrimmed-mean", "previous-round"],
    };
  return {
    ...trimmedMean,
    scope: "group",
    judgesPerEntry: 5,
    advanceCount: 10,
    normalization: "none",
    tieBreaks: ["untrimmed-mean", "median"],
  };
}

/** One criterion as the rubric stores it: weight in basis points, marks in thousandths, what its marks mean. */
export type CriterionDraft = {
  nameZh: string;
  nameEn: string;
  descriptionZh: string | null;
  descriptionEn: string | null;
  weightBp: number;
  maxMilli: number;
  stepMilli: number;
};

const outOfTen = { maxMilli: 10_000, stepMilli: 500 };

// What the default criteria's marks mean, so a new round's sheet tells judges what a 9 is from the start.
const MEANING = {
  innovation: {
    descriptionZh: "9–10：全新的原理或方法，领先同类；5–6：已有方案的改进；1–2：没有可见的新意。",
    descriptionEn:
      "9–10: a new principle or method, ahead of its field; 5–6: an improvement on known work; 1–2: nothing new.",
  },
  feasibility: {
    descriptionZh: "9–10：有可运行的样机和可复现的数据；5–6：原理已验证，工程路径不清；1–2：只停留在设想。",
    descriptionEn:
      "9–10: a working prototype with reproducible data; 5–6: principle shown, engineering path unclear; 1–2: an idea only.",
  },
  market: {
    descriptionZh: "9–10：明确的付费客户或试点；5–6：市场可信但未验证；1–2：看不到需求。",
    descriptionEn:
      "9–10: paying customers or pilots in hand; 5–6: a credible but untested market; 1–2: no visible demand.",
  },
  team: {
    descriptionZh: "9–10：核心能力齐备且有相关成绩；5–6：有明显短板但已有补齐计划；1–2：关键岗位空缺。",
    descriptionEn:
      "9–10: every key skill in place, with a track record; 5–6: clear gaps with a plan to fill them; 1–2: key roles missing.",
  },
  breakthrough: {
    descriptionZh: "9–10：改变领域格局的突破；5–6：扎实的进展；1–2：与现有技术无差别。",
    descriptionEn:
      "9–10: a breakthrough that changes the field; 5–6: solid progress; 1–2: no different from what exists.",
  },
  commercial: {
    descriptionZh: "9–10：清晰的商业模式和规模化路径；5–6：有收入设想但未成形；1–2：没有商业化考虑。",
    descriptionEn:
      "9–10: a clear business model and path to scale; 5–6: revenue ideas not yet formed; 1–2: no thought of a business.",
  },
  pitch: {
    descriptionZh: "9–10：在规定时间内讲清问题、方案和数据，答辩有据；5–6：内容完整但重点不清；1–2：无法回答关键问题。",
    descriptionEn:
      "9–10: problem, solution and evidence clear within the time, sound answers; 5–6: complete but unfocused; 1–2: key questions unanswered.",
  },
} as const;

/** Four criteria marked out of 10 in steps of 0.5, weights adding up to 100%; edited on the round page. */
export function defaultRubric(kind: RoundKind): CriterionDraft[] {
  if (kind === "stage")
    return [
      { nameZh: "技术突破", nameEn: "Breakthrough", weightBp: 3500, ...outOfTen, ...MEANING.breakthrough },
      { nameZh: "商业价值", nameEn: "Commercial value", weightBp: 3000, ...outOfTen, ...MEANING.commercial },
      { nameZh: "团队能力", nameEn: "Team", weightBp: 1500, ...outOfTen, ...MEANING.team },
      { nameZh: "路演表现", nameEn: "Pitch", weightBp: 2000, ...outOfTen, ...MEANING.pitch },
    ];
  return [
    { nameZh: "创新性", nameEn: "Innovation", weightBp: 3000, ...outOfTen, ...MEANING.innovation },
    { nameZh: "技术可行性", nameEn: "Technical feasibility", weightBp: 3000, ...outOfTen, ...MEANING.feasibility },
    { nameZh: "市场前景", nameEn: "Market potential", weightBp: 2500, ...outOfTen, ...MEANING.market },
    { nameZh: "团队能力", nameEn: "Team", weightBp: 1500, ...outOfTen, ...MEANING.team },
  ];
}

/** The position a new round takes: right after the last one (positions run 1, 2, 3 without gaps). */
export function nextPosition(positions: readonly number[]): number {
  return positions.length === 0 ? 1 : Math.max(...positions) + 1;
}

/** What a new round's form adds to the settings the round page already edits. */
export const roundCreateSchema = z
  .object({
    slug: z
      .string({ error: "validation.required" })
      .trim()
      .toLowerCase()
      .min(1, { error: "validation.required" })
      .refine((v) => slugSchema.safeParse(v).success, { error: "roundCreate.slugInvalid" }),
    rubric: z.enum(RUBRIC_STARTS, { error: "roundCreate.rubricStartInvalid" }).default("default"),
    copyFrom: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v ? v : undefined)),
    // Optional: a form may say where it means the round to go, and is refused when that is not the end.
    position: z
      .union([
        z.literal("").transform(() => undefined),
        z.coerce.number({ error: "validation.number" }).int({ error: "validation.number" }),
      ])
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (input.rubric === "copy" && !input.copyFrom)
      ctx.addIssue({ code: "custom", path: ["copyFrom"], message: "roundCreate.copyFromRequired" });
  });
export type RoundCreateInput = z.output<typeof roundCreateSchema>;

/** How far a round has got: anything here means judging has started to depend on it. */
export type RoundFootprint = {
  status: RoundStatus;
  entries: number;
  assignments: number;
  scores: number;
  results: number;
  /** A live final runs on it. */
  live: boolean;
};

/** A round nothing depends on yet: a draft with no entries, judges, scores, results or live final. */
export function isUntouched(f: RoundFootprint): boolean {
  return f.status === "draft" && f.entries + f.assignments + f.scores + f.results === 0 && !f.live;
}

/**
 * The position a round swaps with when moved, or null when it may not move: its neighbour must
 * exist, and both must be untouched, since advancement fills a round from the one before it.
 */
export function swapPosition(
  rounds: readonly { position: number; untouched: boolean }[],
  position: number,
  direction: "up" | "down",
): number | null {
  const target = direction === "up" ? position - 1 : position + 1;
  const self = rounds.find((r) => r.position === position);
  const other = rounds.find((r) => r.position === target);
  return self?.untouched && other?.untouched ? target : null;
}

/** A reason to look again at an edition's rounds, as an i18n key with its parameters. */
export type SetupCheck = { code: string; params: Record<string, string | number> };

/**
 * What an organizer should look at before the rounds are run: a rubric that does not add up, a
 * round nobody can advance from although another follows it, more than one round on stage.
 */
export function setupChecks(
  rounds: readonly { slug: string; position: number; kind: RoundKind; advanceCount: number; weightBp: number }[],
): SetupCheck[] {
  const checks: SetupCheck[] = [];
  const last = Math.max(0, ...rounds.map((r) => r.position));
  for (const r of rounds) {
    if (r.weightBp !== 10_000)
      checks.push({ code: "roundCreate.check.rubric", params: { round: r.slug, percent: r.weightBp / 100 } });
    if (r.advanceCount === 0 && r.position < last)
      checks.push({ code: "roundCreate.check.noneAdvance", params: { round: r.slug } });
  }
  if (rounds.filter((r) => r.kind === "stage").length > 1)
    checks.push({ code: "roundCreate.check.twoStages", params: {} });
  return checks;
}
