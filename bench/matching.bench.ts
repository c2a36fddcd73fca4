// npm run bench:matching — the follow-on services' pure core at the real event's size: 300
// partners (investors, parks, corporates) and 3,100 entries with needs (90 % consenting), ranked
// lists for every partner and every entry (full lists with reasons, and the top 50 a page shows),
// then 3,000 accepted meetings scheduled over 3 days × 27 twenty-minute slots × 40 tables with 22
// finalists busy during their pitches. Prints each time against the target (1 s for all
// lists, 2 s for the schedule), the share placed and the double bookings (recounted here, must be 0).
// The profiles are generated from a fixed seed: the demo database does not hold partners yet.
import { performance } from "node:perf_hooks";
import { scheduleMeetings, type Busy, type Meeting, type Slot } from "../app/domain/meeting-schedule";
import {
  rankEntriesFor,
  rankPartnersFor,
  type EntryProfile,
  type PartnerProfile,
} from "../app/domain/partner-matching";
import { CUSTOMER_KINDS, FUNDING_STAGES, PARK_SUPPORT, REGIONS } from "../app/domain/partner-vocabulary";

let seed = 20270520;
const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const some = <T>(list: readonly T[], most: number): T[] => [
  ...new Set(Array.from({ length: 1 + Math.floor(random() * most) }, () => pick(list))),
];
const TRACKS = ["QI", "PC", "MV", "6G", "BCI", "EAI", "SB", "NM", "SP", "EN", "MD", "AG"];
const CITIES = ["北京", "上海", "深圳", "杭州", "苏州", "合肥", "成都", "武汉"];

function partners(count: number): PartnerProfile[] {
  return Array.from({ length: count }, (_, i): PartnerProfile => {
    const base = { id: i + 1, tracks: some(TRACKS, 4), regions: some(REGIONS, 3) };
    const kind = i % 3;
    if (kind === 0) {
      const minWan = pick([100, 300, 500, 1000, 3000]);
      return {
        ...base,
        kind: "investor",
        stages: some(FUNDING_STAGES, 3),
        ticket: { minWan, maxWan: minWan * pick([3, 5, 10]) },
      };
    }
    if (kind === 1)
      return {
        ...base,
        kind: "park",
        city: pick(CITIES),
        district: "中关村",
        areaM2: pick([200, 500, 1000, 3000]),
        support: some(PARK_SUPPORT, 3),
      };
    return { ...base, kind: "corporate", customerKinds: some(CUSTOMER_KINDS, 3) };
  });
}

function entries(count: number): EntryProfile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    track: pick(TRACKS),
    group: pick(["BJ", "YRD", "GBA", "CW", "NA", "EU", "AS", "HMT"]),
    region: pick(REGIONS),
    country: pick(["CN", "CN", "CN", "US", "DE", "SG", "JP", "GB", "FR", "IL"]),
    consent: random() < 0.9,
    needs: {
      financing: { amountWan: pick([200, 500, 1000, 3000, 8000]), stage: pick(FUNDING_STAGES) },
      space: { areaM2: pick([100, 300, 800, 2000]), city: pick(CITIES), fromMonth: "2027-07" },
      market: { customerKind: pick(CUSTOMER_KINDS), region: pick(REGIONS) },
    },
  }));
}

function time<T>(label: string, targetMs: number, run: () => T): T {
  run(); // warm-up: the first run pays for the JIT
  const started = performance.now();
  const result = run();
  const ms = performance.now() - started;
  console.log(`${label}: ${ms.toFixed(0)} ms (target ${targetMs} ms, ${(ms / targetMs).toFixed(2)} × target)`);
  return result;
}

const allPartners = partners(300);
const allEntries = entries(3100);
console.log(
  `${allPartners.length} partners, ${allEntries.length} entries (${allEntries.filter((e) => e.consent).length} consenting)`,
);
const rows = time("every partner's full list and every entry's full list, with reasons", 1000, () => {
  let n = 0;
  for (const p of allPartners) n += rankEntriesFor(p, allEntries).length;
  for (const e of allEntries) n += rankPartnersFor(e, allPartners).length;
  return n;
});
console.log(`  ${rows} ranked rows`);
time("the top 50 each way (what a page shows)", 1000, () => {
  for (const p of allPartners) rankEntriesFor(p, allEntries, { limit: 50 });
  for (const e of allEntries) rankPartnersFor(e, allPartners, { limit: 50 });
});

// 3 forum days, 09:00–18:00 Beijing time, 27 slots of 20 minutes each; 40 tables.
const DAY = 86_400_000;
const SLOT = 20 * 60_000;
const first = Date.UTC(2027, 4, 20, 1, 0);
const slots: Slot[] = Array.from({ length: 3 * 27 }, (_, i) => {
  const startsAt = first + Math.floor(i / 27) * DAY + (i % 27) * SLOT;
  return { startsAt, endsAt: startsAt + SLOT };
});
// Each meeting: one of a partner's two people and the entrant of a consenting entry, accepted both ways.
const consenting = allEntries.filter((e) => e.consent);
const pairs = new Set<string>();
const meetings: Meeting[] = [];
while (meetings.length < 3000) {
  const partner = pick(allPartners);
  const entry = pick(consenting);
  const key = `${partner.id}/${entry.id}`;
  if (pairs.has(key)) continue;
  pairs.add(key);
  meetings.push({
    id: meetings.length + 1,
    participants: [`partner:${partner.id}:${random() < 0.5 ? 1 : 2}`, `entrant:${entry.id}`],
  });
}
// The 22 finalists pitch on the second day, 8 minutes each from 09:00, and meet nobody meanwhile.
const busy: Busy[] = consenting.slice(0, 22).map((e, i) => ({
  participant: `entrant:${e.id}`,
  from: first + DAY + i * 8 * 60_000,
  to: first + DAY + (i + 1) * 8 * 60_000,
}));
const schedule = time("the schedule of 3,000 accepted meetings (81 slots × 40 tables)", 2000, () =>
  scheduleMeetings({ slots, tables: 40, meetings, busy }),
);
const seen = new Set<string>();
let doubleBookings = 0;
const byId = new Map(meetings.map((m) => [m.id, m]));
for (const p of schedule.placed)
  for (const key of [
    `table ${p.slot}/${p.table}`,
    ...byId.get(p.meetingId)!.participants.map((who) => `${who}@${p.slot}`),
  ]) {
    if (seen.has(key)) doubleBookings++;
    seen.add(key);
  }
const reasons = schedule.unplaced.reduce<Record<string, number>>(
  (a, u) => ({ ...a, [u.reason]: (a[u.reason] ?? 0) + 1 }),
  {},
);
console.log(
  `  placed ${schedule.placed.length} of ${meetings.length} (${((100 * schedule.placed.length) / meetings.length).toFixed(1)} %), double bookings ${doubleBookings}, not placed by reason ${JSON.stringify(reasons)}`,
);
if (doubleBookings > 0) process.exitCode = 1;
