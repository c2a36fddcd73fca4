// Account forms. Messages are i18n keys (validation.*): the same schema validates on the server
// and in the browser, and each side shows the reader's language.
import { z } from "zod";
import { safeRedirectPath } from "./safe-redirect";

export const email = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .max(254, { error: "validation.tooLong" })
  .pipe(z.email({ error: "validation.email" }));

export const newPassword = z
  .string({ error: "validation.required" })
  .min(10, { error: "validation.passwordShort" })
  .max(200, { error: "validation.tooLong" });

export const signUpSchema = z.object({
  email,
  password: newPassword,
  displayName: z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(120, { error: "validation.tooLong" }),
});

export const signInSchema = z.object({
  email,
  password: z
    .string({ error: "validation.required" })
    .min(1, { error: "validation.required" })
    .max(200, { error: "validation.tooLong" }),
});

/** Where to go after signing in: only a path on this site (see safeRedirectPath). */
export const redirectTarget = z.unknown().transform((value) => safeRedirectPath(value));

/**
 * Where a sign-in without a requested page lands: a judge at their scoring list, a partner's person
 * at the partner's ranked entries, an entrant at their entries; organizers (who may also judge) at
 * the competition home, where they start most tasks. A judge who also stands for a partner scores first.
 */
export function landingFor(roles: readonly string[], requested: string): string {
  if (requested !== "/" && requested !== "/login") return requested;
  if (roles.includes("organizer")) return "/";
  if (roles.includes("judge")) return "/judge";
  if (roles.includes("partner")) return "/partner";
  if (roles.includes("entrant")) return "/me";
  return "/";
}
