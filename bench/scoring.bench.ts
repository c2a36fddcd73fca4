// npm run bench:scoring — seeds the demo into a temporary SQLite file, then times:
//   seeding; ranking every regional result (pure domain, inputs in memory); the full recompute
//   (load from SQLite + rank + store, one transaction); one group after one changed score.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed.server";
import { createResultsService } from "../app/services/results.server";

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `median ${at(0.5).toFixed(2)} ms, p95 ${at(0.95).toFixed(2)} ms, min ${sorted[0]!.toFixed(2)} ms (n=${samples.length})`;
}
async function time(n: number, fn: () => unknown | Promise<unknown>, warmup = 3) {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  return samples;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-bench-"));
const handle = openDatabase(path.join(dir, "bench.db"));
try {
  await migrateToLatest(handle.db);
  const seeded = await seedDemo(handle);
  const regional = seeded.summary.rounds.regional;
  const results = createResultsService(handle.db);
  const counts = handle.sqlite
    .prepare(
      `SELECT (SELECT count(*) FROM round_entries WHERE round_id = ?) entries,
              (SELECT count(*) FROM scores WHERE round_id = ? AND status = 'submitted') scores,
              (SELECT count(*) FROM score_marks m JOIN scores s ON s.id = m.score_id WHERE s.round_id = ?) marks`,
    )
    .get(regional, regional, regional) as { entries: number; scores: number; marks: number };

  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `regional round: ${counts.entries} entries, ${counts.scores} submitted scores, ${counts.marks} criterion marks`,
  );
  console.log(`seed the demo competition (once): ${seeded.ms} ms`);

  const inputs = await results.loadInputs(regional);
  console.log(
    `rank all regional results, inputs in memory (pure domain): ${stats(await time(30, () => results.rankRound(inputs)))}`,
  );
  console.log(`load regional inputs from SQLite: ${stats(await time(20, () => results.loadInputs(regional)))}`);
  console.log(
    `full regional recompute (load + rank + store, one transaction): ${stats(await time(10, () => results.recompute(regional)))}`,
  );

  // One judge changes one mark of an entry in the Europe group; that group is recomputed. The mark is
  // changed by hand, so its score's stored total is cleared (0013's trigger) and derived again inside
  // the recompute: the timing includes that derivation.
  const target = handle.sqlite
    .prepare(
      `SELECT m.score_id, m.criterion_id, e.group_id FROM score_marks m JOIN scores s ON s.id = m.score_id
       JOIN entries e ON e.id = s.entry_id JOIN groups g ON g.id = e.group_id
       WHERE s.round_id = ? AND g.code = 'EU' LIMIT 1`,
    )
    .get(regional) as { score_id: number; criterion_id: number; group_id: number };
  const unit = `group:${target.group_id}`;
  const groupInputs = await results.loadInputs(regional, unit);
  const groupSize = groupInputs.units.get(unit)?.length ?? 0;
  let flip = false;
  const change = handle.sqlite.prepare("UPDATE score_marks SET mark_milli = ? WHERE score_id = ? AND criterion_id = ?");
  console.log(
    `rank one group (${groupSize} entries), inputs in memory: ${stats(await time(50, () => results.rankRound(groupInputs)))}`,
  );
  console.log(
    `one changed score, then its group recomputed (update + load + rank + store): ${stats(
      await time(30, async () => {
        flip = !flip;
        change.run(flip ? 9500 : 9000, target.score_id, target.criterion_id);
        await results.recomputeUnit(regional, unit);
      }),
    )}`,
  );
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
