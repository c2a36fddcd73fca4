import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Competition } from "../../db/schema";
import type { RankingScope } from "../domain/round-settings";

export type CompetitionOverview = {
  competition: Competition;
  totals: { entries: number; countries: number; internationalEntries: number; judges: number };
  groups: {
    id: number;
    code: string;
    nameZh: string;
    nameEn: string;
    region: "domestic" | "overseas";
    entries: number;
    countries: number;
  }[];
  tracks: { id: number; code: string; nameZh: string; nameEn: string; entries: number }[];
  countries: { code: string; entries: number }[];
  rounds: {
    id: number;
    slug: string;
    nameZh: string;
    nameEn: string;
    scope: RankingScope;
    status: string;
    entries: number;
  }[];
};

export function createCompetitionService(db: Db) {
  /** Entries in the competition per country or region, most first. */
  async function entriesByCountry(competitionId: number): Promise<{ code: string; entries: number }[]> {
    return db
      .selectFrom("entries")
      .where("competition_id", "=", competitionId)
      .where("status", "=", "submitted")
      .groupBy("country")
      .select((eb) => ["country as code", eb.fn.countAll<number>().as("entries")])
      .orderBy("entries", "desc")
      .orderBy("country")
      .execute();
  }

  return {
    entriesByCountry,

    /** The edition shown at `/`: the newest one. */
    async latest(): Promise<Competition | undefined> {
      return db
        .selectFrom("competitions")
        .selectAll()
        .orderBy("edition", "desc")
        .orderBy("id", "desc")
        .executeTakeFirst();
    },

    async bySlug(slug: string): Promise<Competition | undefined> {
      return db.selectFrom("competitions").selectAll().where("slug", "=", slug).executeTakeFirst();
    },

    /** Public counts for the home page; only entries that are in the competition count. */
    async overview(competition: Competition): Promise<CompetitionOverview> {
      const competing = db
        .selectFrom("entries")
        .where("competition_id", "=", competition.id)
        .where("status", "=", "submitted");
      const [groups, tracks, countries, rounds, judges] = await Promise.all([
        db
          .selectFrom("groups as g")
          .leftJoin(competing.select(["group_id", "country"]).as("e"), "e.group_id", "g.id")
          .where("g.competition_id", "=", competition.id)
          .groupBy("g.id")
          .orderBy("g.sort_order")
          .select((eb) => [
            "g.id",
            "g.code",
            "g.name_zh as nameZh",
            "g.name_en as nameEn",
            "g.region",
            eb.fn.count<number>("e.group_id").as("entries"),
            sql<number>`count(distinct e.country)`.as("countries"),
          ])
          .execute(),
        db
          .selectFrom("tracks as t")
          .leftJoin(competing.select(["track_id"]).as("e"), "e.track_id", "t.id")
          .where("t.competition_id", "=", competition.id)
          .groupBy("t.id")
          .orderBy("t.sort_order")
          .select((eb) => [
            "t.id",
            "t.code",
            "t.name_zh as nameZh",
            "t.name_en as nameEn",
            eb.fn.count<number>("e.track_id").as("entries"),
          ])
          .execute(),
        entriesByCountry(competition.id),
        db
          .selectFrom("rounds as r")
          .leftJoin("round_entries as re", "re.round_id", "r.id")
          .where("r.competition_id", "=", competition.id)
          .groupBy("r.id")
          .orderBy("r.position")
          .select((eb) => [
            "r.id",
            "r.slug",
            "r.name_zh as nameZh",
            "r.name_en as nameEn",
            "r.scope",
            "r.status",
            eb.fn.count<number>("re.entry_id").as("entries"),
          ])
          .execute(),
        db
          .selectFrom("judges")
          .where("competition_id", "=", competition.id)
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      const total = countries.reduce((sum, c) => sum + c.entries, 0);
      const domestic = countries.find((c) => c.code === "CN")?.entries ?? 0;
      return {
        competition,
        totals: {
          entries: total,
          countries: countries.length,
          internationalEntries: total - domestic,
          judges: judges.n,
        },
        groups,
        tracks,
        countries,
        rounds,
      };
    },
  };
}

export type CompetitionService = ReturnType<typeof createCompetitionService>;
