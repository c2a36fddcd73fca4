// Claim links for imported entries: an organizer's import can give each entry a link that lets the
// person at its contact e-mail sign up or sign in and become its entrant. The token is signed, bound
// to the entry and that e-mail, expires, and stops working once the entry has an entrant.
import crypto from "node:crypto";
import type { Db } from "../../db/client";
import { refuse, type Outcome } from "../domain/refusal";
import type { SessionUser } from "./auth.server";
import { recordAudit } from "./audit.server";
import { bind } from "./bind.server";
import { inTransaction } from "./db-helpers.server";

export const CLAIM_DAYS = 30;

type Deps = { db: Db; secret: string; clock: () => Date };

/** What a claim link is for, once its token has been checked. */
export type Claim = {
  entryId: number;
  code: string;
  titleEn: string | null;
  titleZh: string | null;
  organization: string;
  email: string;
  expires: string;
};

/**
 * The MAC covers the entry, the expiry, the contact e-mail and the entry's entrant (none yet):
 * setting the entrant, or changing the e-mail, makes every link made before it stop working.
 * The label keeps it from ever verifying as another kind of signed token made with the same secret.
 */
function mac(secret: string, entryId: number, expires: number, email: string, entrantUserId: number | null) {
  return crypto
    .createHmac("sha256", secret)
    .update(`entry-claim.${entryId}.${expires}.${email.toLowerCase()}.${entrantUserId ?? "none"}`)
    .digest("base64url");
}

/** The path of an entry's claim link, valid until `expires` (ms since the epoch) while the entry has no entrant. */
export function claimPath(
  secret: string,
  entry: { id: number; contactEmail: string; entrantUserId: number | null },
  expires: number,
): string {
  return `/claim/${entry.id}.${expires}.${mac(secret, entry.id, expires, entry.contactEmail, entry.entrantUserId)}`;
}

/** The entry a claim token is for, if it is genuine, unused and not expired. */
export async function checkClaim({ db, secret, clock }: Deps, token: string): Promise<Claim | null> {
  const match = /^(\d{1,12})\.(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, expires, given] = match;
  if (Number(expires) < clock().getTime()) return null;
  const entry = await db
    .selectFrom("entries")
    .select(["id", "code", "title_en", "title_zh", "organization", "contact_email", "entrant_user_id", "status"])
    .where("id", "=", Number(id))
    .executeTakeFirst();
  if (!entry || entry.entrant_user_id !== null || entry.status === "withdrawn") return null;
  const expected = Buffer.from(mac(secret, entry.id, Number(expires), entry.contact_email, null));
  const actual = Buffer.from(given!);
  if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) return null;
  return {
    entryId: entry.id,
    code: entry.code,
    titleEn: entry.title_en,
    titleZh: entry.title_zh,
    organization: entry.organization,
    email: entry.contact_email,
    expires: new Date(Number(expires)).toISOString(),
  };
}

/**
 * Makes the signed-in user the entrant of the entry the link is for. Only the account with the
 * entry's contact e-mail may; once claimed (even by two tabs at once) the link is used up.
 */
export async function claimEntry(deps: Deps, user: SessionUser, token: string): Promise<Outcome<{ entryId: number }>> {
  const claim = await checkClaim(deps, token);
  if (!claim) return refuse.conflict("claim.invalid");
  if (user.email.toLowerCase() !== claim.email.toLowerCase())
    return refuse.forbidden("claim.otherEmail", { email: claim.email });
  const claimed = await inTransaction(deps.db, async (trx) => {
    // Only the first of two at once still finds the entry without an entrant.
    const set = await trx
      .updateTable("entries")
      .set({ entrant_user_id: user.id, updated_at: deps.clock().toISOString() })
      .where("id", "=", claim.entryId)
      .where("entrant_user_id", "is", null)
      .executeTakeFirst();
    if (set.numUpdatedRows !== 1n) return false;
    await trx
      .insertInto("user_roles")
      .values({ user_id: user.id, role: "entrant" })
      .onConflict((c) => c.doNothing())
      .execute();
    await recordAudit(trx, {
      actor_user_id: user.id,
      action: "entry.claimed",
      subject_type: "entry",
      subject_id: claim.entryId,
      after: JSON.stringify({ entrantUserId: user.id, email: user.email }),
    });
    return true;
  });
  return claimed ? { ok: true, entryId: claim.entryId } : refuse.conflict("claim.invalid");
}

export function createEntryClaimService(db: Db, options: { secret: string; clock: () => Date }) {
  const deps = { db, ...options };
  return { check: bind(deps, checkClaim), claim: bind(deps, claimEntry) };
}
export type EntryClaimService = ReturnType<typeof createEntryClaimService>;
