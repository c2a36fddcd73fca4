// The page's locale from the root loader, and picking a bilingual record's text for it.
import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, isChinese, type Locale } from "./config";

type RootData = { locale: Locale };

/** The page's locale, as the root loader resolved it. */
export function useLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

/**
 * Picks the text of a bilingual record in the reader's language, falling back to the other. Both
 * Chinese interfaces read the Chinese text (a zh-Hant page's loader has converted it already).
 */
export function localized(locale: Locale, zh: string | null | undefined, en: string | null | undefined): string {
  return (isChinese(locale) ? (zh ?? en) : (en ?? zh)) ?? "";
}
