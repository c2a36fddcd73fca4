// What the sign-in and session use cases share: the database, the signed cookie, the limits, the clock, the listeners.
import crypto from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import type { Db } from "../../../db/client";
import type { Locale, Role, SessionEndReason } from "../../../db/schema";
import { hashPassword } from "../passwords.server";
import type { AuthRateLimits } from "../rate-limit.server";

export type SessionUser = { id: number; email: string; displayName: string; locale: Locale; roles: Role[] };

/** Sessions that just ended, for whoever holds connections opened with them (the live hub). */
export type SessionsEnded = { sessionHashes: string[]; userId: number; reason: SessionEndReason };

export type AuthOptions = { sessionSecret: string; secureCookies: boolean; limits: AuthRateLimits; clock: () => Date };

export type AuthDeps = {
  db: Db;
  cookie: Cookie;
  limits: AuthRateLimits;
  clock: () => Date;
  /** A hash of a random password: verified when an account has none, so timing says nothing. */
  dummyHash: Promise<string>;
  listeners: Set<(ended: SessionsEnded) => void>;
};

export const SESSION_DAYS = 7;

export function createAuthDeps(db: Db, options: AuthOptions): AuthDeps {
  // The cookie holds a random session id, signed; the session itself lives in the database, so it
  // can be ended from the server (sign-out, a password reset, a disabled account).
  const cookie = createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: options.secureCookies,
    secrets: [options.sessionSecret],
    maxAge: 60 * 60 * 24 * SESSION_DAYS,
  });
  return {
    db,
    cookie,
    limits: options.limits,
    clock: options.clock,
    // Every sign-in verifies exactly one scrypt hash, whether or not the account exists or has a
    // password yet, so the time taken says nothing about the roster.
    dummyHash: hashPassword(crypto.randomBytes(16).toString("hex")),
    listeners: new Set(),
  };
}
