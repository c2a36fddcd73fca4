// The organizers' follow-on page: the settings (round, caps, the forum's grid), the meeting requests
// by state, and the way to the meeting schedule and to the meetings' outcomes.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FollowOnSettingsForm } from "~/components/follow-on/follow-on-settings-form";
import { Section } from "~/components/section";
import { followOnSettingsSchema } from "~/domain/follow-on-settings";
import { REQUEST_STATES } from "~/domain/partner-vocabulary";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refusedReply, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "schedule.settings.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const page = await context.services.followOn.settings(user, competition.id);
  if (!page.ok) throwRefusal(page);
  const { ok: _ok, ...shown } = page;
  return shown;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: followOnSettingsSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), saved: false }, { status: 400 });
  const outcome = await context.services.followOn.saveSettings(user, competition.id, Object.fromEntries(formData));
  if (!outcome.ok) return refusedReply(submission, outcome, { saved: false });
  return { result: submission.reply(), saved: true };
}

export default function FollowOnSettings() {
  const { values, rounds, timeZone, requests } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("schedule.settings.title")}</h1>
        <p className="text-sm text-slate-600">{t("schedule.settings.intro")}</p>
        <nav className="flex flex-wrap gap-4 text-sm font-medium">
          <Link to="/admin/follow-on/schedule" className="text-indigo-700 hover:underline">
            {t("schedule.settings.toSchedule")} →
          </Link>
          <Link to="/admin/follow-on/outcomes" className="text-indigo-700 hover:underline">
            {t("schedule.settings.toOutcomes")} →
          </Link>
        </nav>
      </header>
      <Section id="follow-on-requests" title={t("schedule.settings.requests")}>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
          {REQUEST_STATES.map((state) => (
            <div key={state} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-xs text-slate-500">{t(`schedule.settings.states.${state}`)}</dt>
              <dd className="text-xl font-semibold text-slate-900" data-state={state}>
                {requests[state]}
              </dd>
            </div>
          ))}
        </dl>
      </Section>
      {answer?.saved ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t("schedule.settings.saved")}
        </p>
      ) : null}
      <FollowOnSettingsForm
        // A fresh form after a save, so it shows what is now stored.
        key={answer?.saved ? JSON.stringify(values) : "form"}
        values={values}
        rounds={rounds}
        timeZone={timeZone}
        lastResult={answer?.result}
      />
    </div>
  );
}
