// Entries as entrants and the public see them: an entrant's own list, and an entry's public page.
import type { Db } from "../../db/client";
import { bind } from "./bind.server";
import { rankStandings, type RankStanding } from "./results-query.server";
import { entriesWithGroupAndTrack, roundsOfEntries, teamOf } from "./queries/entries.server";

export type PublicEntry = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  summaryZh: string | null;
  summaryEn: string | null;
  organization: string;
  country: string;
  city: string | null;
  website: string | null;
  status: "submitted" | "withdrawn" | "disqualified";
  group: { code: string; nameZh: string; nameEn: string };
  track: { code: string; nameZh: string; nameEn: string };
  competition: { slug: string; nameZh: string; nameEn: string };
  team: { name: string; role: string }[];
  /** Only rounds whose results are published: nothing leaks before an organizer publishes. */
  rounds: {
    slug: string;
    nameZh: string;
    nameEn: string;
    state: "in" | "advanced" | "eliminated";
    rank: number | null;
    result: string | null;
    judgesCounted: number;
    unit: string;
    /** "48 of 563 in Europe": how many hold a rank in the entry's unit; null without a rank. */
    standing: RankStanding | null;
  }[];
};

export type MyEntry = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  status: "draft" | "submitted" | "withdrawn" | "disqualified";
  group: { nameZh: string; nameEn: string };
  track: { nameZh: string; nameEn: string };
  /** Every round the entry is in; the outcome only once the round is published. */
  rounds: {
    slug: string;
    nameZh: string;
    nameEn: string;
    published: boolean;
    state: "in" | "advanced" | "eliminated" | null;
    rank: number | null;
    result: string | null;
    feedback: string | null;
    /** "48 of 563 in Europe", once published and ranked. */
    standing: RankStanding | null;
  }[];
};

/** An entrant's own entries (or the one asked for), and nothing else: the query is scoped by the signed-in user. */
export async function ownedBy(db: Db, userId: number, entryId?: number): Promise<MyEntry[]> {
  let own = entriesWithGroupAndTrack(db).where("e.entrant_user_id", "=", userId);
  if (entryId !== undefined) own = own.where("e.id", "=", entryId);
  const entries = await own
    .orderBy("e.created_at", "desc")
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.status",
      "g.name_zh as gz",
      "g.name_en as ge",
      "t.name_zh as tz",
      "t.name_en as te",
    ])
    .execute();
  if (entries.length === 0) return [];
  const rounds = await roundsOfEntries(db)
    .where(
      "re.entry_id",
      "in",
      entries.map((e) => e.id),
    )
    .select([
      "re.entry_id",
      "r.id as round_id",
      "res.unit",
      "r.slug",
      "r.name_zh",
      "r.name_en",
      "r.status",
      "re.state",
      "re.feedback",
      "res.rank",
      "res.result",
    ])
    .execute();
  const standing = await rankStandings(
    db,
    rounds.flatMap((r) => (r.status === "published" && r.unit ? [{ roundId: r.round_id, unit: r.unit }] : [])),
  );
  return entries.map((e) => ({
    id: e.id,
    code: e.code,
    titleZh: e.title_zh,
    titleEn: e.title_en,
    status: e.status,
    group: { nameZh: e.gz, nameEn: e.ge },
    track: { nameZh: e.tz, nameEn: e.te },
    rounds: rounds
      .filter((r) => r.entry_id === e.id)
      .map((r) => ownRound(r, r.rank !== null && r.unit ? (standing(r.round_id, r.unit) ?? null) : null)),
  }));
}

/** One round of an entrant's entry: before publication the entrant sees only that it is under review. */
function ownRound(
  r: {
    slug: string;
    name_zh: string;
    name_en: string;
    status: string;
    state: MyEntry["rounds"][number]["state"];
    feedback: string | null;
    rank: number | null;
    result: string | null;
  },
  standing: RankStanding | null,
): MyEntry["rounds"][number] {
  const published = r.status === "published";
  return {
    slug: r.slug,
    nameZh: r.name_zh,
    nameEn: r.name_en,
    published,
    state: published ? r.state : null,
    rank: published ? r.rank : null,
    result: published ? r.result : null,
    feedback: published ? r.feedback : null,
    standing: published ? standing : null,
  };
}

/** A submitted (or withdrawn, disqualified) entry by code, with its group, track and competition. */
function publicEntryRow(db: Db, code: string) {
  return entriesWithGroupAndTrack(db)
    .innerJoin("competitions as c", "c.id", "e.competition_id")
    .where("e.code", "=", code)
    .where("e.status", "!=", "draft")
    .select([
      "e.id",
      "e.code",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
      "e.summary_zh as summaryZh",
      "e.summary_en as summaryEn",
      "e.organization",
      "e.country",
      "e.city",
      "e.website",
      "e.status",
      "g.code as groupCode",
      "g.name_zh as groupNameZh",
      "g.name_en as groupNameEn",
      "t.code as trackCode",
      "t.name_zh as trackNameZh",
      "t.name_en as trackNameEn",
      "c.slug as competitionSlug",
      "c.name_zh as competitionNameZh",
      "c.name_en as competitionNameEn",
    ])
    .executeTakeFirst();
}

/** An entry's public page; drafts are private to their entrant and do not exist here. */
export async function publicByCode(db: Db, code: string): Promise<PublicEntry | undefined> {
  const entry = await publicEntryRow(db, code);
  if (!entry) return undefined;
  const [team, rounds] = await Promise.all([
    teamOf(db, entry.id),
    roundsOfEntries(db)
      .where("re.entry_id", "=", entry.id)
      .where("r.status", "=", "published")
      .select([
        "r.id as roundId",
        "r.slug",
        "r.name_zh as nameZh",
        "r.name_en as nameEn",
        "re.state",
        "res.rank",
        "res.result",
        "res.judges_counted as judgesCounted",
        "res.unit",
      ])
      .execute(),
  ]);
  const standing = await rankStandings(
    db,
    rounds.flatMap((r) => (r.unit ? [{ roundId: r.roundId, unit: r.unit }] : [])),
  );
  return {
    id: entry.id,
    code: entry.code,
    titleZh: entry.titleZh,
    titleEn: entry.titleEn,
    summaryZh: entry.summaryZh,
    summaryEn: entry.summaryEn,
    organization: entry.organization,
    country: entry.country,
    city: entry.city,
    website: entry.website,
    status: entry.status as PublicEntry["status"],
    group: { code: entry.groupCode, nameZh: entry.groupNameZh, nameEn: entry.groupNameEn },
    track: { code: entry.trackCode, nameZh: entry.trackNameZh, nameEn: entry.trackNameEn },
    competition: { slug: entry.competitionSlug, nameZh: entry.competitionNameZh, nameEn: entry.competitionNameEn },
    // Team e-mail addresses are contact data, not public.
    team: team.map((m) => ({ name: m.name, role: m.role })),
    rounds: rounds.map(({ roundId, ...r }) => ({
      ...r,
      judgesCounted: r.judgesCounted ?? 0,
      unit: r.unit ?? "",
      standing: r.rank !== null && r.unit ? (standing(roundId, r.unit) ?? null) : null,
    })),
  };
}

/**
 * Where a code an entry gave up (when an organizer moved it) points today: the entry's current
 * code, for a redirect. Undefined for a code never used, a current code, or a draft (private).
 */
export async function movedCode(db: Db, code: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("retired_entry_codes as r")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .where("r.code", "=", code)
    .where("e.status", "!=", "draft")
    .select("e.code")
    .executeTakeFirst();
  return row && row.code !== code ? row.code : undefined;
}

export function createEntryService(db: Db) {
  return { ownedBy: bind(db, ownedBy), publicByCode: bind(db, publicByCode), movedCode: bind(db, movedCode) };
}

export type EntryService = ReturnType<typeof createEntryService>;
