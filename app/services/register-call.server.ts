// The register button's service: which edition the reader is invited into and whether they may be.
import type { Db } from "../../db/client";
import { registerCall, type RegisterCall } from "../domain/register-call";
import type { SessionUser } from "./auth.server";
import { competitionById, featuredCompetition, openCompetition } from "./queries/competitions.server";

/**
 * The invitation for one edition (the featured one when none is named): a judge or an organizer
 * gets none; others get the button while that edition's window is the one open, else its dates.
 */
export async function registerCallFor(
  db: Db,
  now: Date,
  user: SessionUser | null,
  competitionId?: number,
): Promise<RegisterCall> {
  const nowIso = now.toISOString();
  const [edition, open] = await Promise.all([
    competitionId === undefined ? featuredCompetition(db, nowIso) : competitionById(db, competitionId),
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
