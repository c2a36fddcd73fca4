import { useRouteLoaderData } from "@remix-run/react";
import { DEFAULT_LOCALE, type Locale } from "./config";

type RootData = { locale: Locale };

/** The page's locale, as the root loader resolved it. */
export function useLocale(): Locale {
  return useRouteLoaderData<RootData>("root")?.locale ?? DEFAULT_LOCALE;
}

/** Picks the text of a bilingual record in the reader's language, falling back to the other. */
export function localized(locale: Locale, zh: string | null | undefined, en: string | null | undefined): string {
  return (locale === "zh-Hans" ? (zh ?? en) : (en ?? zh)) ?? "";
}
