// The one organizer check of the organizer-only use cases (editions, partners, follow-on settings and
// schedule): refused in the service, whatever the page did, with the generic "another role" words
// unless a use case has its own.
import { refuse, type Refusal } from "../domain/refusal";
import type { SessionUser } from "./auth/deps.server";

export function organizerOnly(actor: SessionUser, code = "errors.forbiddenBody"): Refusal | null {
  return actor.roles.includes("organizer") ? null : refuse.forbidden(code);
}
