// What a pitch deck must be and what it is called: the size limit, the video link's shape, and the
// file names a download and the finalists' ZIP give it (pure: no I/O).
import { z } from "zod";

/** The largest deck an entrant may attach. */
export const MAX_DECK_BYTES = 20 * 1024 * 1024;
export const DECK_MEDIA_TYPE = "application/pdf";

/** An optional link to the pitch video: http or https only (never javascript: or data:). */
export const videoUrlSchema = z
  .string()
  .trim()
  .max(500, { error: "validation.tooLong" })
  .refine((value) => value === "" || /^https?:\/\/[^\s/]+/i.test(value), { error: "decks.videoUrlInvalid" })
  .refine((value) => value === "" || URL.canParse(value), { error: "decks.videoUrlInvalid" })
  .transform((value) => (value === "" ? null : value));

/** The text fields of the upload form (the file comes separately, streamed). */
export const deckFormSchema = z.object({ videoUrl: videoUrlSchema.optional() });

/**
 * A name safe in a Content-Disposition header and in every unzip tool: letters and digits of any
 * script, spaces and a few marks; the rest becomes a space. Kept short enough for any file system.
 */
export function safeFileStem(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[^\p{L}\p{N} ._()-]+/gu, " ")
    .replace(/\s+/g, " ")
    .replace(/^[\s.]+|[\s.]+$/g, "")
    .slice(0, 120)
    .trim();
}

/** The name an uploaded deck is stored under: the entrant's own, made safe, always ending in .pdf. */
export function storedDeckName(uploaded: string): string {
  const stem = safeFileStem(uploaded.replace(/\.pdf$/i, ""));
  return `${stem || "deck"}.pdf`;
}

/** `<code> <title>.pdf`, as the finalists' ZIP names each deck. */
export function zipDeckName(code: string, title: string | null): string {
  const stem = safeFileStem(`${code} ${title ?? ""}`);
  return `${stem || code}.pdf`;
}

/** An ASCII fallback for the `filename=` parameter (the full name goes in `filename*`). */
export function asciiFileName(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return ascii.replace(/_+/g, "_");
}

/** `inline; filename="…"; filename*=UTF-8''…` for a deck read in the browser. */
export function inlineDisposition(name: string): string {
  return `inline; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
