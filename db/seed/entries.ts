// The demo's 3,100 entries: spread over countries by weight, each with a bilingual title and summary, a code and a team.
import type BetterSqlite3 from "better-sqlite3";
import { DEMO_ENTRY_COUNT, DEMO_YEAR, DOMESTIC_SHARE, type PlannedEntry, type SeedContext } from "./plan";
import { apportion, fill, personName, slugify } from "./text";
import {
  COUNTRIES,
  GROUPS,
  NAME_POOLS,
  ORG_PATTERNS,
  SUMMARY_SENTENCES,
  TEAM_ROLES,
  TITLE_TEMPLATES,
  TRACKS,
  type Bilingual,
  type CountryDef,
  type GroupDef,
  type NameCulture,
  type TrackDef,
} from "./vocabulary";

type EntryWriter = {
  ctx: SeedContext;
  competitionId: number;
  groupIds: Map<string, number>;
  trackIds: Map<string, number>;
  demoEntrantId: number;
  codeCounters: Map<string, number>;
  insertEntry: BetterSqlite3.Statement;
  insertMember: BetterSqlite3.Statement;
};

const NON_LATIN_CULTURES = new Set<NameCulture>(["zh", "ar"]);
const DOMESTIC_GROUPS = () => GROUPS.filter((g) => g.region === "domestic");

/** Writes every entry with its team, country by country; returns them as the later steps need them. */
export function seedEntries(
  ctx: SeedContext,
  structure: { competitionId: number; groupIds: Map<string, number>; trackIds: Map<string, number> },
  demoEntrantId: number,
): PlannedEntry[] {
  const writer: EntryWriter = {
    ctx,
    ...structure,
    demoEntrantId,
    codeCounters: new Map(),
    insertEntry: ctx.sqlite.prepare(
      `INSERT INTO entries (competition_id, group_id, track_id, code, entrant_user_id, title_zh, title_en, summary_zh, summary_en,
         organization, country, city, website, contact_name, contact_email, status, status_reason, submitted_at, created_at, updated_at)
       VALUES (@competitionId, @groupId, @trackId, @code, @entrantUserId, @titleZh, @titleEn, @summaryZh, @summaryEn,
         @organization, @country, @city, @website, @contactName, @contactEmail, @status, @statusReason, @submittedAt, @submittedAt, @submittedAt)`,
    ),
    insertMember: ctx.sqlite.prepare(
      `INSERT INTO team_members (entry_id, position, name, role, email) VALUES (?, ?, ?, ?, ?)`,
    ),
  };
  const countryCounts = apportion(COUNTRIES, (c) => c.weight, DEMO_ENTRY_COUNT, 2);
  const overseasGroupOf = new Map<string, GroupDef>();
  for (const g of GROUPS) if (g.region === "overseas") for (const c of g.countries) overseasGroupOf.set(c, g);
  const entries: PlannedEntry[] = [];
  COUNTRIES.forEach((country, ci) => {
    const count = countryCounts[ci] ?? 0;
    const groupOf = groupChooser(country, count, overseasGroupOf);
    for (let n = 0; n < count; n++) entries.push(seedEntry(writer, country, groupOf(n), n));
  });
  return entries;
}

/** The group of a country's n-th entry: mainland entries fill the domestic groups by share, others have one group. */
function groupChooser(country: CountryDef, count: number, overseasGroupOf: Map<string, GroupDef>) {
  const domesticGroups = DOMESTIC_GROUPS();
  const domesticCounts =
    country.code === "CN" ? apportion(domesticGroups, (g) => DOMESTIC_SHARE[g.code] ?? 0.1, count, 0) : null;
  return (n: number): GroupDef => {
    if (domesticCounts) {
      let k = n;
      let gi = 0;
      while (gi < domesticCounts.length - 1 && k >= (domesticCounts[gi] ?? 0)) k -= domesticCounts[gi++] ?? 0;
      return domesticGroups[gi] as GroupDef;
    }
    const g = overseasGroupOf.get(country.code);
    if (!g) throw new Error(`country ${country.code} belongs to no overseas group`);
    return g;
  };
}

/** One entry, its team and its plan; every random draw happens in the order the demo was first generated in. */
function seedEntry(w: EntryWriter, country: CountryDef, group: GroupDef, n: number): PlannedEntry {
  const random = w.ctx.random;
  const track = random.pick([...TRACKS]);
  const city: Bilingual = random.pick(group.region === "domestic" ? group.cities : country.cities);
  const chinese = country.code === "CN" || country.code === "TW";
  const org = organizationOf(w, country, track, city);
  const organization = chinese ? org.zh : org.en;
  const key = `${group.code}-${track.code}`;
  const serial = (w.codeCounters.get(key) ?? 0) + 1;
  w.codeCounters.set(key, serial);
  const domainName = `${slugify(org.en) || "team"}.${country.code === "CN" ? "cn" : country.code === "GB" ? "co.uk" : "com"}`;
  const text = entryText(w, track, city, org);
  const statusRoll = random.float();
  const status = statusRoll < 0.006 ? "withdrawn" : statusRoll < 0.008 ? "disqualified" : "submitted";
  const submittedAt = new Date(
    Date.UTC(DEMO_YEAR, 3 + random.int(0, 2), random.int(1, 28), random.int(0, 23), random.int(0, 59)),
  ).toISOString();
  const isDemoEntrant = country.code === "DE" && n === 0;
  const id = Number(
    w.insertEntry.run({
      competitionId: w.competitionId,
      groupId: w.groupIds.get(group.code),
      trackId: w.trackIds.get(track.code),
      code: `${key}-${String(serial).padStart(4, "0")}`,
      entrantUserId: isDemoEntrant ? w.demoEntrantId : null,
      ...text.render(),
      organization,
      country: country.code,
      city: chinese ? city.zh : city.en,
      website: `https://www.${domainName}`,
      contactName: org.founder,
      contactEmail: `contact@${domainName}`,
      status,
      statusReason: STATUS_REASONS[status],
      submittedAt,
    }).lastInsertRowid,
  );
  seedTeam(w, id, country, org.founder, domainName, chinese);
  return {
    id,
    group,
    groupId: w.groupIds.get(group.code)!,
    track,
    trackId: w.trackIds.get(track.code)!,
    country,
    organization,
    quality: random.gaussian(6.8, 1.1),
    status,
  };
}

const STATUS_REASONS: Record<PlannedEntry["status"], string | null> = {
  withdrawn: "团队申请退赛 / Withdrawn at the team's request",
  disqualified: "材料与已发表论文重复 / Material duplicates a published paper",
  submitted: null,
};

/** The organization an entry comes from, named after its founder's family and its city, in both languages. */
function organizationOf(w: EntryWriter, country: CountryDef, track: TrackDef, city: Bilingual) {
  const random = w.ctx.random;
  const orgPattern = random.pick(ORG_PATTERNS);
  const orgWord = random.pick(track.orgWords);
  const founder = personName(random, country.culture);
  const founderFamily = founder.split(" ")[NAME_POOLS[country.culture].familyFirst ? 0 : 1] ?? founder;
  return {
    founder,
    en: fill(orgPattern.en, { city: city.en, orgWord: orgWord.en, family: founderFamily }),
    zh: fill(orgPattern.zh, { city: city.zh, orgWord: orgWord.zh, family: founderFamily }),
  };
}

/**
 * An entry's title and summary. The parts are picked once so the two languages say the same
 * thing; `render` still draws the (overridden) parts again for each text, as the demo always has,
 * so the random stream and with it every later entry stay as they were.
 */
function entryText(w: EntryWriter, track: TrackDef, city: Bilingual, org: { zh: string; en: string }) {
  const random = w.ctx.random;
  const values = (side: "zh" | "en") => ({
    subject: random.pick(track.subjects)[side],
    method: random.pick(track.methods)[side],
    application: random.pick(track.applications)[side],
    org: org[side],
    city: city[side],
  });
  const subject = random.pick(track.subjects);
  const method = random.pick(track.methods);
  const application = random.pick(track.applications);
  const side = (s: "zh" | "en") => ({
    ...values(s),
    subject: subject[s],
    method: method[s],
    application: application[s],
  });
  const title = random.pick(TITLE_TEMPLATES);
  // The first sentence says what the project is; one or two more add traction or plans.
  const sentences = [SUMMARY_SENTENCES[0]!, ...random.sample(SUMMARY_SENTENCES.slice(1), random.int(1, 2))];
  return {
    render: () => ({
      titleZh: fill(title.zh, side("zh")),
      titleEn: fill(title.en, side("en")),
      summaryZh: sentences.map((s) => fill(s.zh, side("zh"))).join(""),
      summaryEn: sentences.map((s) => fill(s.en, side("en"))).join(" "),
    }),
  };
}

function seedTeam(
  w: EntryWriter,
  entryId: number,
  country: CountryDef,
  founder: string,
  domainName: string,
  chinese: boolean,
) {
  const random = w.ctx.random;
  const teamSize = random.int(1, 6);
  for (let m = 1; m <= teamSize; m++) {
    const name = m === 1 ? founder : personName(random, country.culture);
    const latin = !NON_LATIN_CULTURES.has(country.culture) && /^[\p{Script=Latin}\s'-]+$/u.test(name);
    const email = latin ? `${slugify(name).replace(/-/g, ".")}@${domainName}` : `member${m}@${domainName}`;
    const role = m === 1 ? TEAM_ROLES[0] : random.pick(TEAM_ROLES);
    w.insertMember.run(entryId, m, name, chinese ? role!.zh : role!.en, email);
  }
}
