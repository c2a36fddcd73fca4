// What every message template shares: one translator per language (built once per process, not
// per message: publishing a round writes thousands), names in the reader's language, absolute
// links, dates in the competition's time zone and numbers with the reader's separators.
import type { i18n as I18n } from "i18next";
import type { Locale } from "../../../../db/schema";
import { createI18n } from "../../../i18n/config";
import { renderEmail, type EmailContent, type RenderedEmail } from "../render.server";

export type Words = {
  locale: Locale;
  /** The competition's name in the reader's language. */
  competition: string;
  t: (key: string, params?: Record<string, string | number>) => string;
  /** The Chinese or the English of a bilingual name, as the reader reads. */
  name: (zh: string | null, en: string | null) => string;
  date: (iso: string) => string;
  number: (n: number) => string;
  /** An absolute link to a path of the site. */
  link: (path: string) => string;
  /** The message framed with the competition's name in the reader's language. */
  render: (content: EmailContent) => RenderedEmail;
};

export type MessageSetting = {
  competitionId: number;
  competition: { name_zh: string; name_en: string; time_zone: string };
  publicOrigin: string;
};

const translators = new Map<Locale, I18n>();
const wordsCache = new Map<string, Words>();

function translator(locale: Locale): I18n {
  let i18n = translators.get(locale);
  if (!i18n) translators.set(locale, (i18n = createI18n(locale)));
  return i18n;
}

/** The words of one language in one competition, made once and reused for every message like it. */
export function wordsFor(locale: Locale, setting: MessageSetting): Words {
  const { competition, publicOrigin } = setting;
  const key = [locale, competition.name_zh, competition.name_en, competition.time_zone, publicOrigin].join("\u0000");
  const cached = wordsCache.get(key);
  if (cached) return cached;
  const i18n = translator(locale);
  const chinese = locale.startsWith("zh");
  const dates = new Intl.DateTimeFormat(locale, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone: competition.time_zone,
  });
  const numbers = new Intl.NumberFormat(locale);
  const origin = publicOrigin.replace(/\/+$/, "");
  const name = (zh: string | null, en: string | null) => (chinese ? zh || en : en || zh) ?? "";
  const competitionName = name(competition.name_zh, competition.name_en);
  const words: Words = {
    locale,
    competition: competitionName,
    t: (k, params) => i18n.t(k, params ?? {}),
    name,
    date: (iso) => dates.format(new Date(iso)),
    number: (n) => numbers.format(n),
    link: (path) => `${origin}${path}`,
    render: (content) => renderEmail(locale, competitionName, content),
  };
  // A process serves a handful of competitions and three languages: the cache stays small.
  if (wordsCache.size > 200) wordsCache.clear();
  wordsCache.set(key, words);
  return words;
}
