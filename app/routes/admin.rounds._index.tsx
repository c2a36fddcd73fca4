import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { localized, useLocale } from "~/i18n/use-locale";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { useNumberFormat } from "~/i18n/formats";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "rounds.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { competition } = await organizerEdition(request, context);
  return { rounds: await context.services.rounds.list(competition.id) };
}

/** Every round of the competition, in order, with how far its judging has come. */
export default function AdminRounds() {
  const { rounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("rounds.title")}</h1>
      <ol className="space-y-3">
        {rounds.map((r) => (
          <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3">
              <Link to={`/admin/rounds/${r.slug}`} className="text-lg font-semibold text-indigo-700 hover:underline">
                {r.position}. {localized(locale, r.name_zh, r.name_en)}
              </Link>
              <RoundStatusBadge status={r.status} />
              <span className="text-sm text-slate-500">{t(`round.scope.${r.scope}`)}</span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-500">{t("rounds.entries")}</dt>
                <dd className="font-mono">{number.format(r.entries ?? 0)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("rounds.judgesPerEntry")}</dt>
                <dd className="font-mono">{r.judges_per_entry}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("rounds.assignments")}</dt>
                <dd className="font-mono">{number.format(r.assignments ?? 0)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">{t("rounds.submitted")}</dt>
                <dd className="font-mono">{number.format(r.submitted ?? 0)}</dd>
              </div>
            </dl>
            <p className="mt-2 flex flex-wrap gap-3 text-sm">
              <Link className="text-indigo-700 hover:underline" to={`/admin/rounds/${r.slug}/assignments`}>
                {t("rounds.tabAssignments")}
              </Link>
              <Link className="text-indigo-700 hover:underline" to={`/admin/rounds/${r.slug}/dashboard`}>
                {t("rounds.tabDashboard")}
              </Link>
              <Link className="text-indigo-700 hover:underline" to={`/admin/rounds/${r.slug}/results`}>
                {t("rounds.tabResults")}
              </Link>
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
