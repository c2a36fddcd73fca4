// The demo's panels and marks: the organizers' own assignment per round, then scores around each entry's quality.
import { assignJudges, type Conflict } from "../../app/domain/assignment";
import {
  DEMO_ROUNDS,
  DEMO_SEED,
  DEMO_YEAR,
  type PlannedEntry,
  type PlannedJudge,
  type SeedContext,
  type SeededRound,
} from "./plan";
import { clampMark } from "./text";
import type { Bilingual } from "./vocabulary";

const COMMENTS: readonly Bilingual[] = [
  {
    zh: "技术路线清晰，建议补充量产成本分析。",
    en: "Clear technical path; please add a cost analysis for volume production.",
  },
  { zh: "团队背景扎实，市场验证仍需加强。", en: "Strong team; market validation still needs work." },
  {
    zh: "创新点突出，但与现有方案的对比不够充分。",
    en: "Novel idea, but the comparison with existing solutions is thin.",
  },
  { zh: "示范应用数据令人信服。", en: "The pilot deployment data is convincing." },
  { zh: "知识产权布局需要进一步说明。", en: "The IP strategy needs more detail." },
];

/** Writes round entries, assignments and scores of the demo's rounds. */
export function scoringWriter(ctx: SeedContext, judges: readonly PlannedJudge[], declared: readonly Conflict[]) {
  const { sqlite, random, nowIso } = ctx;
  const insertRoundEntry = sqlite.prepare(
    `INSERT INTO round_entries (round_id, entry_id, state, stage_order) VALUES (?, ?, ?, ?)`,
  );
  const insertAssignment = sqlite.prepare(
    `INSERT INTO assignments (round_id, judge_id, entry_id, created_at) VALUES (?, ?, ?, ?)`,
  );
  const insertScore = sqlite.prepare(
    `INSERT INTO scores (round_id, judge_id, entry_id, status, comment, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMark = sqlite.prepare(`INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, ?)`);

  // The same assignment the organizers run (app/domain/assignment.ts), seeded per round.
  const assign = (roundId: number, pool: readonly PlannedEntry[], k: number): Map<number, PlannedJudge[]> => {
    const judgeById = new Map(judges.map((j) => [String(j.id), j]));
    const { assignments, unassigned } = assignJudges({
      entries: pool.map((e) => ({
        id: String(e.id),
        trackId: String(e.trackId),
        organization: e.organization,
        country: e.country.code,
      })),
      judges: judges.map((j) => ({
        id: String(j.id),
        trackIds: j.trackIds.map(String),
        affiliation: j.affiliation,
        country: j.country,
      })),
      k,
      conflicts: [...declared],
      seed: DEMO_SEED + roundId,
    });
    if (unassigned.length > 0) throw new Error(`demo assignment left ${unassigned.length} entries short`);
    const panels = new Map<number, PlannedJudge[]>();
    for (const p of assignments) {
      insertAssignment.run(roundId, Number(p.judgeId), Number(p.entryId), nowIso);
      const panel = panels.get(Number(p.entryId)) ?? [];
      panel.push(judgeById.get(p.judgeId)!);
      panels.set(Number(p.entryId), panel);
    }
    return panels;
  };

  /** One judge's score of one entry: every mark when submitted, the first few in a draft. */
  const score = (
    round: SeededRound,
    entry: PlannedEntry,
    judge: PlannedJudge,
    status: "submitted" | "draft",
    at: string,
  ) => {
    const comment = random.chance(0.35) ? random.pick(COMMENTS)[judge.country === "CN" ? "zh" : "en"] : null;
    const scoreId = Number(
      insertScore.run(round.id, judge.id, entry.id, status, comment, status === "submitted" ? at : null, at)
        .lastInsertRowid,
    );
    const ids = round.criterionIds;
    const marks = status === "draft" ? ids.slice(0, random.int(1, ids.length)) : ids;
    for (const criterionId of marks)
      insertMark.run(scoreId, criterionId, clampMark(entry.quality + judge.bias + random.gaussian(0, 0.7)));
  };

  return { insertRoundEntry, insertAssignment, assign, score };
}

export type ScoringWriter = ReturnType<typeof scoringWriter>;

/** Regional round: every competing entry, 5 judges, every score submitted. */
export function seedRegionalScores(ctx: SeedContext, w: ScoringWriter, round: SeededRound, competing: PlannedEntry[]) {
  const random = ctx.random;
  for (const entry of competing) w.insertRoundEntry.run(round.id, entry.id, "in", null);
  const panels = w.assign(round.id, competing, DEMO_ROUNDS.regional.judgesPerEntry);
  for (const entry of competing) {
    for (const judge of panels.get(entry.id) ?? []) {
      const at = new Date(
        Date.UTC(DEMO_YEAR, 6 + random.int(0, 1), random.int(1, 28), random.int(0, 23), random.int(0, 59)),
      ).toISOString();
      w.score(round, entry, judge, "submitted", at);
    }
  }
}

/** The domain round is open with about half of its scores in (and some drafts). */
export function seedDomainScores(ctx: SeedContext, w: ScoringWriter, round: SeededRound, advanced: PlannedEntry[]) {
  const random = ctx.random;
  for (const entry of advanced) w.insertRoundEntry.run(round.id, entry.id, "in", null);
  const panels = w.assign(round.id, advanced, DEMO_ROUNDS.domain.judgesPerEntry);
  for (const entry of advanced) {
    for (const judge of panels.get(entry.id) ?? []) {
      const roll = random.float();
      if (roll >= 0.62) continue;
      const at = new Date(
        Date.UTC(DEMO_YEAR, 9 + random.int(0, 1), random.int(1, 28), random.int(0, 23)),
      ).toISOString();
      w.score(round, entry, judge, roll < 0.5 ? "submitted" : "draft", at);
    }
  }
}

/** The final: finalists in pitch order, and one panel of judges free of conflicts with all of them. */
export function seedFinalPanel(
  ctx: SeedContext,
  w: ScoringWriter,
  roundId: number,
  finalists: PlannedEntry[],
  judges: readonly PlannedJudge[],
  conflicted: (judge: PlannedJudge, entry: PlannedEntry) => boolean,
) {
  finalists.forEach((entry, i) => w.insertRoundEntry.run(roundId, entry.id, "in", i + 1));
  // The demo judge sits on the panel (when free of conflicts) so the stage view can be tried.
  const eligible = ctx.random.shuffle(judges.filter((j) => finalists.every((e) => !conflicted(j, e))));
  const demoJudge = eligible.find((j) => j.id === judges[0]!.id);
  const panel = (demoJudge ? [demoJudge, ...eligible.filter((j) => j !== demoJudge)] : eligible).slice(
    0,
    DEMO_ROUNDS.final.judgesPerEntry,
  );
  for (const entry of finalists)
    for (const judge of panel) w.insertAssignment.run(roundId, judge.id, entry.id, ctx.nowIso);
}
