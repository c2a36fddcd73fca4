// Schemas many forms and URLs share, defined once: the words a slug may use, what counts as an id,
// and what a reason for an audited action must be.
import { z } from "zod";

/** A round's (or another thing's) slug in a URL: lowercase letters, digits and hyphens. */
export const slugSchema = z.string().regex(/^[a-z0-9-]{2,40}$/);

/** A competition's slug: letters and digits only (it is also the first path segment of public pages). */
export const competitionSlugSchema = z.string().regex(/^[a-z0-9]{2,40}$/);

/** A row id from a URL or a form field. */
export const idSchema = z.coerce.number().int().positive();

/** Why an organizer did something the audit log records; required and at most 500 characters. */
export const reasonSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(500, { error: "validation.tooLong" });

/** A filter read from a list's query string: malformed means "no filter", so a shared link still opens. */
const lenient = (pattern: RegExp) => z.string().regex(pattern).optional().catch(undefined);

/** The filters entry lists share (the organizer's list, public results): group, track and country codes. */
export const entryFilterFields = {
  group: lenient(/^[A-Z]{2,4}$/),
  track: lenient(/^[A-Z0-9]{2,4}$/),
  country: lenient(/^[A-Z]{2}$/),
};
