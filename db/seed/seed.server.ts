// Seeds the demo competition through the same results code production uses.
import { performance } from "node:perf_hooks";
import { sql } from "kysely";
import type { DbHandle } from "../client";
import { hashPassword } from "../../app/services/passwords.server";
import { createResultsService } from "../../app/services/results.server";
import { storeScoreTotals } from "../../app/services/score-totals.server";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { DEMO_ROUNDS, generateDemo, type SeedSummary } from "./generate";

/** Is there any competition yet? The demo only ever fills an empty database. */
export async function isEmpty(handle: DbHandle): Promise<boolean> {
  const row = await handle.db.selectFrom("competitions").select("id").limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * Picks the finalists of the demo's global final from the regional results: each group's best in
 * turn (rank 1 of every group, then rank 2, ...), so every group is on stage.
 */
export function pickFinalists(
  ranked: readonly { entryId: number; unit: string; rank: number | null }[],
  count: number,
): number[] {
  const byUnit = new Map<string, number[]>();
  for (const r of [...ranked]
    .filter((r) => r.rank !== null)
    .sort((a, b) => a.rank! - b.rank! || a.entryId - b.entryId)) {
    const list = byUnit.get(r.unit) ?? [];
    list.push(r.entryId);
    byUnit.set(r.unit, list);
  }
  const units = [...byUnit.keys()].sort();
  const picked: number[] = [];
  for (let depth = 0; picked.length < count; depth++) {
    let any = false;
    for (const unit of units) {
      const id = byUnit.get(unit)?.[depth];
      if (id === undefined) continue;
      any = true;
      if (picked.length < count) picked.push(id);
    }
    if (!any) break;
  }
  return picked;
}

export async function seedDemo(handle: DbHandle, now = new Date()): Promise<{ ms: number; summary: SeedSummary }> {
  const started = performance.now();
  // Only the demo accounts can sign in; every other seeded user waits for an invitation. By e-mail:
  // three of them share the role `partner`.
  const hashes = Object.fromEntries(
    await Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.email, await hashPassword(a.password)] as const)),
  );
  const summary = await handle.db.transaction().execute(async (trx) => {
    const { summary, continueAfterRegional, continueWithFollowOn } = generateDemo(handle.sqlite, {
      passwordHashes: hashes,
      now,
    });
    const results = createResultsService(trx);
    // The marks went in as bulk rows: their totals are stored the way every score write stores them.
    await storeScoreTotals(trx, summary.rounds.regional, "all");
    await results.recompute(summary.rounds.regional, now);
    const advanced = await results.advanceTop(summary.rounds.regional);
    // The organizers' note to each entrant of the published regional round.
    await sql`UPDATE round_entries SET feedback = CASE state
        WHEN 'advanced' THEN '恭喜晋级领域赛！评委认可项目的技术创新，建议在领域赛中进一步说明产业化路径。 / Congratulations on advancing to the domain round. The judges valued the technical novelty; in the next round, show the path to industry in more detail.'
        ELSE '感谢参赛。评委建议加强市场验证与团队介绍，欢迎关注大赛的后续服务。 / Thank you for taking part. The judges suggest stronger market validation and a fuller team presentation; the follow-on services remain open to you.'
      END WHERE round_id = ${summary.rounds.regional}`.execute(trx);
    const ranked = await trx
      .selectFrom("results")
      .where("round_id", "=", summary.rounds.regional)
      .select(["entry_id as entryId", "unit", "rank"])
      .execute();
    const advancedSet = new Set(advanced);
    const finalists = pickFinalists(
      ranked.filter((r) => advancedSet.has(r.entryId)),
      DEMO_ROUNDS.final.finalists,
    );
    continueAfterRegional(advanced, finalists);
    await storeScoreTotals(trx, summary.rounds.domain, "all");
    // The demo entrant owns a German entry that advanced: the dashboard then shows a published
    // outcome (regional) next to one still under review (domain).
    const showcase = await trx
      .selectFrom("entries as e")
      .innerJoin("round_entries as re", "re.entry_id", "e.id")
      .where("re.round_id", "=", summary.rounds.domain)
      .where("e.country", "=", "DE")
      .select("e.id")
      .orderBy("e.code")
      .executeTakeFirstOrThrow();
    const demoEntrant = await trx
      .selectFrom("users")
      .select("id")
      .where("email", "=", "entrant@frontier.demo")
      .executeTakeFirstOrThrow();
    await trx
      .updateTable("entries")
      .set({ entrant_user_id: null })
      .where("entrant_user_id", "=", demoEntrant.id)
      .execute();
    await trx.updateTable("entries").set({ entrant_user_id: demoEntrant.id }).where("id", "=", showcase.id).execute();
    await results.recompute(summary.rounds.domain, now);
    continueWithFollowOn(showcase.id);
    return summary;
  });
  handle.sqlite.pragma("optimize");
  return { ms: Math.round(performance.now() - started), summary };
}

export async function seedDemoIfEmpty(handle: DbHandle): Promise<{ ms: number; summary: SeedSummary } | null> {
  if (!(await isEmpty(handle))) return null;
  return seedDemo(handle);
}
