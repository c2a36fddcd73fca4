// The demo competition, generated from a fixed seed: a newcomer sees a real-looking edition,
// and tests can rely on the same data on every machine.
import type BetterSqlite3 from "better-sqlite3";
import { assignJudges, type Conflict } from "../../app/domain/assignment";
import { Random } from "./random";
import {
  COUNTRIES,
  GROUPS,
  JUDGE_AFFILIATION_PATTERNS,
  JUDGE_TITLES,
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

export const DEMO_SEED = 20_261_124;
export const DEMO_ENTRY_COUNT = 3_100;
export const DEMO_JUDGE_COUNT = 150;
export const DEMO_COMPETITION_SLUG = "zgc2026";

/** Rounds of the demo, in order; the seed fills them to the state the issue describes. */
export const DEMO_ROUNDS = {
  regional: { slug: "regional", judgesPerEntry: 5, advanceCount: 80 },
  domain: { slug: "domain", judgesPerEntry: 5, advanceCount: 10 },
  final: { slug: "final", judgesPerEntry: 9, finalists: 22, perGroupCap: 4 },
} as const;

const REGIONAL_CRITERIA = [
  { zh: "创新性", en: "Innovation", weightBp: 3000 },
  { zh: "技术可行性", en: "Technical feasibility", weightBp: 2500 },
  { zh: "市场前景", en: "Market potential", weightBp: 2000 },
  { zh: "团队能力", en: "Team", weightBp: 1500 },
  { zh: "社会价值", en: "Social impact", weightBp: 1000 },
] as const;
const DOMAIN_CRITERIA = [
  { zh: "技术前沿性", en: "Frontier technology", weightBp: 4000 },
  { zh: "产业化路径", en: "Path to industry", weightBp: 3000 },
  { zh: "团队与执行", en: "Team and execution", weightBp: 3000 },
] as const;
const FINAL_CRITERIA = [
  { zh: "技术突破", en: "Breakthrough", weightBp: 4000 },
  { zh: "商业价值", en: "Commercial value", weightBp: 3000 },
  { zh: "路演表现", en: "Pitch", weightBp: 3000 },
] as const;
// Every demo round drops the highest and the lowest mark and averages the rest, to 2 decimals.
const TRIMMED_MEAN = { dropHighest: 1, dropLowest: 1, combine: "mean", decimals: 2, rounding: "half-up" } as const;
const MAX_MILLI = 10_000; // marks out of 10
const STEP_MILLI = 500; // in steps of 0.5

// Shares of the four domestic groups among mainland entries.
const DOMESTIC_SHARE: Record<string, number> = { BJ: 0.36, YRD: 0.29, SC: 0.2, CW: 0.15 };

type PlannedEntry = {
  id: number;
  group: GroupDef;
  groupId: number;
  track: TrackDef;
  trackId: number;
  country: CountryDef;
  organization: string;
  quality: number;
  status: "submitted" | "withdrawn" | "disqualified";
};

type PlannedJudge = {
  id: number;
  userId: number;
  affiliation: string;
  country: string;
  trackIds: number[];
  bias: number;
};

export type SeedSummary = {
  competitionId: number;
  rounds: { regional: number; domain: number; final: number };
  entries: number;
  judges: number;
};

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const lower = key.charAt(0).toLowerCase() + key.slice(1);
    const value = values[lower];
    if (value === undefined) return whole;
    // {Subject} asks for a capitalised first letter (English sentence starts), but "mRNA" stays.
    if (key === lower || /^.[A-Z]/.test(value)) return value;
    return value.charAt(0).toUpperCase() + value.slice(1);
  });
}

function personName(random: Random, culture: NameCulture): string {
  const pool = NAME_POOLS[culture];
  const family = random.pick(pool.family);
  const given = random.pick(pool.given);
  if (culture === "zh") return family + given;
  return pool.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .slice(0, 30);
}

/** Splits `total` over weighted items with at least `min` each (largest remainder, deterministic). */
export function apportion<T>(items: readonly T[], weight: (item: T) => number, total: number, min: number): number[] {
  const base = items.map(() => min);
  const rest = total - min * items.length;
  const weightSum = items.reduce((s, i) => s + weight(i), 0);
  const exact = items.map((i) => (weight(i) / weightSum) * rest);
  const counts = exact.map((x, i) => (base[i] ?? 0) + Math.floor(x));
  let left = total - counts.reduce((s, c) => s + c, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    counts[i] = (counts[i] ?? 0) + 1;
    left--;
  }
  return counts;
}

function clampMark(value: number): number {
  const stepped = Math.round(value * 2) * STEP_MILLI; // nearest 0.5
  return Math.max(0, Math.min(MAX_MILLI, stepped));
}

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
} {
  const random = new Random(DEMO_SEED);
  const nowIso = options.now.toISOString();
  const run = sqlite.transaction(() => {
    const insert = (sqlText: string) => sqlite.prepare(sqlText);

    // ---- competition, groups, tracks -------------------------------------------------------
    const year = 2026;
    const competitionId = Number(
      insert(
        `INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(
        DEMO_COMPETITION_SLUG,
        "2026 中关村国际前沿科技创新大赛",
        "2026 Zhongguancun International Frontier Technology Innovation Competition",
        year,
        "2026-03-01T00:00:00.000Z",
        "2026-12-31T15:59:59.000Z",
      ).lastInsertRowid,
    );

    const groupIds = new Map<string, number>();
    const insertGroup = insert(
      `INSERT INTO groups (competition_id, code, name_zh, name_en, region, eligible_countries, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    GROUPS.forEach((g, i) => {
      groupIds.set(
        g.code,
        Number(
          insertGroup.run(competitionId, g.code, g.name.zh, g.name.en, g.region, JSON.stringify(g.countries), i + 1)
            .lastInsertRowid,
        ),
      );
    });
    const trackIds = new Map<string, number>();
    const insertTrack = insert(
      `INSERT INTO tracks (competition_id, code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?, ?)`,
    );
    TRACKS.forEach((t, i) => {
      trackIds.set(t.code, Number(insertTrack.run(competitionId, t.code, t.name.zh, t.name.en, i + 1).lastInsertRowid));
    });
    const overseasGroupOf = new Map<string, GroupDef>();
    for (const g of GROUPS) if (g.region === "overseas") for (const c of g.countries) overseasGroupOf.set(c, g);

    // ---- rounds and rubrics ----------------------------------------------------------------
    const insertRound = insert(
      `INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, kind, status, judges_per_entry, advance_count,
         drop_highest, drop_lowest, combine, decimals, rounding, normalization, tie_breaks, opens_at, closes_at, published_at)
       VALUES (@competitionId, @position, @slug, @nameZh, @nameEn, @scope, @kind, @status, @judgesPerEntry, @advanceCount,
         @dropHighest, @dropLowest, @combine, @decimals, @rounding, @normalization, @tieBreaks, @opensAt, @closesAt, @publishedAt)`,
    );
    const insertCriterion = insert(
      `INSERT INTO criteria (round_id, position, name_zh, name_en, weight_bp, max_milli, step_milli) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const addRound = (
      round: Record<string, unknown>,
      criteria: readonly { zh: string; en: string; weightBp: number }[],
    ): { id: number; criterionIds: number[] } => {
      const id = Number(insertRound.run({ competitionId, ...round }).lastInsertRowid);
      const criterionIds = criteria.map((c, i) =>
        Number(insertCriterion.run(id, i + 1, c.zh, c.en, c.weightBp, MAX_MILLI, STEP_MILLI).lastInsertRowid),
      );
      return { id, criterionIds };
    };
    const regional = addRound(
      {
        position: 1,
        slug: DEMO_ROUNDS.regional.slug,
        nameZh: "分赛区初赛",
        nameEn: "Regional round",
        scope: "group",
        kind: "online",
        status: "published",
        judgesPerEntry: DEMO_ROUNDS.regional.judgesPerEntry,
        advanceCount: DEMO_ROUNDS.regional.advanceCount,
        ...TRIMMED_MEAN,
        normalization: "none",
        tieBreaks: JSON.stringify([{ kind: "untrimmed-mean" }, { kind: "median" }]),
        opensAt: "2026-07-01T00:00:00.000Z",
        closesAt: "2026-08-15T15:59:59.000Z",
        publishedAt: "2026-08-20T02:00:00.000Z",
      },
      REGIONAL_CRITERIA,
    );
    const domain = addRound(
      {
        position: 2,
        slug: DEMO_ROUNDS.domain.slug,
        nameZh: "领域赛",
        nameEn: "Domain round",
        scope: "track",
        kind: "online",
        status: "open",
        judgesPerEntry: DEMO_ROUNDS.domain.judgesPerEntry,
        advanceCount: DEMO_ROUNDS.domain.advanceCount,
        ...TRIMMED_MEAN,
        normalization: "zscore",
        tieBreaks: JSON.stringify([{ kind: "previous-round" }]),
        opensAt: "2026-09-01T00:00:00.000Z",
        closesAt: "2027-01-15T15:59:59.000Z",
        publishedAt: null,
      },
      DOMAIN_CRITERIA,
    );
    const final = addRound(
      {
        position: 3,
        slug: DEMO_ROUNDS.final.slug,
        nameZh: "全球总决赛",
        nameEn: "Global final",
        scope: "all",
        kind: "stage",
        status: "draft",
        judgesPerEntry: DEMO_ROUNDS.final.judgesPerEntry,
        advanceCount: 3,
        ...TRIMMED_MEAN,
        normalization: "none",
        tieBreaks: JSON.stringify([{ kind: "untrimmed-mean" }, { kind: "previous-round" }]),
        opensAt: null,
        closesAt: null,
        publishedAt: null,
      },
      FINAL_CRITERIA,
    );

    // ---- users ------------------------------------------------------------------------------
    const insertUser = insert(`INSERT INTO users (email, password_hash, display_name, locale) VALUES (?, ?, ?, ?)`);
    const insertRole = insert(`INSERT INTO user_roles (user_id, role) VALUES (?, ?)`);
    const lockedHash = options.passwordHashes["!locked"] ?? "!no-password";
    const addUser = (email: string, name: string, locale: string, role: string, hash = lockedHash) => {
      const id = Number(insertUser.run(email, hash, name, locale).lastInsertRowid);
      insertRole.run(id, role);
      return id;
    };
    addUser(
      "organizer@frontier.demo",
      "赛事组委会 Organizing Committee",
      "zh-Hans",
      "organizer",
      options.passwordHashes["organizer"],
    );
    const demoEntrantId = addUser(
      "entrant@frontier.demo",
      "Lena Hoffmann",
      "en",
      "entrant",
      options.passwordHashes["entrant"],
    );

    // ---- entries ----------------------------------------------------------------------------
    const countryCounts = apportion(COUNTRIES, (c) => c.weight, DEMO_ENTRY_COUNT, 2);
    const trackList = [...TRACKS];
    const codeCounters = new Map<string, number>();
    const insertEntry = insert(
      `INSERT INTO entries (competition_id, group_id, track_id, code, entrant_user_id, title_zh, title_en, summary_zh, summary_en,
         organization, country, city, website, contact_name, contact_email, status, status_reason, submitted_at, created_at, updated_at)
       VALUES (@competitionId, @groupId, @trackId, @code, @entrantUserId, @titleZh, @titleEn, @summaryZh, @summaryEn,
         @organization, @country, @city, @website, @contactName, @contactEmail, @status, @statusReason, @submittedAt, @submittedAt, @submittedAt)`,
    );
    const insertMember = insert(
      `INSERT INTO team_members (entry_id, position, name, role, email) VALUES (?, ?, ?, ?, ?)`,
    );
    const entries: PlannedEntry[] = [];
    const latinCultures = new Set<NameCulture>(["zh", "ar"]);
    COUNTRIES.forEach((country, ci) => {
      const count = countryCounts[ci] ?? 0;
      const domesticCounts =
        country.code === "CN"
          ? apportion(
              GROUPS.filter((g) => g.region === "domestic"),
              (g) => DOMESTIC_SHARE[g.code] ?? 0.1,
              count,
              0,
            )
          : null;
      const domesticGroups = GROUPS.filter((g) => g.region === "domestic");
      for (let n = 0; n < count; n++) {
        let group: GroupDef;
        if (domesticCounts) {
          let k = n;
          let gi = 0;
          while (gi < domesticCounts.length - 1 && k >= (domesticCounts[gi] ?? 0)) k -= domesticCounts[gi++] ?? 0;
          group = domesticGroups[gi] as GroupDef;
        } else {
          const g = overseasGroupOf.get(country.code);
          if (!g) throw new Error(`country ${country.code} belongs to no overseas group`);
          group = g;
        }
        const track = random.pick(trackList);
        const city: Bilingual = random.pick(group.region === "domestic" ? group.cities : country.cities);
        const chinese = country.code === "CN" || country.code === "TW";
        const orgPattern = random.pick(ORG_PATTERNS);
        const orgWord = random.pick(track.orgWords);
        const founder = personName(random, country.culture);
        const founderFamily = founder.split(" ")[NAME_POOLS[country.culture].familyFirst ? 0 : 1] ?? founder;
        const orgEn = fill(orgPattern.en, { city: city.en, orgWord: orgWord.en, family: founderFamily });
        const orgZh = fill(orgPattern.zh, { city: city.zh, orgWord: orgWord.zh, family: founderFamily });
        const organization = chinese ? orgZh : orgEn;
        const values = (side: "zh" | "en") => ({
          subject: random.pick(track.subjects)[side],
          method: random.pick(track.methods)[side],
          application: random.pick(track.applications)[side],
          org: side === "zh" ? orgZh : orgEn,
          city: city[side],
        });
        // Pick every part once so the two languages say the same thing.
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
        const key = `${group.code}-${track.code}`;
        const serial = (codeCounters.get(key) ?? 0) + 1;
        codeCounters.set(key, serial);
        const code = `${key}-${String(serial).padStart(4, "0")}`;
        const domainName = `${slugify(orgEn) || "team"}.${country.code === "CN" ? "cn" : country.code === "GB" ? "co.uk" : "com"}`;
        const statusRoll = random.float();
        const status = statusRoll < 0.006 ? "withdrawn" : statusRoll < 0.008 ? "disqualified" : "submitted";
        const submittedAt = new Date(
          Date.UTC(year, 3 + random.int(0, 2), random.int(1, 28), random.int(0, 23), random.int(0, 59)),
        ).toISOString();
        const isDemoEntrant = country.code === "DE" && n === 0;
        const id = Number(
          insertEntry.run({
            competitionId,
            groupId: groupIds.get(group.code),
            trackId: trackIds.get(track.code),
            code,
            entrantUserId: isDemoEntrant ? demoEntrantId : null,
            titleZh: fill(title.zh, side("zh")),
            titleEn: fill(title.en, side("en")),
            summaryZh: sentences.map((s) => fill(s.zh, side("zh"))).join(""),
            summaryEn: sentences.map((s) => fill(s.en, side("en"))).join(" "),
            organization,
            country: country.code,
            city: chinese ? city.zh : city.en,
            website: `https://www.${domainName}`,
            contactName: founder,
            contactEmail: `contact@${domainName}`,
            status,
            statusReason:
              status === "withdrawn"
                ? "团队申请退赛 / Withdrawn at the team's request"
                : status === "disqualified"
                  ? "材料与已发表论文重复 / Material duplicates a published paper"
                  : null,
            submittedAt,
          }).lastInsertRowid,
        );
        const teamSize = random.int(1, 6);
        for (let m = 1; m <= teamSize; m++) {
          const name = m === 1 ? founder : personName(random, country.culture);
          const latin = !latinCultures.has(country.culture) && /^[\p{Script=Latin}\s'-]+$/u.test(name);
          const email = latin ? `${slugify(name).replace(/-/g, ".")}@${domainName}` : `member${m}@${domainName}`;
          const role = m === 1 ? TEAM_ROLES[0] : random.pick(TEAM_ROLES);
          insertMember.run(id, m, name, chinese ? role!.zh : role!.en, email);
        }
        entries.push({
          id,
          group,
          groupId: groupIds.get(group.code)!,
          track,
          trackId: trackIds.get(track.code)!,
          country,
          organization,
          quality: random.gaussian(6.8, 1.1),
          status,
        });
      }
    });

    // ---- judges -----------------------------------------------------------------------------
    const insertJudge = insert(
      `INSERT INTO judges (competition_id, user_id, name, title, affiliation, country) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insertExpertise = insert(`INSERT INTO judge_expertise (judge_id, track_id) VALUES (?, ?)`);
    const insertConflict = insert(
      `INSERT INTO judge_conflicts (judge_id, entry_id, organization, source, status, reason) VALUES (?, ?, ?, ?, 'confirmed', ?)`,
    );
    const judgeCountries = COUNTRIES.filter((c) => c.weight >= 1);
    const judges: PlannedJudge[] = [];
    for (let j = 0; j < DEMO_JUDGE_COUNT; j++) {
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
      const track = trackList[j % trackList.length]!;
      const affiliation = fill(chinese ? pattern.zh : pattern.en, {
        city: chinese ? city.zh : city.en,
        orgWord: random.pick(track.orgWords)[chinese ? "zh" : "en"],
        family: name.split(" ")[0] ?? name,
      });
      const isDemoJudge = j === 0;
      const email = isDemoJudge ? "judge@frontier.demo" : `judge${String(j + 1).padStart(3, "0")}@frontier.demo`;
      const userId = addUser(
        email,
        name,
        chinese ? "zh-Hans" : "en",
        "judge",
        isDemoJudge ? options.passwordHashes["judge"] : lockedHash,
      );
      const id = Number(
        insertJudge.run(competitionId, userId, name, chinese ? title.zh : title.en, affiliation, country.code)
          .lastInsertRowid,
      );
      // Every track gets judges by rotation; most judges know one or two more fields.
      const expertise = new Set<number>([trackIds.get(track.code)!]);
      const extra = random.int(0, 2);
      for (let e = 0; e < extra; e++) expertise.add(trackIds.get(random.pick(trackList).code)!);
      for (const t of expertise) insertExpertise.run(id, t);
      judges.push({
        id,
        userId,
        affiliation,
        country: country.code,
        trackIds: [...expertise],
        bias: random.gaussian(0, 0.45),
      });
    }

    // Declared conflicts: some judges know an entrant's organization, a few a specific entry.
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

    // ---- assignment (least-loaded experts first, never a conflict) ---------------------------
    const insertRoundEntry = insert(
      `INSERT INTO round_entries (round_id, entry_id, state, stage_order) VALUES (?, ?, ?, ?)`,
    );
    const insertAssignment = insert(
      `INSERT INTO assignments (round_id, judge_id, entry_id, created_at) VALUES (?, ?, ?, ?)`,
    );
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
        conflicts: declared,
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

    // ---- scores -----------------------------------------------------------------------------
    const insertScore = insert(
      `INSERT INTO scores (round_id, judge_id, entry_id, status, comment, submitted_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const insertMark = insert(`INSERT INTO score_marks (score_id, criterion_id, mark_milli) VALUES (?, ?, ?)`);
    const comments: readonly Bilingual[] = [
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
    const score = (
      roundId: number,
      criterionIds: readonly number[],
      entry: PlannedEntry,
      judge: PlannedJudge,
      status: "submitted" | "draft",
      at: string,
    ) => {
      const comment = random.chance(0.35) ? random.pick(comments)[judge.country === "CN" ? "zh" : "en"] : null;
      const scoreId = Number(
        insertScore.run(roundId, judge.id, entry.id, status, comment, status === "submitted" ? at : null, at)
          .lastInsertRowid,
      );
      const marks = status === "draft" ? criterionIds.slice(0, random.int(1, criterionIds.length)) : criterionIds;
      for (const criterionId of marks)
        insertMark.run(scoreId, criterionId, clampMark(entry.quality + judge.bias + random.gaussian(0, 0.7)));
    };

    // Regional round: every competing entry, 5 judges, every score submitted.
    for (const entry of competing) insertRoundEntry.run(regional.id, entry.id, "in", null);
    const regionalPanels = assign(regional.id, competing, DEMO_ROUNDS.regional.judgesPerEntry);
    for (const entry of competing) {
      for (const judge of regionalPanels.get(entry.id) ?? []) {
        const at = new Date(
          Date.UTC(year, 6 + random.int(0, 1), random.int(1, 28), random.int(0, 23), random.int(0, 59)),
        ).toISOString();
        score(regional.id, regional.criterionIds, entry, judge, "submitted", at);
      }
    }

    return {
      summary: {
        competitionId,
        rounds: { regional: regional.id, domain: domain.id, final: final.id },
        entries: entries.length,
        judges: judges.length,
      } satisfies SeedSummary,
      // The later rounds depend on the regional results, which the caller computes in between.
      continueAfterRegional: (advancedEntryIds: readonly number[], finalistIds: readonly number[]) => {
        const byId = new Map(entries.map((e) => [e.id, e]));
        const advanced = advancedEntryIds.map((id) => byId.get(id)!);
        for (const entry of advanced) insertRoundEntry.run(domain.id, entry.id, "in", null);
        const domainPanels = assign(domain.id, advanced, DEMO_ROUNDS.domain.judgesPerEntry);
        // The domain round is open with about half of its scores in (and some drafts).
        for (const entry of advanced) {
          for (const judge of domainPanels.get(entry.id) ?? []) {
            const roll = random.float();
            if (roll >= 0.62) continue;
            const at = new Date(
              Date.UTC(year, 9 + random.int(0, 1), random.int(1, 28), random.int(0, 23)),
            ).toISOString();
            score(domain.id, domain.criterionIds, entry, judge, roll < 0.5 ? "submitted" : "draft", at);
          }
        }
        // The final: finalists in pitch order, and one panel of judges free of conflicts with all of them.
        const finalists = finalistIds.map((id) => byId.get(id)!);
        finalists.forEach((entry, i) => insertRoundEntry.run(final.id, entry.id, "in", i + 1));
        // The demo judge sits on the panel (when free of conflicts) so the stage view can be tried.
        const eligible = random.shuffle(judges.filter((j) => finalists.every((e) => !conflicted(j, e))));
        const demoJudge = eligible.find((j) => j.id === judges[0]!.id);
        const panel = (demoJudge ? [demoJudge, ...eligible.filter((j) => j !== demoJudge)] : eligible).slice(
          0,
          DEMO_ROUNDS.final.judgesPerEntry,
        );
        for (const entry of finalists)
          for (const judge of panel) insertAssignment.run(final.id, judge.id, entry.id, nowIso);
      },
    };
  });
  return run();
}
