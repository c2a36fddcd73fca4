import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import zh from "i18n-iso-countries/langs/zh.json";
import type { Locale } from "./config";
import { OVERRIDES } from "./country-naming";
import { zhHantCountries } from "./zh-Hant.generated";

countries.registerLocale(en);
countries.registerLocale(zh);

export function countryName(code: string, locale: Locale): string {
  if (locale === "zh-Hant") return zhHantCountries[code] ?? countryName(code, "zh-Hans");
  return OVERRIDES[code]?.[locale] ?? countries.getName(code, locale === "zh-Hans" ? "zh" : "en") ?? code;
}

/** The flag as regional-indicator emoji; none where the organizer shows only the name. */
export function flagEmoji(code: string): string | null {
  if (!/^[A-Z]{2}$/.test(code) || code === "TW") return null;
  return String.fromCodePoint(...[...code].map((c) => 0x1f1e6 + c.charCodeAt(0) - 65));
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}

export function numericToAlpha2(numeric: string): string | undefined {
  return countries.numericToAlpha2(numeric);
}

// Simplified readers find a name by pinyin, Traditional readers by stroke count.
const collation: Record<Locale, string> = {
  "zh-Hans": "zh-Hans-u-co-pinyin",
  "zh-Hant": "zh-Hant-u-co-stroke",
  en: "en",
};

/** Every ISO 3166-1 country and region, named and sorted in the reader's language. */
export function countryOptions(locale: Locale): { code: string; name: string }[] {
  const names = countries.getNames(locale === "en" ? "en" : "zh", { select: "official" });
  return Object.keys(names)
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => a.name.localeCompare(b.name, collation[locale]));
}
