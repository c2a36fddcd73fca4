// The public read side of results: only published rounds, one ranking unit at a time, for the
// results pages (filtered, paged) and the partners' JSON API (every row of a unit).
import type { Db } from "../../db/client";
import type { RankingScope, Round } from "../../db/schema";
import { refuse, type Outcome } from "../domain/refusal";
import { groupsOf, tracksOf } from "./queries/competitions.server";
import { roundBySlug, roundsOf } from "./queries/rounds.server";
import { resultsOfUnit } from "./queries/results.server";

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

/** The part of a round the public pages may see. */
function summary(round: Round): RoundSummary {
  const { id, slug, name_zh, name_en, scope, status, published_at, advance_count } = round;
  return { id, slug, name_zh, name_en, scope, status, published_at, advance_count };
}

/** Every round of a competition, in playing order, as the public pages may see it. */
export async function publicRounds(db: Db, competitionId: number): Promise<RoundSummary[]> {
  return (await roundsOf(db, competitionId)).map(summary);
}

type Unit = { id: number; code: string; nameZh: string; nameEn: string };
const asUnit = (u: { id: number; code: string; name_zh: string; name_en: string }): Unit => ({
  id: u.id,
  code: u.code,
  nameZh: u.name_zh,
  nameEn: u.name_en,
});

/** The unit shown and the filters in effect: a group- or track-ranked round always shows one unit. */
function chooseUnit(round: RoundSummary, groups: Unit[], tracks: Unit[], countries: string[], filters: ResultsFilters) {
  const group = groups.find((g) => g.code === filters.group);
  const track = tracks.find((t) => t.code === filters.track);
  // Ranks belong to a unit: a group- or track-ranked round always shows one unit, the first by default.
  const unitGroup = round.scope === "group" ? (group ?? groups[0]) : undefined;
  const unitTrack = round.scope === "track" ? (track ?? tracks[0]) : undefined;
  const unit = unitGroup ? `group:${unitGroup.id}` : unitTrack ? `track:${unitTrack.id}` : "all";
  const country = filters.country && countries.includes(filters.country) ? filters.country : undefined;
  return { group, track, unitGroup, unitTrack, unit, country };
}

type Chosen = ReturnType<typeof chooseUnit>;

/** The stored results of the chosen unit, narrowed by the filters that are not the unit itself. */
function filteredResults(db: Db, round: RoundSummary, chosen: Chosen) {
  let base = db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .where("r.round_id", "=", round.id)
    .where("r.unit", "=", chosen.unit);
  if (round.scope !== "group" && chosen.group) base = base.where("e.group_id", "=", chosen.group.id);
  if (round.scope !== "track" && chosen.track) base = base.where("e.track_id", "=", chosen.track.id);
  if (chosen.country) base = base.where("e.country", "=", chosen.country);
  return base;
}

/** One page of the filtered results, ranked first, unranked after. */
function resultsPage(base: ReturnType<typeof filteredResults>, page: number) {
  return (
    base
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
      .execute()
  );
}

function countriesInResults(db: Db, roundId: number) {
  return db
    .selectFrom("results as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .where("r.round_id", "=", roundId)
    .select("e.country")
    .distinct()
    .orderBy("e.country")
    .execute()
    .then((rows) => rows.map((c) => c.country));
}

const strip = (u: Unit): UnitOption => ({ code: u.code, nameZh: u.nameZh, nameEn: u.nameEn });

/** A round's public results page: not published yet, or one unit's filtered page of rows. */
export async function publicResults(
  db: Db,
  competitionId: number,
  roundSlug: string,
  filters: ResultsFilters,
): Promise<PublicResults | undefined> {
  const found = await roundBySlug(db, competitionId, roundSlug);
  if (!found) return undefined;
  const round = summary(found);
  if (round.status !== "published") return { published: false, round };
  const [groups, tracks, countries] = await Promise.all([
    groupsOf(db, competitionId).then((list) => list.map(asUnit)),
    tracksOf(db, competitionId).then((list) => list.map(asUnit)),
    countriesInResults(db, round.id),
  ]);
  const chosen = chooseUnit(round, groups, tracks, countries, filters);
  const base = filteredResults(db, round, chosen);
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as("total")).executeTakeFirstOrThrow();
  const pageCount = Math.max(1, Math.ceil(total / RESULTS_PAGE_SIZE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const rows = await resultsPage(base, page);
  const groupCode = new Map(groups.map((g) => [g.id, g.code]));
  const trackCode = new Map(tracks.map((t) => [t.id, t.code]));
  return {
    published: true,
    round,
    groups: groups.map(strip),
    tracks: tracks.map(strip),
    countries,
    unit: { scope: round.scope, code: chosen.unitGroup?.code ?? chosen.unitTrack?.code ?? null },
    filters: {
      group: (chosen.unitGroup ?? chosen.group)?.code,
      track: (chosen.unitTrack ?? chosen.track)?.code,
      country: chosen.country,
      page,
    },
    rows: rows.map(({ group_id, track_id, ...row }) => ({
      ...row,
      groupCode: groupCode.get(group_id) ?? "",
      trackCode: trackCode.get(track_id) ?? "",
    })),
    total,
    pageCount,
    pageSize: RESULTS_PAGE_SIZE,
  };
}

/** Where an entry's rank stands: how many entries hold a rank in its unit, and the unit (null: all). */
export type RankStanding = { ranked: number; unit: { code: string; nameZh: string; nameEn: string } | null };

const standingKey = (roundId: number, unit: string) => `${roundId}|${unit}`;

/** The names of stored units ('group:3', 'track:2'); 'all' has none, being the whole competition. */
async function unitNames(db: Db, units: readonly string[]) {
  const ids = (prefix: string) => units.filter((u) => u.startsWith(prefix)).map((u) => Number(u.slice(prefix.length)));
  const [groupIds, trackIds] = [ids("group:"), ids("track:")];
  const [groups, tracks] = await Promise.all([
    groupIds.length
      ? db.selectFrom("groups").select(["id", "code", "name_zh", "name_en"]).where("id", "in", groupIds).execute()
      : [],
    trackIds.length
      ? db.selectFrom("tracks").select(["id", "code", "name_zh", "name_en"]).where("id", "in", trackIds).execute()
      : [],
  ]);
  const names = new Map<string, RankStanding["unit"]>();
  for (const g of groups) names.set(`group:${g.id}`, { code: g.code, nameZh: g.name_zh, nameEn: g.name_en });
  for (const t of tracks) names.set(`track:${t.id}`, { code: t.code, nameZh: t.name_zh, nameEn: t.name_en });
  return names;
}

/**
 * The N of "48 of N" for each (round, unit) asked: the entries holding a rank in that unit of that
 * round (unranked ones, without marks, are not counted), with the unit's names.
 */
export async function rankStandings(db: Db, asked: readonly { roundId: number; unit: string }[]) {
  const standings = new Map<string, RankStanding>();
  if (asked.length === 0) return (roundId: number, unit: string) => standings.get(standingKey(roundId, unit));
  const units = [...new Set(asked.map((a) => a.unit))];
  const [counts, names] = await Promise.all([
    db
      .selectFrom("results")
      .where("round_id", "in", [...new Set(asked.map((a) => a.roundId))])
      .where("unit", "in", units)
      .groupBy(["round_id", "unit"])
      .select((eb) => ["round_id", "unit", eb.fn.count<number>("rank").as("ranked")])
      .execute(),
    unitNames(db, units),
  ]);
  for (const c of counts)
    standings.set(standingKey(c.round_id, c.unit), { ranked: c.ranked, unit: names.get(c.unit) ?? null });
  return (roundId: number, unit: string) => standings.get(standingKey(roundId, unit));
}

/** Read side of results for the public pages: only published rounds, one ranking unit at a time. */
export function createResultsQueries(db: Db) {
  return {
    api: (competitionId: number, roundSlug: string, unit: string | null) =>
      apiResults(db, competitionId, roundSlug, unit),
    rounds: (competitionId: number) => publicRounds(db, competitionId),
    publicResults: (competitionId: number, roundSlug: string, filters: ResultsFilters) =>
      publicResults(db, competitionId, roundSlug, filters),
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

/** The units of a round a partner may ask for ('all', 'group:BJ', ...), with the ids results are stored by. */
async function apiUnits(db: Db, competitionId: number, scope: RankingScope) {
  if (scope === "all") return [{ id: 0, key: "all" }];
  const list = scope === "group" ? await groupsOf(db, competitionId) : await tracksOf(db, competitionId);
  return list.map((u) => ({ id: u.id, key: `${scope}:${u.code}` }));
}

/** Every row of one stored unit, ranked first, with the group and track codes partners filter by. */
function apiRows(db: Db, roundId: number, stored: string) {
  return resultsOfUnit(db, roundId, stored)
    .innerJoin("groups as g", "g.id", "e.group_id")
    .innerJoin("tracks as t", "t.id", "e.track_id")
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
}

/**
 * A published round's results for one unit ('all', 'group:BJ', 'track:QI'), or a refusal whose code
 * is the API's message: unknown round and unpublished round are not found, a unit the round is
 * not ranked by is invalid.
 */
export async function apiResults(
  db: Db,
  competitionId: number,
  roundSlug: string,
  unitCode: string | null,
): Promise<Outcome<{ results: ApiResults }>> {
  const round = await roundBySlug(db, competitionId, roundSlug);
  if (!round) return refuse.notFound("live.api.not_found");
  if (round.status !== "published") return refuse.notFound("live.api.not_published");
  const units = await apiUnits(db, competitionId, round.scope);
  const unit = unitCode === null ? units[0] : units.find((u) => u.key === unitCode);
  if (!unit) return refuse.invalid("live.api.bad_unit", "unit");
  const rows = await apiRows(db, round.id, round.scope === "all" ? "all" : `${round.scope}:${unit.id}`);
  const results: ApiResults = {
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
  return { ok: true, results };
}

export type ResultsQueries = ReturnType<typeof createResultsQueries>;
