import type { Db } from "../../db/client";
import type { RankingScope, Round } from "../../db/schema";

export const RESULTS_PAGE_SIZE = 50;

export type ResultsFilters = {
  group?: string; // group code
  track?: string; // track code
  country?: string; // ISO alpha-2
  page: number;
};

export type UnitOption = { code: string; nameZh: string; nameEn: string };

export type PublicResultRow = {
  rank: number | null;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  organization: string;
  country: string;
  result: string | null;
  judgesCounted: number;
  state: "in" | "advanced" | "eliminated";
  groupCode: string;
  trackCode: string;
};

export type PublicResults =
  | { published: false; round: RoundSummary }
  | {
      published: true;
      round: RoundSummary;
      groups: UnitOption[];
      tracks: UnitOption[];
      countries: string[];
      /** The ranking unit shown: ranks are only comparable within one. */
      unit: { scope: RankingScope; code: string | null };
      filters: ResultsFilters;
      rows: PublicResultRow[];
      total: number;
      pageCount: number;
      pageSize: number;
    };

type RoundSummary = Pick<
  Round,
  "id" | "slug" | "name_zh" | "name_en" | "scope" | "status" | "published_at" | "advance_count"
>;

/** Read side of results for the public pages: only published rounds, one ranking unit at a time. */
export function createResultsQueries(db: Db) {
  return {
    api: (competitionId: number, roundSlug: string, unit: string | null) =>
      apiResults(db, competitionId, roundSlug, unit),

    async rounds(competitionId: number) {
      return db
        .selectFrom("rounds")
        .where("competition_id", "=", competitionId)
        .orderBy("position")
        .select(["id", "slug", "name_zh", "name_en", "scope", "status", "published_at", "advance_count"])
        .execute();
    },

    async publicResults(
      competitionId: number,
      roundSlug: string,
      filters: ResultsFilters,
    ): Promise<PublicResults | undefined> {
      const round = await db
        .selectFrom("rounds")
        .where("competition_id", "=", competitionId)
        .where("slug", "=", roundSlug)
        .select(["id", "slug", "name_zh", "name_en", "scope", "status", "published_at", "advance_count"])
        .executeTakeFirst();
      if (!round) return undefined;
      if (round.status !== "published") return { published: false, round };

      const [groups, tracks, countries] = await Promise.all([
        db
          .selectFrom("groups")
          .where("competition_id", "=", competitionId)
          .orderBy("sort_order")
          .select(["id", "code", "name_zh as nameZh", "name_en as nameEn"])
          .execute(),
        db
          .selectFrom("tracks")
          .where("competition_id", "=", competitionId)
          .orderBy("sort_order")
          .select(["id", "code", "name_zh as nameZh", "name_en as nameEn"])
          .execute(),
        db
          .selectFrom("results as r")
          .innerJoin("entries as e", "e.id", "r.entry_id")
          .where("r.round_id", "=", round.id)
          .select("e.country")
          .distinct()
          .orderBy("e.country")
          .execute(),
      ]);
      const group = groups.find((g) => g.code === filters.group);
      const track = tracks.find((t) => t.code === filters.track);
      // Ranks belong to a unit: a group- or track-ranked round always shows one unit, the first by default.
      const unitGroup = round.scope === "group" ? (group ?? groups[0]) : undefined;
      const unitTrack = round.scope === "track" ? (track ?? tracks[0]) : undefined;
      const unit = unitGroup ? `group:${unitGroup.id}` : unitTrack ? `track:${unitTrack.id}` : "all";
      const country =
        filters.country && countries.some((c) => c.country === filters.country) ? filters.country : undefined;
      const effective: ResultsFilters = {
        group: (unitGroup ?? group)?.code,
        track: (unitTrack ?? track)?.code,
        country,
        page: 1,
      };

      let base = db
        .selectFrom("results as r")
        .innerJoin("entries as e", "e.id", "r.entry_id")
        .where("r.round_id", "=", round.id)
        .where("r.unit", "=", unit);
      if (round.scope !== "group" && group) base = base.where("e.group_id", "=", group.id);
      if (round.scope !== "track" && track) base = base.where("e.track_id", "=", track.id);
      if (country) base = base.where("e.country", "=", country);

      const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
      const pageCount = Math.max(1, Math.ceil(total / RESULTS_PAGE_SIZE));
      const page = Math.min(Math.max(1, filters.page), pageCount);
      effective.page = page;
      const groupCode = new Map(groups.map((g) => [g.id, g.code]));
      const trackCode = new Map(tracks.map((t) => [t.id, t.code]));
      const rows = await base
        .innerJoin("round_entries as re", (join) =>
          join.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
        )
        .select([
          "r.rank",
          "e.code",
          "e.title_zh as titleZh",
          "e.title_en as titleEn",
          "e.organization",
          "e.country",
          "r.result",
          "r.judges_counted as judgesCounted",
          "re.state",
          "e.group_id",
          "e.track_id",
        ])
        // Unranked entries (no marks yet) go last; the code keeps equal ranks in a stable order.
        .orderBy((eb) => eb.case().when("r.rank", "is", null).then(1).else(0).end())
        .orderBy("r.rank")
        .orderBy("e.code")
        .limit(RESULTS_PAGE_SIZE)
        .offset((page - 1) * RESULTS_PAGE_SIZE)
        .execute();

      const strip = (u: { code: string; nameZh: string; nameEn: string }) => ({
        code: u.code,
        nameZh: u.nameZh,
        nameEn: u.nameEn,
      });
      return {
        published: true,
        round,
        groups: groups.map(strip),
        tracks: tracks.map(strip),
        countries: countries.map((c) => c.country),
        unit: { scope: round.scope, code: unitGroup?.code ?? unitTrack?.code ?? null },
        filters: effective,
        rows: rows.map(({ group_id, track_id, ...row }) => ({
          ...row,
          groupCode: groupCode.get(group_id) ?? "",
          trackCode: trackCode.get(track_id) ?? "",
        })),
        total,
        pageCount,
        pageSize: RESULTS_PAGE_SIZE,
      };
    },
  };
}

/** One ranking unit of a published round, every row, for the public JSON API. */
export type ApiResults = {
  round: { slug: string; name: { zh: string; en: string }; scope: RankingScope; publishedAt: string | null };
  unit: string;
  units: string[];
  rows: {
    rank: number | null;
    code: string;
    title: { zh: string | null; en: string | null };
    organization: string;
    country: string;
    group: string;
    track: string;
    result: string | null;
    judgesCounted: number;
    state: string;
  }[];
};

/**
 * A published round's results for one unit ('all', 'group:BJ', 'track:QI'), or why not: unknown
 * round, not published, or a unit this round is not ranked by.
 */
export async function apiResults(
  db: Db,
  competitionId: number,
  roundSlug: string,
  unitCode: string | null,
): Promise<ApiResults | "not_found" | "not_published" | "bad_unit"> {
  const round = await db
    .selectFrom("rounds")
    .where("competition_id", "=", competitionId)
    .where("slug", "=", roundSlug)
    .select(["id", "slug", "name_zh", "name_en", "scope", "status", "published_at"])
    .executeTakeFirst();
  if (!round) return "not_found";
  if (round.status !== "published") return "not_published";
  const units =
    round.scope === "all"
      ? [{ id: 0, key: "all" }]
      : (
          await db
            .selectFrom(round.scope === "group" ? "groups" : "tracks")
            .where("competition_id", "=", competitionId)
            .orderBy("sort_order")
            .select(["id", "code"])
            .execute()
        ).map((u) => ({ id: u.id, key: `${round.scope}:${u.code}` }));
  const unit = unitCode === null ? units[0] : units.find((u) => u.key === unitCode);
  if (!unit) return "bad_unit";
  const stored = round.scope === "all" ? "all" : `${round.scope}:${unit.id}`;
  const rows = await db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
    .innerJoin("round_entries as re", (join) =>
      join.onRef("re.round_id", "=", "r.round_id").onRef("re.entry_id", "=", "r.entry_id"),
    )
    .where("r.round_id", "=", round.id)
    .where("r.unit", "=", stored)
    .select([
      "r.rank",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.organization",
      "e.country",
      "g.code as group",
      "t.code as track",
      "r.result",
      "r.judges_counted",
      "re.state",
    ])
    .orderBy((eb) => eb.case().when("r.rank", "is", null).then(1).else(0).end())
    .orderBy("r.rank")
    .orderBy("e.code")
    .execute();
  return {
    round: {
      slug: round.slug,
      name: { zh: round.name_zh, en: round.name_en },
      scope: round.scope,
      publishedAt: round.published_at,
    },
    unit: unit.key,
    units: units.map((u) => u.key),
    rows: rows.map((r) => ({
      rank: r.rank,
      code: r.code,
      title: { zh: r.title_zh, en: r.title_en },
      organization: r.organization,
      country: r.country,
      group: r.group,
      track: r.track,
      result: r.result,
      judgesCounted: r.judges_counted,
      state: r.state,
    })),
  };
}

export type ResultsQueries = ReturnType<typeof createResultsQueries>;
