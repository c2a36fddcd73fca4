// Which interface language serves a browser's Accept-Language: pure, so the rule is tested on its own.
import Negotiator from "negotiator";
import type { Locale } from "./config";

/** The interface for one language tag, or null when we have none in that language. */
export function interfaceFor(tag: string): Locale | null {
  let parsed: Intl.Locale;
  try {
    // maximize() adds CLDR's likely script: zh-HK, zh-MO, zh-TW → Hant; zh, zh-CN, zh-SG → Hans.
    parsed = new Intl.Locale(tag).maximize();
  } catch {
    return null; // "*" or a malformed tag
  }
  if (parsed.language === "zh") return parsed.script === "Hant" ? "zh-Hant" : "zh-Hans";
  return parsed.language === "en" ? "en" : null;
}

/**
 * The interface for a whole header: the reader's most preferred language we have (q-values
 * respected), else English — a German, Japanese or Korean reader reads English sooner than Chinese.
 * No header at all keeps the site's default.
 */
export function negotiateLocale(header: string | null, fallback: Locale): Locale {
  if (!header || !header.trim()) return fallback;
  for (const tag of new Negotiator({ headers: { "accept-language": header } }).languages()) {
    const locale = interfaceFor(tag);
    if (locale) return locale;
  }
  return "en";
}

/**
 * The reader's own formatting locale (digit grouping, decimal mark, date order), from the first
 * language of the header that Intl knows: a de-DE reader of the English interface sees 1.234,5.
 */
export function formattingLocale(header: string | null, interfaceLocale: Locale): string {
  const first = header ? new Negotiator({ headers: { "accept-language": header } }).languages()[0] : undefined;
  if (first && first !== "*") {
    try {
      const [supported] = Intl.NumberFormat.supportedLocalesOf([first]);
      // A Chinese reader keeps the script of the interface chosen (zh-HK reads zh-Hant-HK's dates).
      if (supported) return supported;
    } catch {
      // a malformed tag: fall through to the interface's own
    }
  }
  return interfaceLocale;
}
