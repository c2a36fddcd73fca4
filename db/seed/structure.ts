// The demo's frame: the competition, its groups and tracks, its three rounds with their rubrics, and user accounts.
import type BetterSqlite3 from "better-sqlite3";
import {
  DEMO_COMPETITION_SLUG,
  DEMO_ROUNDS,
  DEMO_YEAR,
  DOMAIN_CRITERIA,
  FINAL_CRITERIA,
  MAX_MILLI,
  REGIONAL_CRITERIA,
  STEP_MILLI,
  TRIMMED_MEAN,
  type SeedContext,
  type SeededRound,
  type SeededStructure,
} from "./plan";
import { GROUPS, TRACKS } from "./vocabulary";

/** The competition with its groups and tracks, in the vocabulary's order. */
export function seedStructure(sqlite: BetterSqlite3.Database): SeededStructure {
  const competitionId = Number(
    sqlite
      .prepare(
        `INSERT INTO competitions (slug, name_zh, name_en, edition, registration_opens_at, registration_closes_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      )
      .run(
        DEMO_COMPETITION_SLUG,
        "2026 中关村国际前沿科技创新大赛",
        "2026 Zhongguancun International Frontier Technology Innovation Competition",
        DEMO_YEAR,
        "2026-03-01T00:00:00.000Z",
        "2026-12-31T15:59:59.000Z",
      ).lastInsertRowid,
  );
  const groupIds = new Map<string, number>();
  const insertGroup = sqlite.prepare(
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
  const insertTrack = sqlite.prepare(
    `INSERT INTO tracks (competition_id, code, name_zh, name_en, sort_order) VALUES (?, ?, ?, ?, ?)`,
  );
  TRACKS.forEach((t, i) => {
    trackIds.set(t.code, Number(insertTrack.run(competitionId, t.code, t.name.zh, t.name.en, i + 1).lastInsertRowid));
  });
  return { competitionId, groupIds, trackIds };
}

/** The regional round (published), the domain round (open) and the global final (a draft, played on stage). */
export function seedRounds(sqlite: BetterSqlite3.Database, competitionId: number) {
  const insertRound = sqlite.prepare(
    `INSERT INTO rounds (competition_id, position, slug, name_zh, name_en, scope, kind, status, judges_per_entry, advance_count,
       drop_highest, drop_lowest, combine, decimals, rounding, normalization, tie_breaks, opens_at, closes_at, published_at)
     VALUES (@competitionId, @position, @slug, @nameZh, @nameEn, @scope, @kind, @status, @judgesPerEntry, @advanceCount,
       @dropHighest, @dropLowest, @combine, @decimals, @rounding, @normalization, @tieBreaks, @opensAt, @closesAt, @publishedAt)`,
  );
  const insertCriterion = sqlite.prepare(
    `INSERT INTO criteria (round_id, position, name_zh, name_en, description_zh, description_en, weight_bp, max_milli, step_milli)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addRound = (
    round: Record<string, unknown>,
    criteria: readonly { zh: string; en: string; weightBp: number; descriptionZh: string; descriptionEn: string }[],
  ): SeededRound => {
    const id = Number(insertRound.run({ competitionId, ...TRIMMED_MEAN, ...round }).lastInsertRowid);
    const row = (c: (typeof criteria)[number], i: number) =>
      [id, i + 1, c.zh, c.en, c.descriptionZh, c.descriptionEn, c.weightBp, MAX_MILLI, STEP_MILLI] as const;
    const criterionIds = criteria.map((c, i) => Number(insertCriterion.run(...row(c, i)).lastInsertRowid));
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
      normalization: "none",
      tieBreaks: JSON.stringify([{ kind: "untrimmed-mean" }, { kind: "previous-round" }]),
      opensAt: null,
      closesAt: null,
      publishedAt: null,
    },
    FINAL_CRITERIA,
  );
  return { regional, domain, final };
}

/** Adds a user with one role; without a hash of its own the account waits for an invitation. */
export type AddUser = (email: string, name: string, locale: string, role: string, hash?: string) => number;

export function userWriter(ctx: SeedContext): AddUser {
  const insertUser = ctx.sqlite.prepare(
    `INSERT INTO users (email, password_hash, display_name, locale) VALUES (?, ?, ?, ?)`,
  );
  const insertRole = ctx.sqlite.prepare(`INSERT INTO user_roles (user_id, role) VALUES (?, ?)`);
  const lockedHash = ctx.passwordHashes["!locked"] ?? "!no-password";
  return (email, name, locale, role, hash = lockedHash) => {
    const id = Number(insertUser.run(email, hash, name, locale).lastInsertRowid);
    insertRole.run(id, role);
    return id;
  };
}
