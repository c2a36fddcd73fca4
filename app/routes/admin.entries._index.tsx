import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useSubmit } from "@remix-run/react";
import { useFormats } from "~/i18n/formats";
import { useTranslation } from "react-i18next";
import { CountryLabel } from "~/components/country-label";
import { inputClass } from "~/components/form-field";
import { Pagination } from "~/components/pagination";
import { countryName } from "~/i18n/countries";
import { localized, useLocale } from "~/i18n/use-locale";
import { adminListQuery } from "~/services/entry-admin.server";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "admin.entriesTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { competition } = await organizerEdition(request, context);
  const query = adminListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, options, rounds, countries] = await Promise.all([
    context.services.entryAdmin.list(competition.id, query),
    context.services.registration.options(competition.id),
    context.services.results.rounds(competition.id),
    context.services.competitions.entriesByCountry(competition.id),
  ]);
  return {
    query,
    ...list,
    groups: options.groups.map((g) => ({ code: g.code, nameZh: g.name_zh, nameEn: g.name_en })),
    tracks: options.tracks.map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    rounds: rounds.map((r) => ({ slug: r.slug, nameZh: r.name_zh, nameEn: r.name_en })),
    countries: countries.map((c) => c.code),
    timeZone: competition.time_zone,
  };
}

const SORTABLE = [
  ["code", "results.col.code"],
  ["title", "results.col.title"],
  ["organization", "common.organization"],
  ["country", "common.country"],
  ["status", "common.status"],
  ["submitted", "admin.submittedAt"],
] as const;

export default function AdminEntries() {
  const data = useLoaderData<typeof loader>();
  const formats = useFormats(data.timeZone);
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const submit = useSubmit();
  const { query } = data;
  const params = (overrides: Record<string, string | number | undefined>) => {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...query, ...overrides }))
      if (v !== undefined && v !== "" && !(k === "page" && v === 1)) qs.set(k, String(v));
    return `?${qs.toString()}`;
  };
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("admin.entriesTitle")}</h1>
        <div className="flex gap-2 text-sm">
          <Link
            to="/admin/entries/import"
            className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white hover:bg-indigo-700"
          >
            {t("import.title")}
          </Link>
          <a
            href={`/admin/entries/export.csv${params({ page: undefined })}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
          >
            {t("admin.exportCsv")}
          </a>
          <a
            href={`/admin/entries/export.xlsx${params({ page: undefined })}`}
            className="rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50"
          >
            {t("admin.exportXlsx")}
          </a>
        </div>
      </div>
      <Form
        method="get"
        key={JSON.stringify(query)}
        className="grid gap-2 sm:grid-cols-3 lg:grid-cols-7"
        onChange={(e) => {
          if ((e.target as HTMLElement).tagName === "SELECT") submit(e.currentTarget);
        }}
      >
        <input
          type="search"
          name="q"
          defaultValue={query.q ?? ""}
          placeholder={t("admin.search")}
          aria-label={t("admin.search")}
          className={`${inputClass} sm:col-span-3 lg:col-span-2`}
        />
        <select name="group" defaultValue={query.group ?? ""} aria-label={t("common.group")} className={inputClass}>
          <option value="">{t("results.anyGroup")}</option>
          {data.groups.map((g) => (
            <option key={g.code} value={g.code}>
              {localized(locale, g.nameZh, g.nameEn)}
            </option>
          ))}
        </select>
        <select name="track" defaultValue={query.track ?? ""} aria-label={t("common.track")} className={inputClass}>
          <option value="">{t("results.anyTrack")}</option>
          {data.tracks.map((tr) => (
            <option key={tr.code} value={tr.code}>
              {localized(locale, tr.nameZh, tr.nameEn)}
            </option>
          ))}
        </select>
        <select
          name="country"
          defaultValue={query.country ?? ""}
          aria-label={t("common.country")}
          className={inputClass}
        >
          <option value="">{t("results.anyCountry")}</option>
          {data.countries
            .map((c) => ({ code: c, name: countryName(c, locale) }))
            .sort((a, b) => a.name.localeCompare(b.name, i18n.language))
            .map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
        </select>
        <select name="status" defaultValue={query.status ?? ""} aria-label={t("common.status")} className={inputClass}>
          <option value="">{t("admin.anyStatus")}</option>
          {(["draft", "submitted", "withdrawn", "disqualified"] as const).map((s) => (
            <option key={s} value={s}>
              {t(`me.status.${s}`)}
            </option>
          ))}
        </select>
        <select name="round" defaultValue={query.round ?? ""} aria-label={t("admin.round")} className={inputClass}>
          <option value="">{t("admin.anyRound")}</option>
          {data.rounds.map((r) => (
            <option key={r.slug} value={r.slug}>
              {localized(locale, r.nameZh, r.nameEn)}
            </option>
          ))}
        </select>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button
          type="submit"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t("results.apply")}
        </button>
      </Form>
      <p className="text-sm text-slate-500">{t("common.entryCount", { count: data.total })}</p>
      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
            <tr>
              {SORTABLE.map(([key, label]) => {
                const active = query.sort === key;
                const dir = active && query.dir === "asc" ? "desc" : "asc";
                return (
                  <th
                    key={key}
                    scope="col"
                    className="px-3 py-2"
                    aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                  >
                    <Link to={params({ sort: key, dir, page: 1 })} className="hover:text-slate-900">
                      {t(label)} {active ? (query.dir === "asc" ? "↑" : "↓") : null}
                    </Link>
                  </th>
                );
              })}
              <th scope="col" className="px-3 py-2">
                {t("admin.contact")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {data.rows.map((row) => (
              <tr key={row.id}>
                <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                  <Link to={`/admin/entries/${row.id}`} className="text-indigo-700 hover:underline">
                    {row.code}
                  </Link>
                </td>
                <td className="max-w-sm px-3 py-2">{localized(locale, row.titleZh, row.titleEn)}</td>
                <td className="max-w-xs truncate px-3 py-2 text-slate-600">{row.organization}</td>
                <td className="px-3 py-2">
                  <CountryLabel code={row.country} locale={locale} />
                </td>
                <td className="whitespace-nowrap px-3 py-2">{t(`me.status.${row.status}`)}</td>
                <td className="whitespace-nowrap px-3 py-2 text-slate-500">
                  {row.submittedAt ? formats.date(row.submittedAt) : "—"}
                </td>
                <td className="px-3 py-2 text-slate-500">{row.contactEmail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(page) => params({ page })} />
    </div>
  );
}
