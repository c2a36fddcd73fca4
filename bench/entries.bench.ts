// npm run bench:entries — server time of the organizer's entry table on the demo data: the
// service call a page load makes (count + one sorted page), for typical searches and filters.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed.server";
import { adminListQuery } from "../app/services/entry-admin.server";
import { createServices } from "../app/services/index.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-bench-"));
const handle = openDatabase(path.join(dir, "bench.db"));
try {
  await migrateToLatest(handle.db);
  const { summary } = await seedDemo(handle);
  const services = createServices(handle.db, { sessionSecret: "b".repeat(32) });
  const cases: [string, Record<string, string>][] = [
    ["first page, sorted by code", {}],
    ["search 'quantum' in titles, organizations, codes, contacts", { q: "quantum" }],
    ["search a contact e-mail domain ('.co.uk')", { q: ".co.uk" }],
    ["group EU + status submitted, sorted by title", { group: "EU", status: "submitted", sort: "title" }],
    ["country DE, sorted by submission date, descending", { country: "DE", sort: "submitted", dir: "desc" }],
    ["entries in the domain round, sorted by organization", { round: "domain", sort: "organization" }],
    ["last page of everything", { page: "62" }],
  ];
  console.log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(`entries in the demo: ${summary.entries}`);
  for (const [name, params] of cases) {
    const query = adminListQuery.parse(params);
    for (let i = 0; i < 5; i++) await services.entryAdmin.list(summary.competitionId, query);
    const samples: number[] = [];
    let total = 0;
    for (let i = 0; i < 40; i++) {
      const t = performance.now();
      total = (await services.entryAdmin.list(summary.competitionId, query)).total;
      samples.push(performance.now() - t);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(2);
    console.log(`${name} (${total} matches): median ${at(0.5)} ms, p95 ${at(0.95)} ms`);
  }
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
