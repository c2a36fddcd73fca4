import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { localized, useLocale } from "~/i18n/use-locale";
import { judgeContext } from "~/routing/guards.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.judging");

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition } = await judgeContext(args);
  const overview = await args.context.services.judging.overview(user, competition.id);
  return { name: overview?.judge.name ?? user.displayName, rounds: overview?.rounds ?? [] };
}

/** The judge's home: each round with entries for them, and how far they have come. */
export default function JudgeHome() {
  const { name, rounds } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("judge.welcome", { name })}</h1>
      {rounds.length === 0 ? <p className="text-slate-600">{t("judge.nothingYet")}</p> : null}
      <ul className="space-y-3">
        {rounds.map((r) => (
          <li key={r.slug}>
            <Link
              to={`/judge/${r.slug}`}
              className="block rounded-xl border border-slate-200 bg-white p-4 hover:border-indigo-300"
            >
              <div className="flex items-center justify-between gap-2">
                <span className="text-lg font-semibold">{localized(locale, r.name_zh, r.name_en)}</span>
                <RoundStatusBadge status={r.status} />
              </div>
              <p className="mt-1 text-sm text-slate-600">
                {t("judge.progress", { n: r.submitted, m: r.assigned })}
                {r.drafts ? ` · ${t("judge.drafts", { count: r.drafts })}` : ""}
              </p>
              <progress
                value={r.submitted}
                max={Math.max(1, r.assigned)}
                className="mt-2 h-2 w-full"
                aria-label={t("judge.progress", { n: r.submitted, m: r.assigned })}
              />
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
