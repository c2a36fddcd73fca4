import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { localized, useLocale } from "~/i18n/use-locale";
import { judgeContext } from "~/routing/guards.server";
import { slugSchema } from "~/domain/common-schemas";
import { readSheetFilter, SHEET_FILTERS } from "~/domain/sheet-filter";
import { notFound, parseParams } from "~/routing/responses";
import { pageTitle } from "~/i18n/meta";
import { resolveLocale } from "~/i18n/locale.server";
import { contentIn } from "~/i18n/traditional.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.judgeRound");

const params = z.object({ round: slugSchema });

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition } = await judgeContext(args);
  const { round } = parseParams(args.params, params);
  const filter = readSheetFilter(new URL(args.request.url).searchParams.get("show"));
  const list = await args.context.services.judging.list(user, competition.id, round, filter);
  if (!list) throw notFound();
  // Titles entered in Simplified read in Traditional characters for a zh-Hant judge.
  return contentIn(await resolveLocale(args.request), list);
}

/** My entries in this round, with my own progress (n of m submitted) and a filter for what is still to do. */
export default function JudgeRound() {
  const { round, items, submitted, assigned, counts, filter } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <p className="text-sm">
        <Link to="/judge" className="text-slate-500 hover:underline">
          {t("judge.home")}
        </Link>
      </p>
      <div className="flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {localized(locale, round.nameZh, round.nameEn)}
        </h1>
        <RoundStatusBadge status={round.status} />
      </div>
      {round.onStage ? (
        <p className="rounded-md bg-indigo-50 px-3 py-2 text-sm text-indigo-900" data-testid="scored-on-stage">
          {t("score.scoredOnStage")}{" "}
          <Link to="/judge/live" className="font-semibold underline">
            {t("live.judge.nav")} →
          </Link>
        </p>
      ) : null}
      {search.has("finished") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("sheet.finished")}
        </p>
      ) : null}
      {search.has("declared") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("judge.declared")}
        </p>
      ) : null}
      <p className="text-slate-700" data-testid="judge-progress">
        {t("judge.progress", { n: submitted, m: assigned })}
      </p>
      <progress
        value={submitted}
        max={Math.max(1, assigned)}
        className="h-2 w-full"
        aria-label={t("judge.progress", { n: submitted, m: assigned })}
      />
      {/* Plain links, so the filter works before (and without) the page's script. */}
      <nav aria-label={t("sheet.filter")} className="flex flex-wrap gap-2" data-testid="sheet-filter">
        {SHEET_FILTERS.map((f) => (
          <Link
            key={f}
            to={f === "all" ? "?" : `?show=${f}`}
            aria-current={f === filter ? "page" : undefined}
            className={`rounded-full border px-3 py-1.5 text-sm font-medium ${f === filter ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {t(`sheet.filters.${f}`, { count: counts[f] })}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? <p className="text-sm text-slate-600">{t(`sheet.emptyFilter.${filter}`)}</p> : null}
      {items.length ? (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
          {items.map((item) => (
            <li key={item.id}>
              <Link
                to={`/judge/${round.slug}/${item.id}`}
                className="flex items-center gap-3 px-4 py-3 hover:bg-slate-50"
              >
                <span className="min-w-0 flex-1">
                  <span className="block text-xs text-slate-500">
                    <span className="font-mono">{item.code}</span> · {localized(locale, item.groupZh, item.groupEn)} ·{" "}
                    {localized(locale, item.trackZh, item.trackEn)}
                  </span>
                  <span className="block break-words font-medium text-slate-900">
                    {localized(locale, item.title_zh, item.title_en)}
                  </span>
                </span>
                <span
                  className={`shrink-0 rounded-full px-2 py-0.5 text-xs font-medium ${item.status === "submitted" ? "bg-emerald-100 text-emerald-800" : item.status === "draft" ? "bg-amber-100 text-amber-800" : "bg-slate-100 text-slate-700"}`}
                >
                  {t(`judge.sheet.${item.status ?? "none"}`)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
