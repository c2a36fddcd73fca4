// Whether to invite the reader to register an entry, and where the invitation leads. Pure: the
// asker's roles and the edition's registration window come in as data, with the time.

/** Where a signed-in entrant registers; a visitor signs up first and then lands there. */
export const NEW_ENTRY_PATH = "/me/entries/new";
export const SIGN_UP_TO_REGISTER = `/signup?redirectTo=${encodeURIComponent(NEW_ENTRY_PATH)}`;

export type RegisterCall =
  /** A judge or an organizer: they do not enter the competition, so nothing is offered. */
  | { kind: "hidden" }
  | { kind: "open"; href: string; closesAt: string; timeZone: string }
  | { kind: "upcoming"; opensAt: string; closesAt: string; timeZone: string }
  | { kind: "closed"; closedAt: string; timeZone: string };

export type RegisterEdition = {
  opensAt: string;
  closesAt: string;
  timeZone: string;
  /** Whether the new-entry form registers in this edition now (its window is the open one). */
  registering: boolean;
};

export function registerCall(
  roles: readonly string[] | null,
  edition: RegisterEdition | null,
  now: Date,
): RegisterCall {
  if (!edition) return { kind: "hidden" };
  if (roles && (roles.includes("judge") || roles.includes("organizer") || !roles.includes("entrant")))
    return { kind: "hidden" };
  const { opensAt, closesAt, timeZone } = edition;
  if (edition.registering)
    return { kind: "open", href: roles ? NEW_ENTRY_PATH : SIGN_UP_TO_REGISTER, closesAt, timeZone };
  if (now.toISOString() < opensAt) return { kind: "upcoming", opensAt, closesAt, timeZone };
  return { kind: "closed", closedAt: closesAt, timeZone };
}
