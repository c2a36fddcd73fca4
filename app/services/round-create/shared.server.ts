// What the round set-up use cases share: their dependencies, and the edition an organizer works on.
import type { Db } from "../../../db/client";
import type { Competition } from "../../../db/schema";
import { refuse, type Outcome, type Refusal, type RefusalParams } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { competitionBySlug } from "../queries/competitions.server";

export type RoundCreateDeps = { db: Db; clock: () => Date };

/** The edition by slug, for an organizer; otherwise why not. */
export async function organizersEdition(
  db: Db,
  actor: SessionUser,
  competitionSlug: string,
): Promise<Outcome<{ competition: Competition }>> {
  if (!actor.roles.includes("organizer")) return refuse.forbidden("roundCreate.organizersOnly");
  const competition = await competitionBySlug(db, competitionSlug);
  return competition ? { ok: true, competition } : refuse.notFound("roundCreate.editionNotFound");
}

/** A form's refusal with one field to blame: the message (and its params) at that field. */
export function refusedAtField(
  kind: "invalid" | "conflict",
  field: string,
  code: string,
  params?: RefusalParams,
): Refusal {
  return {
    ok: false,
    kind,
    code: "round.fixErrors",
    field,
    fields: { [field]: [code] },
    ...(params ? { params } : {}),
  };
}
