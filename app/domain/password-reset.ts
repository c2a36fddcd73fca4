// "Forgot password" without I/O: the forms, what a reset token looks like, how long it lasts, and
// what state a stored token is in.
import { z } from "zod";
import { email, newPassword } from "./account-schemas";

/** A link is good for one hour after it was asked for. */
export const RESET_VALID_MS = 60 * 60_000;

/** 32 random bytes in base64url: exactly 43 characters. */
export const RESET_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export const forgotPasswordSchema = z.object({ email });

export const resetPasswordSchema = z
  .object({
    password: newPassword,
    confirm: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "mail.reset.mismatch" });

export type ResetTokenState = "valid" | "used" | "expired" | "unknown";

/** Whether a stored token (or none) may still set a password at `now`. */
export function resetTokenState(
  row: { expires_at: string; used_at: string | null } | undefined,
  now: Date,
): ResetTokenState {
  if (!row) return "unknown";
  if (row.used_at !== null) return "used";
  return row.expires_at > now.toISOString() ? "valid" : "expired";
}
