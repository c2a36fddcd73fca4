import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { RankOf } from "~/components/rank-of";
import { Section } from "~/components/section";
import { localized, useLocale } from "~/i18n/use-locale";
import { notFound, parseParams } from "~/routing/responses";
import { localeOf } from "~/i18n/meta";
import { resolveLocale } from "~/i18n/locale.server";
import { useFormats } from "~/i18n/formats";
import { contentIn } from "~/i18n/traditional.server";

const params = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,20}$/) });

export async function loader({ params: raw, context, request }: LoaderFunctionArgs) {
  const { code } = parseParams(raw, params);
  const entry = await context.services.entries.publicByCode(code);
  // A Traditional reader reads a title entered in Simplified in Traditional characters.
  if (entry) return contentIn(await resolveLocale(request), entry);
  // A code the entry gave up when it was moved: links and printed certificates keep working,
  // and a permanent redirect tells search engines and bookmarks the new address.
  const moved = await context.services.entries.movedCode(code);
  if (!moved) throw notFound();
  throw redirect(`/entries/${encodeURIComponent(moved)}${new URL(request.url).search}`, 301);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeOf(matches);
  if (!data) return [{ title: "Frontier" }];
  const title = locale === "en" ? (data.titleEn ?? data.titleZh) : (data.titleZh ?? data.titleEn);
  return [
    { title: `${title} · ${data.code}` },
    { name: "description", content: (locale === "en" ? data.summaryEn : data.summaryZh)?.slice(0, 160) ?? "" },
  ];
};

export default function EntryPage() {
  const entry = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const formats = useFormats();
  const primaryTitle = localized(locale, entry.titleZh, entry.titleEn);
  const otherTitle = locale === "en" ? entry.titleZh : entry.titleEn;
  const summary = localized(locale, entry.summaryZh, entry.summaryEn);
  const otherSummary = locale === "en" ? entry.summaryZh : entry.summaryEn;

  return (
    <article className="mx-auto max-w-4xl space-y-8">
      <header>
        <p className="font-mono text-sm text-slate-500">
          <span className="sr-only">{t("common.entryCode")}: </span>
          {entry.code}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{primaryTitle}</h1>
        {otherTitle && otherTitle !== primaryTitle ? (
          <p className="mt-1 text-lg text-slate-600" lang={locale === "en" ? "zh-Hans" : "en"}>
            {otherTitle}
          </p>
        ) : null}
        {entry.status !== "submitted" ? (
          <p className="mt-3 inline-flex rounded-full bg-rose-50 px-3 py-1 text-sm font-medium text-rose-800 ring-1 ring-inset ring-rose-200">
            {t(`entry.status.${entry.status}`)}
          </p>
        ) : null}
      </header>

      <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.group")}</dt>
          <dd className="mt-1 text-slate-900">{localized(locale, entry.group.nameZh, entry.group.nameEn)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.track")}</dt>
          <dd className="mt-1 text-slate-900">{localized(locale, entry.track.nameZh, entry.track.nameEn)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.organization")}</dt>
          <dd className="mt-1 text-slate-900">{entry.organization}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("entry.location")}</dt>
          <dd className="mt-1 flex flex-wrap items-center gap-2 text-slate-900">
            {entry.city ? <span>{entry.city} ·</span> : null}
            <CountryLabel code={entry.country} locale={locale} />
          </dd>
        </div>
        {entry.website ? (
          <div className="sm:col-span-2">
            <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.website")}</dt>
            <dd className="mt-1 break-all">
              <a
                href={entry.website}
                rel="noopener noreferrer nofollow"
                target="_blank"
                className="text-indigo-700 hover:underline"
              >
                {entry.website}
              </a>
            </dd>
          </div>
        ) : null}
      </dl>

      {summary ? (
        <Section id="summary-title" title={t("entry.summary")}>
          <p className="mt-2 whitespace-pre-line leading-relaxed text-slate-700">{summary}</p>
          {otherSummary && otherSummary !== summary ? (
            <p
              className="mt-3 whitespace-pre-line text-sm leading-relaxed text-slate-500"
              lang={locale === "en" ? "zh-Hans" : "en"}
            >
              {otherSummary}
            </p>
          ) : null}
        </Section>
      ) : null}

      <Section id="team-title" title={t("common.team")}>
        <ul className="mt-2 grid gap-2 sm:grid-cols-2">
          {entry.team.map((m, i) => (
            <li key={i} className="rounded-lg border border-slate-200 bg-white px-4 py-2">
              <p className="font-medium text-slate-900">{m.name}</p>
              <p className="text-sm text-slate-500">{m.role}</p>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="outcomes-title" title={t("entry.outcomes")}>
        {entry.rounds.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("entry.noOutcomes")}</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {entry.rounds.map((r) => (
              <li
                key={r.slug}
                className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3"
              >
                <Link
                  to={`/c/${entry.competition.slug}/results/${r.slug}`}
                  className="font-medium text-slate-900 hover:underline"
                >
                  {localized(locale, r.nameZh, r.nameEn)}
                </Link>
                <span className="flex items-center gap-3 text-sm">
                  {r.rank !== null ? <RankOf rank={r.rank} standing={r.standing} className="font-semibold" /> : null}
                  {r.result !== null ? (
                    <span className="font-mono">{t("entry.result", { result: formats.decimal(r.result) })}</span>
                  ) : null}
                  <span
                    className={`rounded-full px-2 py-0.5 text-xs font-medium ${
                      r.state === "advanced"
                        ? "bg-emerald-100 text-emerald-800"
                        : r.state === "eliminated"
                          ? "bg-slate-100 text-slate-600"
                          : "bg-amber-50 text-amber-800"
                    }`}
                  >
                    {t(`entry.state.${r.state}`)}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </article>
  );
}
