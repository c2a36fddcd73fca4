import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { competitionSlugSchema, entryFilterFields, slugSchema } from "~/domain/common-schemas";
import { CountryLabel } from "~/components/country-label";
import { Pagination } from "~/components/pagination";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { countryName } from "~/i18n/countries";
import { localized, useLocale } from "~/i18n/use-locale";
import { notFound, parseParams } from "~/routing/responses";
import { localeOf } from "~/i18n/meta";
import { useFormats } from "~/i18n/formats";
import { resolveLocale } from "~/i18n/locale.server";
import { contentIn } from "~/i18n/traditional.server";

const params = z.object({ slug: competitionSlugSchema, round: slugSchema });
// Unknown or malformed filters are ignored rather than refused: a shared link should still open.
const search = z.object({
  ...entryFilterFields,
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

export async function loader({ params: raw, request, context }: LoaderFunctionArgs) {
  const { slug, round } = parseParams(raw, params);
  const competition = await context.services.competitions.bySlug(slug);
  if (!competition) throw notFound();
  const filters = search.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [rounds, results, locale] = await Promise.all([
    context.services.results.rounds(competition.id),
    context.services.results.publicResults(competition.id, round, filters),
    resolveLocale(request),
  ]);
  if (!results) throw notFound();
  return contentIn(locale, {
    competition: {
      slug: competition.slug,
      nameZh: competition.name_zh,
      nameEn: competition.name_en,
      timeZone: competition.time_zone,
    },
    rounds: rounds.map((r) => ({ slug: r.slug, nameZh: r.name_zh, nameEn: r.name_en, status: r.status })),
    results,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const locale = localeOf(matches);
  if (!data) return [{ title: "Frontier" }];
  const round = locale === "en" ? data.results.round.name_en : data.results.round.name_zh;
  const name = locale === "en" ? data.competition.nameEn : data.competition.nameZh;
  return [{ title: `${round} · ${name}` }];
};

function query(base: Record<string, string | undefined>, overrides: Record<string, string | number | undefined>) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...base, ...overrides }))
    if (v !== undefined && v !== "" && !(k === "page" && v === 1)) qs.set(k, String(v));
  const text = qs.toString();
  return text ? `?${text}` : "";
}

export default function RoundResults() {
  const { competition, rounds, results } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const submit = useSubmit();
  const base = `/c/${competition.slug}/results/${results.round.slug}`;
  const formats = useFormats(competition.timeZone);
  const nf = { format: (n: number) => formats.number(n) };

  return (
    <div className="space-y-6">
      <nav aria-label={t("nav.results")} className="-mx-4 overflow-x-auto px-4">
        <ul className="flex gap-2">
          {rounds.map((r) => (
            <li key={r.slug}>
              <Link
                to={`/c/${competition.slug}/results/${r.slug}`}
                aria-current={r.slug === results.round.slug ? "page" : undefined}
                className={`flex items-center gap-2 whitespace-nowrap rounded-lg border px-3 py-2 text-sm font-medium ${
                  r.slug === results.round.slug
                    ? "border-indigo-600 bg-indigo-50 text-indigo-800"
                    : "border-slate-200 bg-white text-slate-700 hover:bg-slate-50"
                }`}
              >
                {localized(locale, r.nameZh, r.nameEn)}
                <RoundStatusBadge status={r.status} />
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">
          {t("results.title", { round: localized(locale, results.round.name_zh, results.round.name_en) })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t(`round.scope.${results.round.scope}`)}
          {results.published && results.round.published_at
            ? ` · ${t("results.publishedOn", {
                date: formats.date(results.round.published_at, { dateStyle: "long" }),
              })}`
            : null}
          {results.published && results.round.advance_count > 0
            ? ` · ${t("results.advances", { count: results.round.advance_count })}`
            : null}
        </p>
      </header>

      {!results.published ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-16 text-center">
          <p className="text-lg font-medium text-slate-800">{t("results.notPublished")}</p>
          <p className="mt-2 text-sm text-slate-500">{t("results.notPublishedHint")}</p>
        </div>
      ) : (
        <>
          {results.unit.scope !== "all" ? (
            <nav
              aria-label={results.unit.scope === "group" ? t("common.group") : t("common.track")}
              className="-mx-4 overflow-x-auto px-4"
            >
              <ul className="flex gap-1 border-b border-slate-200">
                {(results.unit.scope === "group" ? results.groups : results.tracks).map((u) => {
                  const key = results.unit.scope === "group" ? "group" : "track";
                  const active = u.code === results.unit.code;
                  return (
                    <li key={u.code}>
                      <Link
                        to={base + query({}, { [key]: u.code, country: results.filters.country })}
                        aria-current={active ? "page" : undefined}
                        className={`block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${
                          active
                            ? "border-indigo-600 text-indigo-700"
                            : "border-transparent text-slate-600 hover:text-slate-900"
                        }`}
                      >
                        {localized(locale, u.nameZh, u.nameEn)}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </nav>
          ) : null}

          {/* Keyed by the filters shown: after any navigation the selects start from the page's real state. */}
          <Form
            key={`${results.unit.code}|${results.filters.group}|${results.filters.track}|${results.filters.country}`}
            method="get"
            action={base}
            className="flex flex-wrap items-end gap-3"
            onChange={(e) => submit(e.currentTarget)}
          >
            {results.unit.scope === "group" ? (
              <input type="hidden" name="group" value={results.unit.code ?? ""} />
            ) : null}
            {results.unit.scope === "track" ? (
              <input type="hidden" name="track" value={results.unit.code ?? ""} />
            ) : null}
            {results.unit.scope !== "group" ? (
              <label className="flex flex-col text-sm">
                <span className="mb-1 font-medium text-slate-600">{t("common.group")}</span>
                <select
                  name="group"
                  defaultValue={results.filters.group ?? ""}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                >
                  <option value="">{t("results.anyGroup")}</option>
                  {results.groups.map((g) => (
                    <option key={g.code} value={g.code}>
                      {localized(locale, g.nameZh, g.nameEn)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {results.unit.scope !== "track" ? (
              <label className="flex flex-col text-sm">
                <span className="mb-1 font-medium text-slate-600">{t("common.track")}</span>
                <select
                  name="track"
                  defaultValue={results.filters.track ?? ""}
                  className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
                >
                  <option value="">{t("results.anyTrack")}</option>
                  {results.tracks.map((tr) => (
                    <option key={tr.code} value={tr.code}>
                      {localized(locale, tr.nameZh, tr.nameEn)}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="flex flex-col text-sm">
              <span className="mb-1 font-medium text-slate-600">{t("common.country")}</span>
              <select
                name="country"
                defaultValue={results.filters.country ?? ""}
                className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
              >
                <option value="">{t("results.anyCountry")}</option>
                {results.countries
                  .map((c) => ({ code: c, name: countryName(c, locale) }))
                  .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
                  .map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.name}
                    </option>
                  ))}
              </select>
            </label>
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
            >
              {t("results.apply")}
            </button>
            <Link
              to={
                base +
                query({}, { [results.unit.scope === "track" ? "track" : "group"]: results.unit.code ?? undefined })
              }
              className="px-2 py-1.5 text-sm text-slate-600 hover:underline"
            >
              {t("results.reset")}
            </Link>
          </Form>

          <p className="text-sm text-slate-500" aria-live="polite">
            {results.total === 0
              ? t("results.none")
              : t("results.showing", {
                  from: nf.format((results.filters.page - 1) * results.pageSize + 1),
                  to: nf.format(Math.min(results.total, results.filters.page * results.pageSize)),
                  total: nf.format(results.total),
                })}
          </p>

          {results.rows.length > 0 ? (
            <>
              {/* Wide screens: a dense table. Phones: one card per entry, rank and result first. */}
              <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm md:block">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
                    <tr>
                      <th scope="col" className="w-16 px-3 py-2 text-right">
                        {t("results.col.rank")}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t("results.col.code")}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t("results.col.title")}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t("common.organization")}
                      </th>
                      <th scope="col" className="px-3 py-2">
                        {t("common.country")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("common.result")}
                      </th>
                      <th scope="col" className="px-3 py-2 text-right">
                        {t("common.judges")}
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {results.rows.map((row) => (
                      <tr key={row.code} className={row.state === "advanced" ? "bg-emerald-50/40" : undefined}>
                        <td className="px-3 py-2 text-right font-semibold tabular-nums text-slate-900">
                          {row.rank ?? "—"}
                        </td>
                        <td className="whitespace-nowrap px-3 py-2 font-mono text-xs text-slate-500">{row.code}</td>
                        <td className="max-w-md px-3 py-2">
                          <Link
                            to={`/entries/${row.code}`}
                            className="font-medium text-slate-900 hover:text-indigo-700 hover:underline"
                          >
                            {localized(locale, row.titleZh, row.titleEn)}
                          </Link>
                          {row.state === "advanced" ? (
                            <span className="ml-2 inline-flex rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800">
                              {t("common.advanced")}
                            </span>
                          ) : null}
                        </td>
                        <td className="max-w-xs truncate px-3 py-2 text-slate-600" title={row.organization}>
                          {row.organization}
                        </td>
                        <td className="px-3 py-2 text-slate-600">
                          <CountryLabel code={row.country} locale={locale} />
                        </td>
                        <td className="px-3 py-2 text-right font-mono font-semibold tabular-nums text-slate-900">
                          {row.result === null ? "—" : formats.decimal(row.result)}
                        </td>
                        <td className="px-3 py-2 text-right tabular-nums text-slate-500">{row.judgesCounted}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <ol className="space-y-2 md:hidden">
                {results.rows.map((row) => (
                  <li key={row.code} className="flex gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm">
                    <span className="w-8 shrink-0 text-right text-lg font-bold tabular-nums text-slate-900">
                      {row.rank ?? "—"}
                    </span>
                    <div className="min-w-0 flex-1">
                      <Link to={`/entries/${row.code}`} className="font-medium text-slate-900 hover:underline">
                        {localized(locale, row.titleZh, row.titleEn)}
                      </Link>
                      <p className="truncate text-xs text-slate-500">{row.organization}</p>
                      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500">
                        <span className="font-mono">{row.code}</span>
                        <CountryLabel code={row.country} locale={locale} />
                        <span>{t("common.judgeCount", { count: row.judgesCounted })}</span>
                        {row.state === "advanced" ? (
                          <span className="rounded-full bg-emerald-100 px-2 py-0.5 font-medium text-emerald-800">
                            {t("common.advanced")}
                          </span>
                        ) : null}
                      </p>
                    </div>
                    <span className="shrink-0 font-mono text-lg font-semibold tabular-nums text-slate-900">
                      {row.result === null ? "—" : formats.decimal(row.result)}
                    </span>
                  </li>
                ))}
              </ol>
            </>
          ) : null}

          <Pagination
            page={results.filters.page}
            pageCount={results.pageCount}
            hrefFor={(page) =>
              base +
              query(
                { group: results.filters.group, track: results.filters.track, country: results.filters.country },
                { page },
              )
            }
          />
        </>
      )}
    </div>
  );
}
