// The demo competition, generated from a fixed seed: a newcomer sees a real-looking edition,
// and tests can rely on the same data on every machine. The steps live in their own modules and
// draw from one random stream in a fixed order (structure, users, entries, judges, conflicts, scores).
import type BetterSqlite3 from "better-sqlite3";
import { seedEntries } from "./entries";
import { seedFollowOn } from "./follow-on";
import { seedConflicts, seedJudges } from "./judges";
import { DEMO_SEED, type SeedContext, type SeedSummary } from "./plan";
import { Random } from "./random";
import { scoringWriter, seedDomainScores, seedFinalPanel, seedRegionalScores } from "./scoring";
import { seedRounds, seedStructure, userWriter } from "./structure";

export {
  DEMO_COMPETITION_SLUG,
  DEMO_ENTRY_COUNT,
  DEMO_JUDGE_COUNT,
  DEMO_ROUNDS,
  DEMO_SEED,
  type SeedSummary,
} from "./plan";
export { apportion } from "./text";

/**
 * Writes the demo competition into an empty, migrated database, in one transaction. Results are
 * not computed here: the caller runs the real results service over the scores, so the demo shows
 * exactly what production code computes, then calls `continueAfterRegional` with the outcome.
 * Call it inside the caller's transaction: better-sqlite3 nests this one as a savepoint.
 */
export function generateDemo(
  sqlite: BetterSqlite3.Database,
  options: { passwordHashes: Record<string, string>; now: Date },
): {
  summary: SeedSummary;
  continueAfterRegional: (advancedEntryIds: readonly number[], finalistIds: readonly number[]) => void;
  continueWithFollowOn: (showcaseEntryId: number) => ReturnType<typeof seedFollowOn>;
} {
  const ctx: SeedContext = {
    sqlite,
    random: new Random(DEMO_SEED),
    nowIso: options.now.toISOString(),
    passwordHashes: options.passwordHashes,
  };
  const run = sqlite.transaction(() => {
    const structure = seedStructure(sqlite);
    const rounds = seedRounds(sqlite, structure.competitionId);
    const addUser = userWriter(ctx);
    addUser(
      "organizer@frontier.demo",
      "赛事组委会 Organizing Committee",
      "zh-Hans",
      "organizer",
      ctx.passwordHashes["organizer@frontier.demo"],
    );
    const demoEntrantId = addUser(
      "entrant@frontier.demo",
      "Lena Hoffmann",
      "en",
      "entrant",
      ctx.passwordHashes["entrant@frontier.demo"],
    );
    const entries = seedEntries(ctx, structure, demoEntrantId);
    const judges = seedJudges(ctx, structure.competitionId, structure.trackIds, addUser);
    const { declared, conflicted, competing } = seedConflicts(ctx, judges, entries);
    const scoring = scoringWriter(ctx, judges, declared);
    seedRegionalScores(ctx, scoring, rounds.regional, competing);
    return {
      summary: {
        competitionId: structure.competitionId,
        rounds: { regional: rounds.regional.id, domain: rounds.domain.id, final: rounds.final.id },
        entries: entries.length,
        judges: judges.length,
      } satisfies SeedSummary,
      // The later rounds depend on the regional results, which the caller computes in between.
      continueAfterRegional: (advancedEntryIds: readonly number[], finalistIds: readonly number[]) => {
        const byId = new Map(entries.map((e) => [e.id, e]));
        seedDomainScores(
          ctx,
          scoring,
          rounds.domain,
          advancedEntryIds.map((id) => byId.get(id)!),
        );
        const finalists = finalistIds.map((id) => byId.get(id)!);
        seedFinalPanel(ctx, scoring, rounds.final.id, finalists, judges, conflicted);
      },
      // Follow-on opens on the domain round once its entries and the demo entrant's entry are known.
      continueWithFollowOn: (showcaseEntryId: number) =>
        seedFollowOn(
          ctx,
          { competitionId: structure.competitionId, needsRoundId: rounds.domain.id, showcaseEntryId },
          addUser,
        ),
    };
  });
  return run();
}
