// Answers of the public JSON API: cacheable by partners and CDNs, revalidated by ETag, readable
// from any origin (the data is public; no cookies are read or set).
import crypto from "node:crypto";
import { createI18n } from "~/i18n/config";

export function publicJson(
  request: Request,
  body: unknown,
  options: { maxAgeSeconds: number; etag?: string; status?: number },
): Response {
  const text = JSON.stringify(body);
  const etag = `"${options.etag ?? crypto.createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  const headers = new Headers({
    "Content-Type": "application/json; charset=utf-8",
    "Cache-Control": `public, max-age=${options.maxAgeSeconds}`,
    ETag: etag,
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
    Vary: "Accept-Encoding",
  });
  const status = options.status ?? 200;
  if (status === 200) {
    const match = request.headers.get("if-none-match");
    if (match && match.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*"))
      return new Response(null, { status: 304, headers });
  }
  return new Response(text, { status, headers });
}

const english = createI18n("en");
const chinese = createI18n("zh-Hans");

/** A refusal in the same shape partners parse: a code and its message (an i18n key) in English and Chinese. */
export function publicJsonError(status: number, code: string, messageKey: string): Response {
  const message = { en: english.t(messageKey), zh: chinese.t(messageKey) };
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "no-store",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
