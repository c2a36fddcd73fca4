// Numbers and dates for the reader: numbers with the reader's own separators (Accept-Language),
// dates in the competition's time zone, in the interface's language.
import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { Locale } from "./config";

/** What the root loader hands every page: `numbers` and `dates` are BCP 47 tags for Intl. */
export type FormatLocales = { numbers: string; dates: string; timeZone: string };

export const FALLBACK_TIME_ZONE = "Asia/Shanghai";

const scriptOf = (tag: string) => {
  const l = new Intl.Locale(tag).maximize();
  return `${l.language}-${l.script ?? ""}`;
};

/**
 * The tags for a reader. Numbers follow the reader's own locale (a de-DE reader of the English
 * interface sees 1.234,5); dates too, but only when it is in the interface's language and script
 * (an en-GB reader sees 2 December 2026), so month names never come out in a third language.
 */
export function formatLocales(interfaceLocale: Locale, readerLocale: string, timeZone: string): FormatLocales {
  const sameLanguage = scriptOf(readerLocale) === scriptOf(interfaceLocale);
  return { numbers: readerLocale, dates: sameLanguage ? readerLocale : interfaceLocale, timeZone };
}

export type Formats = {
  number: (n: number, options?: Intl.NumberFormatOptions) => string;
  /** An exact decimal string ("87.53") with the reader's decimal mark, its digits kept as they are. */
  decimal: (value: string) => string;
  /** A date or time (ISO string or Date) in the competition's zone; a medium date by default. */
  date: (when: string | Date, options?: Intl.DateTimeFormatOptions) => string;
};

export function formatsFor(locales: FormatLocales, timeZone: string = locales.timeZone): Formats {
  return {
    number: (n, options) => new Intl.NumberFormat(locales.numbers, options).format(n),
    decimal: (value) => {
      const digits = value.split(".")[1]?.length ?? 0;
      const format = new Intl.NumberFormat(locales.numbers, {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
      // Intl formats a numeric string exactly (no binary float on the way): 0.1 + 0.2 never shows.
      return format.format(value as Intl.StringNumericLiteral);
    },
    date: (when, options = { dateStyle: "medium" }) =>
      new Intl.DateTimeFormat(locales.dates, { ...options, timeZone }).format(new Date(when)),
  };
}

type RootData = { locale: Locale; formats?: FormatLocales };

/**
 * The page's formats. Pass the zone of the competition the page is about; without one, the zone of
 * the site's featured edition (the root loader's).
 */
export function useFormats(timeZone?: string): Formats {
  const root = useRouteLoaderData<RootData>("root");
  const numbers = root?.formats?.numbers ?? root?.locale ?? "zh-Hans";
  const dates = root?.formats?.dates ?? root?.locale ?? "zh-Hans";
  const zone = timeZone ?? root?.formats?.timeZone ?? FALLBACK_TIME_ZONE;
  return useMemo(() => formatsFor({ numbers, dates, timeZone: zone }), [numbers, dates, zone]);
}

/** A number formatter with the reader's separators, shaped like Intl.NumberFormat (`.format(n)`). */
export function useNumberFormat(options?: Intl.NumberFormatOptions): { format: (n: number) => string } {
  const formats = useFormats();
  return { format: (n: number) => formats.number(n, options) };
}
