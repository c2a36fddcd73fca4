// What the judge reads about an entry on the sheet: the whole title (in both languages when it has
// both), group and track by name, the team and place, the summary, and its links, deck and video.
import { useTranslation } from "react-i18next";
import { CountryLabel } from "~/components/country-label";
import type { Locale } from "~/i18n/config";
import { localized } from "~/i18n/use-locale";
import { useDeckSize } from "~/components/deck-upload";

export type EntryMaterialView = {
  code: string;
  title_zh: string | null;
  title_en: string | null;
  summary_zh: string | null;
  summary_en: string | null;
  organization: string;
  country: string;
  city: string | null;
  website: string | null;
  videoUrl: string | null;
  groupZh: string;
  groupEn: string;
  trackZh: string;
  trackEn: string;
};

export type DeckView = { fileName: string; bytes: number; url: string } | null;

// Only web addresses become links: anything else stored in a link field is shown as nothing.
const WEB = /^https?:\/\//i;

export function EntryMaterial({
  entry,
  team,
  deck,
  locale,
}: {
  entry: EntryMaterialView;
  team: readonly { name: string; role: string }[];
  deck: DeckView;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const size = useDeckSize();
  const title = localized(locale, entry.title_zh, entry.title_en);
  const other = locale === "en" ? entry.title_zh : entry.title_en;
  return (
    <article className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <p className="font-mono text-xs text-slate-500">{entry.code}</p>
      <h1 className="break-words text-xl font-bold text-slate-900" data-testid="entry-title">
        {title}
      </h1>
      {other && other !== title ? (
        <p className="break-words text-sm text-slate-600" lang={locale === "en" ? "zh-Hans" : "en"}>
          {other}
        </p>
      ) : null}
      <dl className="flex flex-wrap gap-2 text-sm">
        <div className="rounded-full bg-slate-100 px-3 py-1">
          <dt className="inline text-slate-500">{t("sheet.group")}: </dt>
          <dd className="inline font-medium text-slate-800">{localized(locale, entry.groupZh, entry.groupEn)}</dd>
        </div>
        <div className="rounded-full bg-slate-100 px-3 py-1">
          <dt className="inline text-slate-500">{t("sheet.track")}: </dt>
          <dd className="inline font-medium text-slate-800">{localized(locale, entry.trackZh, entry.trackEn)}</dd>
        </div>
      </dl>
      <p className="text-sm text-slate-600">
        {entry.organization} · <CountryLabel code={entry.country} locale={locale} />
        {entry.city ? ` · ${entry.city}` : ""}
      </p>
      {entry.summary_zh || entry.summary_en ? (
        <p className="whitespace-pre-line break-words text-sm text-slate-800">
          {localized(locale, entry.summary_zh, entry.summary_en)}
        </p>
      ) : null}
      {team.length ? (
        <p className="text-sm text-slate-600">
          {t("entryForm.team")}: {team.map((m) => `${m.name} (${m.role})`).join(", ")}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-3 text-sm">
        {deck ? (
          // On a laptop the deck shows beside the sheet; on a phone it opens on its own.
          <a
            href={deck.url}
            target="_blank"
            rel="noopener"
            className="rounded-md bg-indigo-50 px-3 py-2 font-medium text-indigo-800 underline lg:hidden"
            data-testid="deck-link"
          >
            {t("sheet.openDeck", { size: size(deck.bytes) })}
          </a>
        ) : null}
        {entry.videoUrl && WEB.test(entry.videoUrl) ? (
          <a
            href={entry.videoUrl}
            target="_blank"
            rel="noopener noreferrer nofollow"
            className="rounded-md bg-slate-100 px-3 py-2 font-medium text-indigo-800 underline"
            data-testid="video-link"
          >
            {t("sheet.video")}
          </a>
        ) : null}
        {entry.website && WEB.test(entry.website) ? (
          <a
            href={entry.website}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="break-all px-1 py-2 text-indigo-700 underline"
          >
            {entry.website}
          </a>
        ) : null}
      </div>
    </article>
  );
}

/** The deck beside the sheet on a laptop (≥ 1024 px): read inline, as the judge scores. */
export function DeckFrame({ deck, code }: { deck: NonNullable<DeckView>; code: string }) {
  const { t } = useTranslation();
  const size = useDeckSize();
  return (
    <section className="hidden lg:sticky lg:top-4 lg:block" aria-label={t("sheet.deck")}>
      <p className="mb-2 flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-700">
          {t("sheet.deck")} · {size(deck.bytes)}
        </span>
        <a href={deck.url} target="_blank" rel="noopener" className="text-indigo-700 underline">
          {t("sheet.openDeckNewTab")}
        </a>
      </p>
      <iframe
        src={deck.url}
        title={t("sheet.deckFrame", { code })}
        loading="lazy"
        className="h-[calc(100vh-7rem)] w-full rounded-xl border border-slate-200 bg-slate-50"
        data-testid="deck-frame"
      />
    </section>
  );
}
