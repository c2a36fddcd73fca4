// The register button's service: which edition the reader is invited into and whether they may be.
import type { Db } from "../../db/client";
import type { Competition } from "../../db/schema";
import { registerCall, type RegisterCall } from "../domain/register-call";
import type { SessionUser } from "./auth.server";
import { competitionById, featuredCompetition, openCompetition } from "./queries/competitions.server";

/**
 * The invitation for one edition (the featured one when none is named; a caller that has the row
 * already passes it): a judge or an organizer gets none; others get the button while that
 * edition's window is the one open, else its dates.
 */
export async function registerCallFor(
  db: Db,
  now: Date,
  user: SessionUser | null,
  which?: number | Competition | null,
): Promise<RegisterCall> {
  const nowIso = now.toISOString();
  const [edition, open] = await Promise.all([
    which === undefined
      ? featuredCompetition(db, nowIso)
      : typeof which === "number"
        ? competitionById(db, which)
        : which,
    openCompetition(db, nowIso),
  ]);
  if (!edition) return { kind: "hidden" };
  return registerCall(
    user?.roles ?? null,
    {
      opensAt: edition.registration_opens_at,
      closesAt: edition.registration_closes_at,
      timeZone: edition.time_zone,
      registering: open?.id === edition.id,
    },
    now,
  );
}
