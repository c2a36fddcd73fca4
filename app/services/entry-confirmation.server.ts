// What the page after submitting tells an entrant about their own entry: what was registered, and
// what happens next and when (the deadline, the first round's dates, when results are expected).
import type { Db } from "../../db/client";
import { refuse, type Outcome } from "../domain/refusal";
import type { SessionUser } from "./auth.server";
import { entriesWithGroupAndTrack } from "./queries/entries.server";
import { roundAhead } from "../domain/round-ahead";
import { roundsOf } from "./queries/rounds.server";

export type SubmittedEntry = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  status: "draft" | "submitted" | "withdrawn" | "disqualified";
  group: { nameZh: string; nameEn: string };
  track: { nameZh: string; nameEn: string };
  competition: { slug: string; nameZh: string; nameEn: string; timeZone: string };
  /** Until when the entrant may still change the entry, and whether that is still possible now. */
  registration: { closesAt: string; open: boolean };
  /** The first round still ahead (not yet published), with its dates where the organizers have set them. */
  firstRound: {
    nameZh: string;
    nameEn: string;
    opensAt: string | null;
    closesAt: string | null;
    publishedAt: string | null;
  } | null;
  /** The addresses the receipt went to: the entrant's account and the entry's contact, each once. */
  receiptTo: string[];
};

function ownEntryRow(db: Db, userId: number, entryId: number) {
  return entriesWithGroupAndTrack(db)
    .innerJoin("competitions as c", "c.id", "e.competition_id")
    .where("e.id", "=", entryId)
    .where("e.entrant_user_id", "=", userId)
    .select([
      "e.id",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "e.status",
      "e.contact_email",
      "e.competition_id",
      "g.name_zh as gz",
      "g.name_en as ge",
      "t.name_zh as tz",
      "t.name_en as te",
      "c.slug",
      "c.name_zh as cz",
      "c.name_en as ce",
      "c.time_zone",
      "c.registration_opens_at",
      "c.registration_closes_at",
    ])
    .executeTakeFirst();
}

/** The entrant's own entry with what comes next; someone else's entry and a missing one answer alike. */
export async function confirmation(
  db: Db,
  now: Date,
  user: SessionUser,
  entryId: number,
): Promise<Outcome<{ entry: SubmittedEntry }>> {
  const row = await ownEntryRow(db, user.id, entryId);
  if (!row) return refuse.notFound("admin.notFound");
  const rounds = await roundsOf(db, row.competition_id);
  const first = roundAhead(rounds);
  const t = now.toISOString();
  return {
    ok: true,
    entry: {
      id: row.id,
      code: row.code,
      titleZh: row.title_zh,
      titleEn: row.title_en,
      status: row.status,
      group: { nameZh: row.gz, nameEn: row.ge },
      track: { nameZh: row.tz, nameEn: row.te },
      competition: { slug: row.slug, nameZh: row.cz, nameEn: row.ce, timeZone: row.time_zone },
      registration: {
        closesAt: row.registration_closes_at,
        open: t >= row.registration_opens_at && t < row.registration_closes_at,
      },
      firstRound: first
        ? {
            nameZh: first.name_zh,
            nameEn: first.name_en,
            opensAt: first.opens_at,
            closesAt: first.closes_at,
            publishedAt: first.published_at,
          }
        : null,
      receiptTo: [user.email, row.contact_email].filter(
        (address, i, all) => all.findIndex((a) => a.toLowerCase() === address.toLowerCase()) === i,
      ),
    },
  };
}
