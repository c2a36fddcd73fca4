// Accounts and sessions: the service the routes call as `services.auth`, bound from the use cases in auth/.
import type { Db } from "../../db/client";
import type { SessionEndReason } from "../../db/schema";
import { bind } from "./bind.server";
import { resetPassword, searchUsers, setDisabled, unlock } from "./auth/accounts.server";
import { createAuthDeps, type AuthOptions } from "./auth/deps.server";
import {
  announce,
  currentUser,
  endSession,
  endSessions,
  onSessionsEnded,
  requireUser,
  sessionOf,
  startSession,
  userOfSession,
} from "./auth/sessions.server";
import { hasOrganizer } from "./auth/organizers.server";
import { chooseLocale } from "./auth/locale.server";
import { signIn, signUp } from "./auth/sign-in.server";

export type { SessionsEnded, SessionUser } from "./auth/deps.server";
export type { SignInResult, SignUpResult } from "./auth/sign-in.server";
export { hashSessionId } from "./auth/sessions.server";

export function createAuthService(db: Db, options: AuthOptions) {
  const deps = createAuthDeps(db, options);
  return {
    sessionOf: bind(deps, sessionOf),
    /** Who holds this session now; re-read for every command a socket sends. */
    userOfSession: bind(deps, userOfSession),
    currentUser: bind(deps, currentUser),
    requireUser: bind(deps, requireUser),
    signIn: bind(deps, signIn),
    signUp: bind(deps, signUp),
    startSession: bind(deps, startSession),
    endSession: bind(deps, endSession),
    /** Ends every session of a user inside the caller's transaction; call `announce` after it commits. */
    endSessionsOf: (trx: Db, userId: number, reason: SessionEndReason) => endSessions(deps, trx, { userId }, reason),
    announce: bind(deps, announce),
    onSessionsEnded: bind(deps, onSessionsEnded),
    /** The language switch: stores the choice on a signed-in user's account. */
    chooseLocale: bind(deps, chooseLocale),
    searchUsers: bind(deps, searchUsers),
    resetPassword: bind(deps, resetPassword),
    unlock: bind(deps, unlock),
    setDisabled: bind(deps, setDisabled),
    /** Whether anyone can sign in as an organizer (a fresh installation cannot until one is made). */
    hasOrganizer: () => hasOrganizer(db),
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
