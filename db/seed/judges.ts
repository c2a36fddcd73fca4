// The demo's 150 judges (accounts, affiliations, expertise) and the conflicts some of them declared.
import type { Conflict } from "../../app/domain/assignment";
import { DEMO_JUDGE_COUNT, type PlannedEntry, type PlannedJudge, type SeedContext } from "./plan";
import type { AddUser } from "./structure";
import { fill, personName } from "./text";
import { COUNTRIES, GROUPS, JUDGE_AFFILIATION_PATTERNS, JUDGE_TITLES, TRACKS } from "./vocabulary";

/**
 * When the j-th demo judge accepted their invitation, or null for the few who have not yet (every
 * twelfth, never the demo judge), so "only judges who accepted" changes something. No random draw:
 * the rest of the demo stays what it was.
 */
export function demoAcceptedAt(nowIso: string, j: number): string | null {
  if (j % 12 === 11) return null;
  return new Date(Date.parse(nowIso) - (30 - (j % 20)) * 86_400_000).toISOString();
}

/** Every judge with an account (only the demo judge can sign in), their expertise by track rotation. */
export function seedJudges(
  ctx: SeedContext,
  competitionId: number,
  trackIds: Map<string, number>,
  addUser: AddUser,
): PlannedJudge[] {
  const insertJudge = ctx.sqlite.prepare(
    `INSERT INTO judges (competition_id, user_id, name, title, affiliation, country, accepted_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertExpertise = ctx.sqlite.prepare(`INSERT INTO judge_expertise (judge_id, track_id) VALUES (?, ?)`);
  const judges: PlannedJudge[] = [];
  for (let j = 0; j < DEMO_JUDGE_COUNT; j++) {
    const person = judgePerson(ctx, j);
    const isDemoJudge = j === 0;
    const email = isDemoJudge ? "judge@frontier.demo" : `judge${String(j + 1).padStart(3, "0")}@frontier.demo`;
    const userId = addUser(
      email,
      person.name,
      person.chinese ? "zh-Hans" : "en",
      "judge",
      isDemoJudge ? ctx.passwordHashes["judge@frontier.demo"] : undefined,
    );
    const id = Number(
      insertJudge.run(
        competitionId,
        userId,
        person.name,
        person.title,
        person.affiliation,
        person.country,
        demoAcceptedAt(ctx.nowIso, j),
      ).lastInsertRowid,
    );
    // Every track gets judges by rotation; most judges know one or two more fields.
    const expertise = new Set<number>([trackIds.get(person.track.code)!]);
    const extra = ctx.random.int(0, 2);
    for (let e = 0; e < extra; e++) expertise.add(trackIds.get(ctx.random.pick([...TRACKS]).code)!);
    for (const t of expertise) insertExpertise.run(id, t);
    judges.push({
      id,
      userId,
      affiliation: person.affiliation,
      country: person.country,
      trackIds: [...expertise],
      bias: ctx.random.gaussian(0, 0.45),
    });
  }
  return judges;
}

/** The j-th judge's name, title, affiliation and home track. */
function judgePerson(ctx: SeedContext, j: number) {
  const random = ctx.random;
  const judgeCountries = COUNTRIES.filter((c) => c.weight >= 1);
  // About half the panel from mainland China, the rest from the countries with most entries.
  const country =
    j % 2 === 0
      ? COUNTRIES.find((c) => c.code === "CN")!
      : random.weighted(
          judgeCountries.filter((c) => c.code !== "CN"),
          (c) => c.weight,
        );
  const name = personName(random, country.culture);
  const title = random.pick(JUDGE_TITLES);
  const city =
    country.code === "CN"
      ? random.pick(random.pick(GROUPS.filter((g) => g.region === "domestic")).cities)
      : random.pick(country.cities);
  const pattern = random.pick(JUDGE_AFFILIATION_PATTERNS);
  const chinese = country.code === "CN" || country.code === "TW";
  const track = TRACKS[j % TRACKS.length]!;
  const affiliation = fill(chinese ? pattern.zh : pattern.en, {
    city: chinese ? city.zh : city.en,
    orgWord: random.pick(track.orgWords)[chinese ? "zh" : "en"],
    family: name.split(" ")[0] ?? name,
  });
  return { name, title: chinese ? title.zh : title.en, affiliation, country: country.code, chinese, track };
}

/**
 * Declared conflicts: some judges know an entrant's organization, a few a specific entry.
 * Returns them for the assignment, and a test for "this judge may not score this entry".
 */
export function seedConflicts(ctx: SeedContext, judges: readonly PlannedJudge[], entries: readonly PlannedEntry[]) {
  const random = ctx.random;
  const insertConflict = ctx.sqlite.prepare(
    `INSERT INTO judge_conflicts (judge_id, entry_id, organization, source, status, reason) VALUES (?, ?, ?, ?, 'confirmed', ?)`,
  );
  const declared: Conflict[] = [];
  const conflictedEntries = new Map<number, Set<number>>(); // judge id -> entry ids
  const conflictsOf = (judgeId: number) => {
    let set = conflictedEntries.get(judgeId);
    if (!set) conflictedEntries.set(judgeId, (set = new Set()));
    return set;
  };
  const competing = entries.filter((e) => e.status === "submitted");
  for (const judge of judges) {
    if (!random.chance(0.14)) continue;
    const entry = random.pick(competing);
    if (random.chance(0.5)) {
      insertConflict.run(judge.id, null, entry.organization, "declared", "前合作单位 / Former collaborator");
      declared.push({ judgeId: String(judge.id), organization: entry.organization });
      for (const e of competing) if (e.organization === entry.organization) conflictsOf(judge.id).add(e.id);
    } else {
      insertConflict.run(judge.id, entry.id, null, "declared", "指导过该团队成员 / Supervised a team member");
      declared.push({ judgeId: String(judge.id), entryId: String(entry.id) });
      conflictsOf(judge.id).add(entry.id);
    }
  }
  const conflicted = (judge: PlannedJudge, entry: PlannedEntry) =>
    judge.affiliation === entry.organization || (conflictedEntries.get(judge.id)?.has(entry.id) ?? false);
  return { declared, conflicted, competing };
}
