import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/form-field";
import { Pagination } from "~/components/pagination";
import type { RoundTabHandle } from "~/components/round-tabs";
import { Section } from "~/components/section";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { PAIR_STATUSES, pairFilterOf, pairQuery } from "~/domain/assignment-table-filter";
import { organizerRound } from "~/routing/guards.server";
import { useNumberFormat } from "~/i18n/formats";

/** How wide the round's layout lays this tab out. */
export const handle: RoundTabHandle = { width: "max-w-7xl" };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "assignTable.title");

export async function loader(args: LoaderFunctionArgs) {
  const { competition, round } = await organizerRound(args);
  const search = new URL(args.request.url).searchParams;
  const { filter, page, view } = pairFilterOf(search);
  const assignment = args.context.services.assignment;
  const judges = await assignment.judgeTable(competition.id, round.id);
  const pairs = view === "pairs" ? await assignment.pairTable(round.id, filter, page) : null;
  return { view, filter, judges, pairs };
}

const th = "px-2 py-2 font-medium";
const td = "px-2 py-1";

/** The whole judge–entry table of a round: per judge totals, or every pair with its state; both downloadable. */
export default function AssignmentTable() {
  const { view, filter, judges, pairs } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  const download = pairQuery(filter);
  return (
    <>
      <p className="text-sm">
        <Link to=".." relative="path" className="text-slate-500 hover:underline">
          {t("assignTable.back")}
        </Link>
      </p>
      <Section id="table" title={t("assignTable.title")}>
        <nav className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Link
            to="?view=judges"
            aria-current={view === "judges" ? "page" : undefined}
            className="rounded-md border border-slate-300 px-3 py-1.5 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
          >
            {t("assignTable.byJudge")}
          </Link>
          <Link
            to="?view=pairs"
            aria-current={view === "pairs" ? "page" : undefined}
            className="rounded-md border border-slate-300 px-3 py-1.5 aria-[current=page]:bg-indigo-600 aria-[current=page]:text-white"
          >
            {t("assignTable.pairs")}
          </Link>
          <a
            href={`table.csv?${download}`}
            className="ml-auto rounded-md border border-slate-300 px-3 py-1.5 font-medium text-indigo-700"
            download
          >
            {t("assignTable.downloadCsv")}
          </a>
          <a
            href={`table.xlsx?${download}`}
            className="rounded-md border border-slate-300 px-3 py-1.5 font-medium text-indigo-700"
            download
          >
            {t("assignTable.downloadXlsx")}
          </a>
        </nav>

        {view === "judges" ? (
          <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="judge-totals">
              <thead className="bg-slate-50 text-slate-500">
                <tr>
                  <th className={th}>{t("assignTable.header.judge")}</th>
                  <th className={th}>{t("assignTable.header.affiliation")}</th>
                  <th className={th}>{t("assignTable.accepted")}</th>
                  <th className={`${th} text-right`}>{t("assignTable.assigned")}</th>
                  <th className={`${th} text-right`}>{t("assignTable.drafts")}</th>
                  <th className={`${th} text-right`}>{t("assignTable.scored")}</th>
                  <th className={`${th} text-right`}>{t("assignTable.conflicts")}</th>
                </tr>
              </thead>
              <tbody>
                {judges.map((j) => (
                  <tr key={j.id} className="border-t border-slate-100">
                    <td className={td}>
                      <Link to={`?view=pairs&judge=${j.id}`} className="text-indigo-700 hover:underline">
                        {j.name}
                      </Link>
                      <span className="block text-xs text-slate-500">{j.email}</span>
                    </td>
                    <td className={td}>{j.affiliation}</td>
                    <td className={`${td} text-xs`}>
                      {j.accepted_at ? t("assignTable.acceptedYes") : t("assignTable.acceptedNo")}
                    </td>
                    <td className={`${td} text-right font-mono`}>{j.assigned}</td>
                    <td className={`${td} text-right font-mono`}>{j.draft}</td>
                    <td className={`${td} text-right font-mono`}>{j.scored}</td>
                    <td className={`${td} text-right font-mono`}>{j.conflicts}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}

        {pairs ? (
          <>
            <Form method="get" className="mt-3 flex flex-wrap items-end gap-3 text-sm">
              <input type="hidden" name="view" value="pairs" />
              <label>
                <span className="block font-medium text-slate-700">{t("assignTable.filterJudge")}</span>
                <select name="judge" defaultValue={filter.judgeId ?? ""} className={inputClass}>
                  <option value="">{t("assignTable.anyJudge")}</option>
                  {judges.map((j) => (
                    <option key={j.id} value={j.id}>
                      {j.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="block font-medium text-slate-700">{t("assignTable.filterStatus")}</span>
                <select name="status" defaultValue={filter.status ?? ""} className={inputClass}>
                  <option value="">{t("assignTable.anyStatus")}</option>
                  {PAIR_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`assignTable.status.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                <span className="block font-medium text-slate-700">{t("assignTable.filterCode")}</span>
                <input name="code" defaultValue={filter.code ?? ""} maxLength={20} className={inputClass} />
              </label>
              <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white">
                {t("results.apply")}
              </button>
            </Form>
            <p className="mt-2 text-sm text-slate-600">{t("assignTable.rows", { count: pairs.total })}</p>
            <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
              <table className="w-full text-left text-sm" data-testid="pairs">
                <thead className="bg-slate-50 text-slate-500">
                  <tr>
                    <th className={th}>{t("assignTable.header.judge")}</th>
                    <th className={th}>{t("assignTable.header.code")}</th>
                    <th className={th}>{t("assignTable.header.title")}</th>
                    <th className={th}>{t("assignTable.header.organization")}</th>
                    <th className={th}>{t("assignTable.header.status")}</th>
                  </tr>
                </thead>
                <tbody>
                  {pairs.rows.map((p) => (
                    <tr key={`${p.judgeId}:${p.entryId}:${p.status}`} className="border-t border-slate-100">
                      <td className={td}>
                        <Link to={`/admin/judges/${p.judgeId}`} className="text-indigo-700 hover:underline">
                          {p.judgeName}
                        </Link>
                      </td>
                      <td className={td}>
                        <Link to={`/admin/entries/${p.entryId}`} className="font-mono text-indigo-700 hover:underline">
                          {p.code}
                        </Link>
                      </td>
                      <td className={td}>{localized(locale, p.title_zh, p.title_en)}</td>
                      <td className={td}>{p.organization}</td>
                      <td className={`${td} text-xs`}>{t(`assignTable.status.${p.status}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="mt-3">
              <Pagination
                page={pairs.page}
                pageCount={pairs.pages}
                hrefFor={(p) => `?view=pairs&${pairQuery(filter)}${p > 1 ? `&page=${p}` : ""}`}
              />
            </div>
            <p className="text-center text-xs text-slate-500">{number.format(pairs.total)}</p>
          </>
        ) : null}
      </Section>
    </>
  );
}
