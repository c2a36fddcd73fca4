// The reader's interface language and formatting locale: the remembered choice, else Accept-Language.
import { createCookie } from "@remix-run/node";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./config";
import { formattingLocale, negotiateLocale } from "./negotiate";

// Remembers the visitor's choice for a year; not signed because it grants nothing.
export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

/** The choice made with the language switch, if the request carries one. */
export async function rememberedLocale(request: Request): Promise<Locale | null> {
  const remembered: unknown = await localeCookie.parse(request.headers.get("Cookie"));
  return isLocale(remembered) ? remembered : null;
}

/**
 * The chosen locale: the remembered choice, else the best match for Accept-Language (zh-HK, zh-MO,
 * zh-TW → zh-Hant; other Chinese → zh-Hans; any other language → English), else Simplified Chinese
 * when the browser says nothing (the event is in Beijing).
 */
export async function resolveLocale(request: Request): Promise<Locale> {
  return (await rememberedLocale(request)) ?? browserLocale(request);
}

/** What the browser's Accept-Language alone asks for (the remembered choice aside). */
export function browserLocale(request: Request): Locale {
  return negotiateLocale(request.headers.get("Accept-Language"), DEFAULT_LOCALE);
}

/** How numbers and dates are written for this reader (their own separators), in any interface. */
export function resolveFormatting(request: Request, locale: Locale): string {
  return formattingLocale(request.headers.get("Accept-Language"), locale);
}
