import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RankOf } from "~/components/rank-of";
import { localized, useLocale } from "~/i18n/use-locale";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "me.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  return { entries: await context.services.entries.ownedBy(user.id) };
}

/** The entrant's dashboard: their entries, each with its code and its state in every round. */
export default function MyEntries() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("me.title")}</h1>
        <Link to="/me/agenda" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("agenda.link")}
        </Link>
        <Link
          to="/me/entries/new"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          + {t("entryForm.newEntry")}
        </Link>
      </div>
      {entries.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center text-slate-600">
          {t("me.empty")}
        </p>
      ) : (
        <ul className="space-y-3">
          {entries.map((e) => (
            <li key={e.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-mono text-sm text-slate-500">{e.code}</span>
                <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                  {t(`me.status.${e.status}`)}
                </span>
              </div>
              <h2 className="mt-1 font-semibold text-slate-900">
                <Link to={`/me/entries/${e.id}`} className="hover:underline">
                  {localized(locale, e.titleZh, e.titleEn)}
                </Link>
              </h2>
              <p className="text-sm text-slate-600">
                {localized(locale, e.group.nameZh, e.group.nameEn)} ·{" "}
                {localized(locale, e.track.nameZh, e.track.nameEn)}
              </p>
              {e.rounds.length > 0 ? (
                <ol className="mt-3 flex flex-wrap gap-2 text-sm">
                  {e.rounds.map((r) => (
                    <li key={r.slug} className="rounded-lg border border-slate-200 px-3 py-1.5">
                      <span className="font-medium">{localized(locale, r.nameZh, r.nameEn)}</span>
                      {" · "}
                      {r.published && r.state ? (
                        <>
                          {t(`entry.state.${r.state}`)}
                          {r.rank !== null ? (
                            <>
                              {" · "}
                              <RankOf rank={r.rank} standing={r.standing} />
                            </>
                          ) : null}
                          {r.result !== null ? <span className="font-mono"> · {r.result}</span> : null}
                        </>
                      ) : (
                        t("me.underReview")
                      )}
                    </li>
                  ))}
                </ol>
              ) : null}
              {e.rounds.some((r) => r.feedback) ? (
                <div className="mt-3 space-y-2">
                  {e.rounds
                    .filter((r) => r.feedback)
                    .map((r) => (
                      <blockquote
                        key={r.slug}
                        className="rounded-lg border-l-4 border-indigo-300 bg-indigo-50/50 px-3 py-2 text-sm text-slate-700"
                      >
                        <p className="text-xs font-medium text-indigo-800">
                          {t("me.feedback")} · {localized(locale, r.nameZh, r.nameEn)}
                        </p>
                        <p className="mt-1 whitespace-pre-line">{r.feedback}</p>
                      </blockquote>
                    ))}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
