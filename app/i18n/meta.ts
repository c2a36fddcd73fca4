// Page titles through i18n: a route's `meta` names its message key, and the title comes out in the
// language the root loader chose for the page ("Judges · Frontier", "评委 · Frontier 前沿").
import type { MetaDescriptor } from "@remix-run/node";
import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from "./config";

const translators = new Map<Locale, ReturnType<typeof createI18n>>();
const translator = (locale: Locale) => {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createI18n(locale)));
  return t;
};

type Match = { id: string; data?: unknown };

/** The page's locale as the root loader resolved it, from `meta`'s matches. */
export function localeOf(matches: readonly Match[]): Locale {
  const locale = (matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined)?.locale;
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

export function pageTitle(matches: readonly Match[], key: string, extra: MetaDescriptor[] = []): MetaDescriptor[] {
  const i18n = translator(localeOf(matches));
  return [{ title: `${i18n.t(key)} · ${i18n.t("app.name")}` }, ...extra];
}
