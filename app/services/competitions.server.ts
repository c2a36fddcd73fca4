// The public face of a competition: which edition is current, and the counts its home page shows.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import type { Competition } from "../../db/schema";
import type { RankingScope } from "../domain/round-settings";
import {
  allCompetitions,
  competitionById,
  competitionBySlug,
  featuredCompetition,
  latestCompetition,
  newestCompetitionJudgedBy,
  openCompetition,
} from "./queries/competitions.server";

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

/** Entries in the competition per country or region, most first. */
export function entriesByCountry(db: Db, competitionId: number): Promise<{ code: string; entries: number }[]> {
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

/** The entries that are in the competition (submitted), as a subquery. */
const competing = (db: Db, competitionId: number) =>
  db.selectFrom("entries").where("competition_id", "=", competitionId).where("status", "=", "submitted");

function groupCounts(db: Db, competitionId: number) {
  return db
    .selectFrom("groups as g")
    .leftJoin(competing(db, competitionId).select(["group_id", "country"]).as("e"), "e.group_id", "g.id")
    .where("g.competition_id", "=", competitionId)
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
    .execute();
}

function trackCounts(db: Db, competitionId: number) {
  return db
    .selectFrom("tracks as t")
    .leftJoin(competing(db, competitionId).select(["track_id"]).as("e"), "e.track_id", "t.id")
    .where("t.competition_id", "=", competitionId)
    .groupBy("t.id")
    .orderBy("t.sort_order")
    .select((eb) => [
      "t.id",
      "t.code",
      "t.name_zh as nameZh",
      "t.name_en as nameEn",
      eb.fn.count<number>("e.track_id").as("entries"),
    ])
    .execute();
}

function roundCounts(db: Db, competitionId: number) {
  return db
    .selectFrom("rounds as r")
    .leftJoin("round_entries as re", "re.round_id", "r.id")
    .where("r.competition_id", "=", competitionId)
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
    .execute();
}

/** Public counts for the home page; only entries that are in the competition count. */
export async function overview(db: Db, competition: Competition): Promise<CompetitionOverview> {
  const [groups, tracks, countries, rounds, judges] = await Promise.all([
    groupCounts(db, competition.id),
    trackCounts(db, competition.id),
    entriesByCountry(db, competition.id),
    roundCounts(db, competition.id),
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
    totals: { entries: total, countries: countries.length, internationalEntries: total - domestic, judges: judges.n },
    groups,
    tracks,
    countries,
    rounds,
  };
}

export function createCompetitionService(db: Db, clock: () => Date = () => new Date()) {
  return {
    entriesByCountry: (competitionId: number) => entriesByCountry(db, competitionId),
    /** The newest edition: where organizers start when they chose none (never the public default). */
    latest: (): Promise<Competition | undefined> => latestCompetition(db),
    /** The edition shown at `/`: the newest whose registration has opened, else the newest. */
    featured: (now: Date = clock()): Promise<Competition | undefined> => featuredCompetition(db, now.toISOString()),
    /** The edition whose registration window is open now (the newest of them), if any. */
    openForRegistration: (now: Date = clock()): Promise<Competition | undefined> =>
      openCompetition(db, now.toISOString()),
    /** The edition a judge works on: their newest that has opened, else their newest. */
    newestJudgedBy: (userId: number, now: Date = clock()): Promise<Competition | undefined> =>
      newestCompetitionJudgedBy(db, userId, now.toISOString()),
    /** Every edition, newest first (slug, names, year). */
    all: () => allCompetitions(db),
    byId: (id: number): Promise<Competition | undefined> => competitionById(db, id),
    bySlug: (slug: string): Promise<Competition | undefined> => competitionBySlug(db, slug),
    overview: (competition: Competition) => overview(db, competition),
  };
}

export type CompetitionService = ReturnType<typeof createCompetitionService>;
