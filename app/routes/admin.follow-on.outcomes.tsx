// The organizers' dashboard of what the follow-on meetings led to: meetings accepted, placed, held;
// deals and their amounts in all, by kind, and by track, group and country, as bars with the values
// written out; and the exports. Organizers only (the service checks).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeBars, type BarRow } from "~/components/follow-on/outcome-bars";
import { StatCard } from "~/components/stat-card";
import { nameIn, type Words } from "~/domain/export-columns";
import { OUTCOME_KINDS, type OutcomeTotals } from "~/domain/meeting-outcomes";
import type { NamedCode } from "~/domain/outcome-columns";
import { useFormats } from "~/i18n/formats";
import { pageTitle } from "~/i18n/meta";
import { outcomeExport } from "~/routing/outcome-export.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcome.board.title");

// The edition's order for tracks and groups; countries by most meetings.
function bars(map: Map<string, OutcomeTotals>, name: (code: string) => string, order?: readonly NamedCode[]): BarRow[] {
  const rank = (code: string) => (order ? order.findIndex((n) => n.code === code) : -1);
  return [...map.entries()]
    .sort(([a, x], [b, y]) => (order ? rank(a) - rank(b) : y.meetings - x.meetings || a.localeCompare(b)))
    .map(([code, totals]) => ({ name: name(code), ...totals }));
}

const named = (words: Words, names: readonly NamedCode[]) => (code: string) => {
  const n = names.find((x) => x.code === code);
  return n ? nameIn(words, n.nameZh, n.nameEn) : code;
};

export async function loader(args: LoaderFunctionArgs) {
  const { board, words } = await outcomeExport(args);
  const d = board.dashboard;
  return {
    accepted: board.accepted,
    placed: board.placed,
    recorded: board.recorded,
    disagreements: board.disagreements,
    total: d.total,
    byKind: OUTCOME_KINDS.filter((k) => d.byKind.has(k)).map((k) => ({ kind: k, deals: d.byKind.get(k)! })),
    byTrack: bars(d.byTrack, named(words, board.tracks), board.tracks),
    byGroup: bars(d.byGroup, named(words, board.groups), board.groups),
    byCountry: bars(d.byCountry, words.country),
  };
}

export default function OutcomeBoard() {
  const b = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const formats = useFormats();
  const n = (v: number) => formats.number(v);
  const mostKind = Math.max(1, ...b.byKind.map((k) => k.deals));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("outcome.board.title")}</h1>
        <div className="flex gap-2 text-sm">
          <a
            href="/admin/follow-on/outcomes.csv"
            className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
          >
            {t("outcome.board.exportCsv")}
          </a>
          <a
            href="/admin/follow-on/outcomes.xlsx"
            className="rounded-md border border-slate-300 px-3 py-1.5 hover:bg-slate-50"
          >
            {t("outcome.board.exportXlsx")}
          </a>
        </div>
      </div>
      {b.accepted === 0 ? <p className="text-sm text-slate-600">{t("outcome.board.none")}</p> : null}
      <dl className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" data-testid="outcome-totals">
        <StatCard label={t("outcome.board.accepted")} value={n(b.accepted)} />
        <StatCard label={t("outcome.board.placed")} value={n(b.placed)} />
        <StatCard label={t("outcome.board.held")} value={n(b.total.held)} hint={t("outcome.board.heldHint")} />
        <StatCard label={t("outcome.board.deals")} value={n(b.total.deals)} />
        <StatCard label={t("outcome.board.amount")} value={n(b.total.amountWan)} />
        <StatCard
          label={t("outcome.board.recorded")}
          value={n(b.recorded)}
          hint={`${t("outcome.board.disagreements")}: ${n(b.disagreements)}`}
        />
      </dl>
      <p className="text-xs text-slate-500">{t("outcome.board.rule")}</p>
      <figure aria-labelledby="by-kind" className="rounded-xl border border-slate-200 bg-white p-4">
        <figcaption id="by-kind" className="font-semibold text-slate-900">
          {t("outcome.board.byKind")}
        </figcaption>
        <ul className="mt-2 space-y-2 text-sm">
          {b.byKind.map((k) => (
            <li key={k.kind} className="grid grid-cols-[minmax(6rem,12rem)_1fr_3rem] items-center gap-3">
              <span>{t(`outcome.kind.${k.kind}`)}</span>
              <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                <span className="block h-3 rounded bg-indigo-600" style={{ width: `${(k.deals / mostKind) * 100}%` }} />
              </span>
              <span className="text-right tabular-nums">{n(k.deals)}</span>
            </li>
          ))}
        </ul>
      </figure>
      <div className="grid gap-6 lg:grid-cols-2">
        <OutcomeBars id="by-track" title={t("outcome.board.byTrack")} rows={b.byTrack} />
        <OutcomeBars id="by-group" title={t("outcome.board.byGroup")} rows={b.byGroup} />
      </div>
      <OutcomeBars id="by-country" title={t("outcome.board.byCountry")} rows={b.byCountry} />
      <p className="text-xs text-slate-500">{t("outcome.board.meetingsLink")}</p>
    </div>
  );
}
