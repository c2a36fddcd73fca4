// The interface languages and one i18next instance per request or page load.
import i18next, { type i18n as I18n } from "i18next";
import { en } from "./en";
import { zhHans } from "./zh-Hans";
import { zhHant } from "./zh-Hant.generated";

export const LOCALES = ["zh-Hans", "zh-Hant", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-Hans";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** Both Chinese interfaces read the Chinese text of a bilingual record (zh-Hant converted on the server). */
export const isChinese = (locale: Locale): boolean => locale !== "en";

// Each language named in itself on the switch, whatever the page's language: never translated.
export const AUTONYMS: Readonly<Record<Locale, string>> = {
  "zh-Hans": "简体中文",
  "zh-Hant": "繁體中文",
  en: "English",
};

/** The switch's order: the browser's own interface language first, then the others as listed. */
export function switchOrder(browserLocale: Locale): Locale[] {
  return [browserLocale, ...LOCALES.filter((l) => l !== browserLocale)];
}

export const resources = {
  en: { translation: en },
  "zh-Hans": { translation: zhHans },
  "zh-Hant": { translation: zhHant },
} as const;

/**
 * One i18next instance per request (server) or per page load (client), initialised synchronously:
 * the messages are bundled, so there is nothing to wait for and server and client render the same.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    // A Traditional reader never meets a missing key (the catalogue is generated whole); English is the last resort.
    fallbackLng: "en",
    supportedLngs: [...LOCALES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
