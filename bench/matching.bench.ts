// npm run bench:matching — the follow-on services at the real event's size, on the seeded demo:
// profiles read from a freshly seeded demo database through profiles.server.ts (partnerProfiles,
// consentingEntryProfiles), ranked lists for every partner and every consenting entry of the needs
// round (full lists with reasons, and the top 50 a page shows), then 3,000 accepted meetings
// scheduled on the demo's forum grid (3 days × 27 twenty-minute slots × 40 tables) with the demo's
// finalists busy during their pitches. The demo holds fewer accepted meetings than 3,000, so the
// bench adds accepted pairs among the demo's partners and consenting entries (it says how many).
// Prints each time against the target (1 s for all lists, 2 s for the schedule), the share
// placed, and the double bookings and pitch clashes (recounted here, must be 0). Then the same lists
// on generated profiles with 3,100 entries, for comparison at the full entry count.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { zonedLocalToIso } from "../app/domain/edition-schemas";
import { scheduleMeetings, type Busy, type Meeting, type Slot } from "../app/domain/meeting-schedule";
import {
  rankEntriesFor,
  rankPartnersFor,
  type EntryProfile,
  type PartnerProfile,
} from "../app/domain/partner-matching";
import { consentingEntryProfiles, partnerProfiles } from "../app/services/follow-on/profiles.server";
import { openDatabase } from "../db/client";
import { migrateToLatest } from "../db/migrate";
import { seedDemo } from "../db/seed/seed.server";
import { generatedEntries, generatedPartners, pick } from "./matching-generated";

function time<T>(label: string, targetMs: number | null, run: () => T): T {
  run(); // warm-up: the first run pays for the JIT
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  const against = targetMs === null ? "" : ` (target ${targetMs} ms, ${(ms / targetMs).toFixed(2)} × target)`;
  console.log(`${label}: ${ms.toFixed(0)} ms${against}`);
  return result;
}

function lists(partners: readonly PartnerProfile[], entries: readonly EntryProfile[]) {
  const rows = time("every partner's full list and every entry's full list, with reasons", 1000, () => {
    let n = 0;
    for (const p of partners) n += rankEntriesFor(p, entries).length;
    for (const e of entries) n += rankPartnersFor(e, partners).length;
    return n;
  });
  console.log(`  ${rows} ranked rows`);
  time("the top 50 each way (what a page shows)", 1000, () => {
    for (const p of partners) rankEntriesFor(p, entries, { limit: 50 });
    for (const e of entries) rankPartnersFor(e, partners, { limit: 50 });
  });
}

type Settings = {
  days: string;
  day_starts: string;
  day_ends: string;
  slot_minutes: number;
  tables: number;
  final_starts_at: string | null;
  pitch_minutes: number;
  time_zone: string;
};

/** The forum's slots, from the stored days and hours read in the edition's time zone. */
function forumSlots(s: Settings): Slot[] {
  const slots: Slot[] = [];
  const step = s.slot_minutes * 60_000;
  for (const day of JSON.parse(s.days) as string[]) {
    const from = Date.parse(zonedLocalToIso(`${day}T${s.day_starts}`, s.time_zone)!);
    const to = Date.parse(zonedLocalToIso(`${day}T${s.day_ends}`, s.time_zone)!);
    for (let t = from; t + step <= to; t += step) slots.push({ startsAt: t, endsAt: t + step });
  }
  return slots;
}

const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? "unknown CPU"}, node ${process.version}`;
console.log(`machine: ${machine}, ${new Date().toISOString().slice(0, 10)}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "frontier-bench-"));
const handle = openDatabase(path.join(dir, "bench.db"));
try {
  await migrateToLatest(handle.db);
  const { ms, summary } = await seedDemo(handle);
  console.log(`seed the demo competition (once): ${ms} ms`);
  const competitionId = summary.competitionId;
  const started = performance.now();
  const partnerRows = await partnerProfiles(handle.db, competitionId);
  const entryRows = await consentingEntryProfiles(handle.db, competitionId);
  console.log(`read the profiles from SQLite (profiles.server.ts): ${(performance.now() - started).toFixed(0)} ms`);
  const partners = partnerRows.map((p) => p.profile);
  const entries = entryRows.map((e) => e.profile);
  const sql = handle.sqlite;
  const needsRoundEntries = sql
    .prepare(
      `SELECT count(*) FROM round_entries re JOIN follow_on_settings s ON s.needs_round_id = re.round_id
       WHERE s.competition_id = ?`,
    )
    .pluck()
    .get(competitionId) as number;
  const kinds = partners.reduce<Record<string, number>>((a, p) => ({ ...a, [p.kind]: (a[p.kind] ?? 0) + 1 }), {});
  console.log(
    `\nthe demo: ${partners.length} partners ${JSON.stringify(kinds)}, ${entries.length} consenting entries of ${needsRoundEntries} in the needs round`,
  );
  lists(partners, entries);

  const settings = sql
    .prepare(`SELECT s.*, c.time_zone FROM follow_on_settings s JOIN competitions c ON c.id = s.competition_id`)
    .get() as Settings;
  const slots = forumSlots(settings);
  // Each partner's people and each entry are participants: the demo's partners have one person each.
  const personOf = new Map(
    (sql.prepare(`SELECT partner_id AS p, user_id AS u FROM partner_people`).all() as { p: number; u: number }[]).map(
      (r) => [r.p, r.u],
    ),
  );
  const people = (partnerId: number, entryId: number) => [`person:${personOf.get(partnerId)}`, `entry:${entryId}`];
  const accepted = sql
    .prepare(`SELECT id, partner_id AS p, entry_id AS e FROM meeting_requests WHERE state = 'accepted' ORDER BY id`)
    .all() as { id: number; p: number; e: number }[];
  const pairs = new Set(
    (sql.prepare(`SELECT partner_id || '/' || entry_id FROM meeting_requests`).pluck().all() as string[]).map(String),
  );
  const meetings: Meeting[] = accepted.map((r) => ({ id: r.id, participants: people(r.p, r.e) }));
  const seededAccepted = meetings.length;
  let nextId = 1_000_000;
  while (meetings.length < 3000) {
    const partner = pick(partners);
    const entry = pick(entries);
    const key = `${partner.id}/${entry.id}`;
    if (pairs.has(key)) continue;
    pairs.add(key);
    meetings.push({ id: nextId++, participants: people(partner.id, entry.id) });
  }
  // The finalists pitch one after the other from the final's first pitch, and meet nobody meanwhile.
  const finalStart = settings.final_starts_at ? Date.parse(settings.final_starts_at) : null;
  const pitch = settings.pitch_minutes * 60_000;
  const finalists = sql
    .prepare(
      `SELECT re.entry_id AS id, re.stage_order AS k FROM round_entries re JOIN rounds r ON r.id = re.round_id
       WHERE r.competition_id = ? AND r.slug = 'final' ORDER BY re.stage_order`,
    )
    .all(competitionId) as { id: number; k: number }[];
  const busy: Busy[] =
    finalStart === null
      ? []
      : finalists.map((f) => ({
          participant: `entry:${f.id}`,
          from: finalStart + (f.k - 1) * pitch,
          to: finalStart + f.k * pitch,
        }));
  console.log(
    `\nthe schedule: ${JSON.parse(settings.days).length} days, ${slots.length} slots of ${settings.slot_minutes} min × ${settings.tables} tables = ${slots.length * settings.tables} places; ${finalists.length} finalists busy while they pitch`,
  );
  console.log(
    `  meetings: the demo's ${seededAccepted} accepted requests + ${meetings.length - seededAccepted} generated accepted pairs among its partners and consenting entries`,
  );
  const schedule = time(`the schedule of ${meetings.length} accepted meetings`, 2000, () =>
    scheduleMeetings({ slots, tables: settings.tables, meetings, busy }),
  );
  const seen = new Set<string>();
  let doubleBookings = 0;
  let pitchClashes = 0;
  const byId = new Map(meetings.map((m) => [m.id, m]));
  for (const p of schedule.placed) {
    const m = byId.get(p.meetingId)!;
    for (const key of [`table ${p.slot}/${p.table}`, ...m.participants.map((who) => `${who}@${p.slot}`)]) {
      if (seen.has(key)) doubleBookings++;
      seen.add(key);
    }
    const slot = slots[p.slot]!;
    for (const b of busy)
      if (m.participants.includes(b.participant) && slot.startsAt < b.to && b.from < slot.endsAt) pitchClashes++;
  }
  const reasons = schedule.unplaced.reduce<Record<string, number>>(
    (a, u) => ({ ...a, [u.reason]: (a[u.reason] ?? 0) + 1 }),
    {},
  );
  console.log(
    `  placed ${schedule.placed.length} of ${meetings.length} (${((100 * schedule.placed.length) / meetings.length).toFixed(1)} %), double bookings ${doubleBookings}, placed during the participant's pitch ${pitchClashes}, not placed by reason ${JSON.stringify(reasons)}`,
  );
  if (doubleBookings > 0 || pitchClashes > 0) process.exitCode = 1;

  const genPartners = generatedPartners(300);
  const genEntries = generatedEntries(3100);
  console.log(
    `\nfor comparison, generated profiles: ${genPartners.length} partners, ${genEntries.length} entries (${genEntries.filter((e) => e.consent).length} consenting)`,
  );
  lists(genPartners, genEntries);
} finally {
  await handle.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
