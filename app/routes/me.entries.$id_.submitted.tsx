// The page an entrant lands on after submitting: their entry's code, what they registered, and
// what happens next and when. Only the entrant who owns the entry sees it; anyone else gets 404.
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { useCompetitionDate } from "~/components/competition-date";
import { idSchema } from "~/domain/common-schemas";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { throwRefusal } from "~/routing/refusals";
import { notFound } from "~/routing/responses";
import type { SubmittedEntry } from "~/services/entry-confirmation.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entrant.submitted.pageTitle");

const params = z.object({ id: idSchema });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const parsed = params.safeParse(raw);
  if (!parsed.success) throw notFound();
  const outcome = await context.services.registration.confirmation(user, parsed.data.id);
  if (!outcome.ok) throwRefusal(outcome);
  // A draft has not been submitted: its own page says so and offers the button.
  if (outcome.entry.status === "draft") throw redirect(`/me/entries/${outcome.entry.id}`);
  return { entry: outcome.entry };
}

function NextSteps({ entry }: { entry: SubmittedEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = useCompetitionDate(entry.competition.timeZone);
  const round = entry.firstRound;
  const name = round ? localized(locale, round.nameZh, round.nameEn) : "";
  const roundLine = !round
    ? t("entrant.submitted.noRound")
    : round.opensAt && round.closesAt
      ? t("entrant.submitted.roundBoth", { round: name, opens: date(round.opensAt), closes: date(round.closesAt) })
      : round.opensAt
        ? t("entrant.submitted.roundOpens", { round: name, opens: date(round.opensAt) })
        : round.closesAt
          ? t("entrant.submitted.roundCloses", { round: name, closes: date(round.closesAt) })
          : t("entrant.submitted.roundUndated", { round: name });
  const resultsLine = round?.publishedAt
    ? t("entrant.submitted.resultsPublished", { round: name, date: date(round.publishedAt) })
    : round?.closesAt
      ? t("entrant.submitted.resultsAfter", { round: name, closes: date(round.closesAt) })
      : t("entrant.submitted.resultsLater");
  return (
    <section aria-labelledby="next-title" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="next-title" className="text-lg font-semibold text-slate-900">
        {t("entrant.submitted.next")}
      </h2>
      <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-700">
        <li data-step="deadline">
          {entry.registration.open
            ? t("entrant.submitted.editUntil", { date: date(entry.registration.closesAt) })
            : t("entrant.submitted.editClosed")}
        </li>
        <li data-step="round">{roundLine}</li>
        <li data-step="results">{resultsLine}</li>
      </ol>
      <p className="mt-3 text-xs text-slate-500">
        {t("entrant.submitted.timeZone", { zone: entry.competition.timeZone })}
      </p>
    </section>
  );
}

export default function EntrySubmitted() {
  const { entry } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const receiptList = new Intl.ListFormat(i18n.language, { type: "conjunction" });
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header
        role="status"
        className="rounded-xl border border-emerald-200 bg-emerald-50 px-5 py-4 text-emerald-900 shadow-sm"
      >
        <h1 className="text-2xl font-bold tracking-tight">{t("entrant.submitted.heading")}</h1>
        <p className="mt-1 text-sm">{t("entrant.submitted.receipt", { email: receiptList.format(entry.receiptTo) })}</p>
      </header>
      <dl className="grid gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:grid-cols-2">
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("entrant.submitted.code")}</dt>
          <dd className="mt-1 font-mono text-xl font-semibold text-slate-900" data-entry-code>
            {entry.code}
          </dd>
          <dd className="text-xs text-slate-500">{t("entrant.submitted.codeHint")}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">
            {t("entrant.submitted.entryTitle")}
          </dt>
          <dd className="mt-1 text-slate-900">{localized(locale, entry.titleZh, entry.titleEn)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.group")}</dt>
          <dd className="mt-1 text-slate-900">{localized(locale, entry.group.nameZh, entry.group.nameEn)}</dd>
        </div>
        <div>
          <dt className="text-xs font-medium uppercase tracking-wide text-slate-500">{t("common.track")}</dt>
          <dd className="mt-1 text-slate-900">{localized(locale, entry.track.nameZh, entry.track.nameEn)}</dd>
        </div>
      </dl>
      <NextSteps entry={entry} />
      <nav className="flex flex-wrap gap-3">
        <Link
          to={`/me/entries/${entry.id}`}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t("entrant.submitted.viewEntry")}
        </Link>
        <Link
          to="/me"
          className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          {t("entrant.submitted.allEntries")}
        </Link>
      </nav>
    </div>
  );
}
