import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from "./config";

// Remembers the visitor's choice for a year; not signed because it grants nothing.
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

const negotiable = ["zh-Hans", "zh-CN", "zh", "zh-SG", "zh-TW", "zh-HK", "zh-Hant", "en", "en-US", "en-GB"];

/** The chosen locale: the remembered choice, else the best match for Accept-Language, else Chinese. */
export async function resolveLocale(request: Request): Promise<Locale> {
  const remembered: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  if (isLocale(remembered)) return remembered;
  const header = request.headers.get("Accept-Language");
  if (!header) return DEFAULT_LOCALE;
  const best = new Negotiator({ headers: { "accept-language": header } }).language(negotiable);
  if (!best) return DEFAULT_LOCALE;
  return best.toLowerCase().startsWith("zh") ? "zh-Hans" : LOCALES.includes(best as Locale) ? (best as Locale) : "en";
}
