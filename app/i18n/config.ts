import i18next, { type i18n as I18n } from "i18next";
import { en } from "./en";
import { zhHans } from "./zh-Hans";

export const LOCALES = ["zh-Hans", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "zh-Hans";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

export const resources = {
  en: { translation: en },
  "zh-Hans": { translation: zhHans },
} as const;

/**
 * One i18next instance per request (server) or per page load (client), initialised synchronously:
 * the messages are bundled, so there is nothing to wait for and server and client render the same.
 */
export function createI18n(locale: Locale): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: "en",
    supportedLngs: [...LOCALES],
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
  return instance;
}
