import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { CountryLabel } from "~/components/country-label";
import { Section } from "~/components/section";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { StatCard } from "~/components/stat-card";
import { OtherEditions } from "~/components/other-editions";
import { RegisterCallout } from "~/components/register-callout";
import type { RoundStatus } from "~/domain/round-settings";
import { localized, useLocale } from "~/i18n/use-locale";
import { notFound, parseParams } from "~/routing/responses";
import { localeOf } from "~/i18n/meta";
import { useFormats } from "~/i18n/formats";
import { resolveLocale } from "~/i18n/locale.server";
import { contentIn } from "~/i18n/traditional.server";

const params = z.object({ slug: competitionSlugSchema });

export async function loader({ params: raw, context, request }: LoaderFunctionArgs) {
  const { slug } = parseParams(raw, params);
  const competition = await context.services.competitions.bySlug(slug);
  if (!competition) throw notFound();
  const [overview, editions, locale, user] = await Promise.all([
    context.services.competitions.overview(competition),
    context.services.competitions.all(),
    resolveLocale(request),
    context.services.auth.currentUser(request),
  ]);
  const register = await context.services.registration.call(user ?? null, competition);
  return contentIn(locale, { ...overview, otherEditions: editions.filter((e) => e.id !== competition.id), register });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeOf(matches);
  if (!data) return [{ title: "Frontier" }];
  const name = locale === "en" ? data.competition.name_en : data.competition.name_zh;
  return [{ title: `${name} · Frontier` }, { name: "description", content: data.competition.name_en }];
};

export default function CompetitionHome() {
  const data = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const { competition, totals, groups, tracks, countries, rounds, otherEditions, register } = data;
  const formats = useFormats(competition.time_zone);
  const nf = { format: (n: number) => formats.number(n) };
  const pct = { format: (n: number) => formats.number(n, { style: "percent", maximumFractionDigits: 0 }) };
  const dateFormat = { format: (d: Date) => formats.date(d) };
  const maxTrack = Math.max(1, ...tracks.map((tr) => tr.entries));
  const top = countries.slice(0, 12);

  return (
    <div className="space-y-10">
      <section>
        <p className="text-sm font-medium uppercase tracking-wide text-indigo-700">
          {t("home.edition", { year: competition.edition })}
        </p>
        <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          {localized(locale, competition.name_zh, competition.name_en)}
        </h1>
        <p className="mt-3 max-w-3xl text-slate-600">{t("home.intro")}</p>
        <OtherEditions editions={otherEditions} />
        <p className="mt-1 text-sm text-slate-500">
          {t("home.registration", {
            from: dateFormat.format(new Date(competition.registration_opens_at)),
            to: dateFormat.format(new Date(competition.registration_closes_at)),
          })}
        </p>
        <RegisterCallout call={register} />
      </section>

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        <StatCard label={t("home.stats.entries")} value={nf.format(totals.entries)} />
        <StatCard label={t("home.stats.countries")} value={nf.format(totals.countries)} />
        <StatCard
          label={t("home.stats.international")}
          value={pct.format(totals.entries ? totals.internationalEntries / totals.entries : 0)}
          hint={nf.format(totals.internationalEntries)}
        />
        <StatCard label={t("common.judges")} value={nf.format(totals.judges)} />
        <StatCard label={t("home.stats.groups")} value={nf.format(groups.length)} />
        <StatCard label={t("home.stats.tracks")} value={nf.format(tracks.length)} />
      </dl>

      <Section id="rounds-title" title={t("home.roundsTitle")}>
        <ol className="mt-3 grid gap-3 md:grid-cols-3">
          {rounds.map((round, i) => (
            <li key={round.id} className="flex flex-col rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-500">{i + 1}</span>
                <RoundStatusBadge status={round.status as RoundStatus} />
              </div>
              <h3 className="mt-1 font-semibold text-slate-900">{localized(locale, round.nameZh, round.nameEn)}</h3>
              <p className="text-sm text-slate-600">
                {t(`round.scope.${round.scope}`)} ·{" "}
                {t("round.entries", { count: round.entries, n: nf.format(round.entries) })}
              </p>
              {round.status === "published" ? (
                <Link
                  to={`/c/${competition.slug}/results/${round.slug}`}
                  className="mt-3 text-sm font-medium text-indigo-700 hover:underline"
                >
                  {t("home.viewResults")} →
                </Link>
              ) : null}
            </li>
          ))}
        </ol>
      </Section>

      <Section id="groups-title" title={t("home.groupsTitle")}>
        {(["domestic", "overseas"] as const).map((region) => (
          <div key={region} className="mt-3">
            <h3 className="text-sm font-medium text-slate-500">{t(`home.${region}`)}</h3>
            <ul className="mt-2 grid grid-cols-2 gap-3 lg:grid-cols-4">
              {groups
                .filter((g) => g.region === region)
                .map((g) => (
                  <li key={g.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
                    <div className="flex items-baseline justify-between gap-2">
                      <span className="font-semibold text-slate-900">{localized(locale, g.nameZh, g.nameEn)}</span>
                      <span className="text-xs font-semibold text-slate-400">{g.code}</span>
                    </div>
                    <p className="mt-2 text-2xl font-semibold tabular-nums text-slate-900">{nf.format(g.entries)}</p>
                    <p className="text-xs text-slate-500">{t("home.groupCountries", { count: g.countries })}</p>
                  </li>
                ))}
            </ul>
          </div>
        ))}
      </Section>

      <Section id="tracks-title" title={t("home.tracksTitle")}>
        <ul className="mt-3 grid gap-x-8 gap-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-2">
          {tracks.map((tr) => (
            <li key={tr.id} className="grid grid-cols-[minmax(0,1fr)_auto] items-center gap-x-3">
              <span className="truncate text-sm text-slate-800">{localized(locale, tr.nameZh, tr.nameEn)}</span>
              <span className="text-sm font-medium tabular-nums text-slate-600">{nf.format(tr.entries)}</span>
              <span className="col-span-2 h-1.5 rounded-full bg-slate-100">
                <span
                  className="block h-1.5 rounded-full bg-indigo-500"
                  style={{ width: `${(tr.entries / maxTrack) * 100}%` }}
                />
              </span>
            </li>
          ))}
        </ul>
      </Section>

      <Section id="coverage-title" title={t("home.coverageTitle")}>
        <div className="mt-3 grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="overflow-hidden rounded-xl border border-slate-200 bg-white p-2 shadow-sm">
            <img
              src={`/c/${competition.slug}/coverage.svg?lng=${locale}`}
              alt={t("home.coverageAlt")}
              width={960}
              height={500}
              className="h-auto w-full"
              loading="lazy"
            />
          </div>
          <div className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <h3 className="text-sm font-medium text-slate-500">{t("home.topCountries")}</h3>
            <ol className="mt-2 space-y-1.5">
              {top.map((c) => (
                <li key={c.code} className="flex items-center justify-between gap-2 text-sm">
                  <CountryLabel code={c.code} locale={locale} />
                  <span className="tabular-nums text-slate-600">{nf.format(c.entries)}</span>
                </li>
              ))}
            </ol>
            <details className="mt-3 text-sm">
              <summary className="cursor-pointer font-medium text-indigo-700">
                {t("home.allCountries", { count: countries.length })}
              </summary>
              <ul className="mt-2 grid grid-cols-1 gap-1 sm:grid-cols-2 lg:grid-cols-1 xl:grid-cols-2">
                {countries.map((c) => (
                  <li key={c.code} className="flex items-center justify-between gap-2">
                    <CountryLabel code={c.code} locale={locale} />
                    <span className="tabular-nums text-slate-500">{nf.format(c.entries)}</span>
                  </li>
                ))}
              </ul>
            </details>
          </div>
        </div>
      </Section>
    </div>
  );
}
