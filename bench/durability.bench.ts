// npm run bench:durability — what `synchronous = FULL` costs a score write against NORMAL, in WAL
// mode, on a real file: N single-score transactions shaped like a judge's submission on stage
// (score row, five marks, audit row, live event, live state), alternating blocks of each setting
// on the same file so that the disk's mood weighs on both alike.
// DURABILITY_BENCH_DIR picks the folder (default: the OS temp folder); put it on the data disk.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";

const PER_MODE = Number(process.env.DURABILITY_BENCH_N ?? 1000);
const BLOCK = 100;
const WARMUP = 50;
const JUDGES = 10;
const CRITERIA = 5;
const MODES = ["NORMAL", "FULL"] as const;
const entriesNeeded = Math.ceil((2 * (PER_MODE + WARMUP)) / JUDGES);

function quantile(sorted: number[], q: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const dir = fs.mkdtempSync(path.join(process.env.DURABILITY_BENCH_DIR ?? os.tmpdir(), "frontier-bench-"));
const handle = openDatabase(path.join(dir, "bench.db"));
try {
  await migrateToLatest(handle.db);
  const s = handle.sqlite;
  const run = (q: string, ...p: unknown[]) => Number(s.prepare(q).run(...p).lastInsertRowid);

  // The fixture: one round, ten judges each assigned every entry.
  const pairs: { judge: number; entry: number }[] = [];
  const criteria: number[] = [];
  let competition = 0;
  let round = 0;
  s.transaction(() => {
    competition = run(
      "INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at) VALUES ('bench', '基准', 'Bench', 2026, '2026-01-01', '2026-12-31')",
    );
    const group = run(
      "INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order) VALUES (?, 'BJ', '北京', 'Beijing', 'domestic', '[\"CN\"]', 1)",
      competition,
    );
    const track = run(
      "INSERT INTO tracks (competition_id, code, name_zh, name_en, sort_order) VALUES (?, 'QI', '量子信息', 'Quantum information', 1)",
      competition,
    );
    round = run(
      "INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, status, judges_per_entry, advance_count) VALUES (?, 1, 'final', '总决赛', 'Final', 'all', 'open', ?, 3)",
      competition,
      JUDGES,
    );
    for (let c = 1; c <= CRITERIA; c++) {
      criteria.push(
        run(
          "INSERT INTO criteria (round_id, position, name_zh, name_en, weight_bp, max_milli, step_milli) VALUES (?, ?, '标准', 'Criterion', 2000, 10000, 500)",
          round,
          c,
        ),
      );
    }
    const judges: number[] = [];
    for (let j = 0; j < JUDGES; j++) {
      const user = run(
        "INSERT INTO users (email, password_hash, display_name) VALUES (?, 'x', 'Judge')",
        `judge${j}@bench.test`,
      );
      judges.push(
        run(
          "INSERT INTO judges (competition_id, user_id, name, affiliation, country) VALUES (?, ?, 'Judge', 'Lab', 'CN')",
          competition,
          user,
        ),
      );
    }
    for (let e = 0; e < entriesNeeded; e++) {
      const entry = run(
        "INSERT INTO entries (competition_id, group_id, track_id, code, title_en, organization, country, contact_name, contact_email, status, submitted_at) VALUES (?, ?, ?, ?, 'Entry', 'Lab', 'CN', 'A', 'a@b.cn', 'submitted', '2026-11-01')",
        competition,
        group,
        track,
        `BJ-QI-${String(e + 1).padStart(4, "0")}`,
      );
      run("INSERT INTO round_entries (round_id, entry_id) VALUES (?, ?)", round, entry);
      for (const judge of judges) {
        run("INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)", round, judge, entry);
        pairs.push({ judge, entry });
      }
    }
    run(
      "INSERT INTO live_state (competition_id, round_id, control, public, seq) VALUES (?, ?, '{}', '{}', 0)",
      competition,
      round,
    );
  })();

  const insertScore = s.prepare(
    "INSERT INTO scores (round_id, judge_id, entry_id, status, comment, submitted_at, updated_at, submission_key) VALUES (?, ?, ?, 'submitted', 'Clear pitch.', ?, ?, ?)",
  );
  const insertMark = s.prepare("INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, ?)");
  const insertAudit = s.prepare(
    "INSERT INTO audit_log (at, action, subject_type, subject_id, after) VALUES (?, 'score.submitted', 'entry', ?, ?)",
  );
  const insertEvent = s.prepare(
    "INSERT INTO live_events (competition_id, seq, type, payload, created_at) VALUES (?, ?, 'update', ?, ?)",
  );
  const updateState = s.prepare("UPDATE live_state SET public = ?, seq = ?, updated_at = ? WHERE competition_id = ?");
  let seq = 0;
  let next = 0;
  const submit = s.transaction(() => {
    const { judge, entry } = pairs[next++]!;
    const now = new Date().toISOString();
    const score = Number(
      insertScore.run(round, judge, entry, now, now, `bench-${String(next).padStart(8, "0")}`).lastInsertRowid,
    );
    for (const c of criteria) insertMark.run(score, c, 500 * (1 + ((judge + entry + c) % 20)));
    insertAudit.run(now, entry, JSON.stringify({ scoreId: score, judgeId: judge, roundId: round, stage: true }));
    seq++;
    const change = JSON.stringify({ type: "progress", entryId: entry, submitted: 1 + (next % JUDGES), of: JUDGES });
    insertEvent.run(competition, seq, change, now);
    updateState.run(JSON.stringify({ seq, current: entry, progress: change }), seq, now, competition);
  });

  const samples: Record<(typeof MODES)[number], number[]> = { NORMAL: [], FULL: [] };
  for (const mode of MODES) {
    s.pragma(`synchronous = ${mode}`);
    for (let i = 0; i < WARMUP; i++) submit();
  }
  for (let done = 0; done < PER_MODE; done += BLOCK) {
    for (const mode of MODES) {
      s.pragma(`synchronous = ${mode}`);
      for (let i = 0; i < Math.min(BLOCK, PER_MODE - done); i++) {
        const t = performance.now();
        submit();
        samples[mode].push(performance.now() - t);
      }
    }
  }

  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `file: ${path.join(dir, "bench.db")} (WAL, wal_autocheckpoint ${s.pragma("wal_autocheckpoint", { simple: true })} pages)`,
  );
  console.log(
    `each: one transaction = 1 score + ${CRITERIA} marks + 1 audit row + 1 live event + live state update; ${PER_MODE} per setting in alternating blocks of ${BLOCK}, after ${WARMUP} warm-up each`,
  );
  const figures: Record<string, { p50: number; p99: number }> = {};
  for (const mode of MODES) {
    const sorted = [...samples[mode]].sort((a, b) => a - b);
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
    figures[mode] = { p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99) };
    console.log(
      `synchronous=${mode.padEnd(6)} per commit: p50 ${figures[mode]!.p50.toFixed(3)} ms  p99 ${figures[mode]!.p99.toFixed(3)} ms  ` +
        `mean ${mean.toFixed(3)} ms  max ${sorted.at(-1)!.toFixed(3)} ms  (${Math.round(1000 / mean)} commits/s, n=${sorted.length})`,
    );
  }
  const ratio = (q: "p50" | "p99") => (figures.FULL![q] / figures.NORMAL![q]).toFixed(2);
  console.log(`ratio FULL / NORMAL: p50 ${ratio("p50")}×  p99 ${ratio("p99")}×`);
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
