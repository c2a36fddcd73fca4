// The organizers' meeting schedule: what a new scheduling run would do (numbers), its confirmation,
// undoing the last run, publishing with the number of people it will e-mail, and the schedule as
// stored (the unplaced meetings with their reasons, the placed ones by day and slot).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RefusalMessage } from "~/components/form-field";
import { PlacedGrid, UnplacedList } from "~/components/follow-on/schedule-tables";
import { Section } from "~/components/section";
import { useCompetitionDate } from "~/components/competition-date";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "schedule.page.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const followOn = context.services.followOn;
  const [view, preview, audience] = await Promise.all([
    followOn.schedule(user, competition.id),
    followOn.preview(user, competition.id),
    followOn.audience(user, competition.id),
  ]);
  if (!view.ok) throwRefusal(view);
  if (!preview.ok) throwRefusal(preview);
  if (!audience.ok) throwRefusal(audience);
  const { ok: _ok, ...schedule } = view;
  return { ...schedule, preview: preview.preview, audience: audience.audience };
}

const intentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), fingerprint: z.string().trim().min(1).max(100) }),
  z.object({ intent: z.literal("undo") }),
  z.object({ intent: z.literal("publish"), expected: z.coerce.number().int().min(0) }),
]);

type Done =
  | { intent: "confirm"; placed: number; mailed: number }
  | { intent: "undo"; restored: number; mailed: number }
  | { intent: "publish"; mailed: number };

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const parsed = intentSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return refused(refuse.invalid("schedule.errors.stale"));
  const followOn = context.services.followOn;
  const form = parsed.data;
  if (form.intent === "confirm") {
    const outcome = await followOn.confirm(user, competition.id, form.fingerprint);
    if (!outcome.ok) return refused(outcome);
    return data({ done: { intent: "confirm", placed: outcome.preview.placed, mailed: outcome.mailed } as Done });
  }
  if (form.intent === "undo") {
    const outcome = await followOn.undo(user, competition.id);
    if (!outcome.ok) return refused(outcome);
    return data({ done: { intent: "undo", restored: outcome.restored, mailed: outcome.mailed } as Done });
  }
  const outcome = await followOn.publish(user, competition.id, form.expected);
  if (!outcome.ok) return refused(outcome);
  return data({ done: { intent: "publish", mailed: outcome.mailed } as Done });
}

const button =
  "rounded-md px-4 py-2 text-sm font-medium text-white disabled:opacity-60 bg-indigo-600 hover:bg-indigo-700";

function DoneMessage({ done }: { done: Done }) {
  const { t } = useTranslation();
  const text =
    done.intent === "confirm"
      ? t("schedule.page.confirmed", { placed: done.placed, mailed: done.mailed })
      : done.intent === "undo"
        ? t("schedule.page.undone", { restored: done.restored, mailed: done.mailed })
        : t("schedule.page.publishedNow", { mailed: done.mailed });
  return (
    <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
      {text}
    </p>
  );
}

export default function MeetingSchedule() {
  const { preview, audience, publishedAt, lastRun, placed, unplaced, timeZone } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const date = useCompetitionDate(timeZone);
  const busy = useNavigation().state === "submitting";
  const changes = preview.moved + preview.added + preview.dropped;
  const unplacedNow = preview.meetings - preview.placed;
  const numbers: [string, number][] = [
    ["meetings", preview.meetings],
    ["placed", preview.placed],
    ["kept", preview.kept],
    ["moved", preview.moved],
    ["added", preview.added],
    ["dropped", preview.dropped],
    ["unplacedCount", unplacedNow],
    ["peopleChanged", preview.peopleChanged],
  ];
  return (
    <div className="mx-auto max-w-5xl space-y-8">
      <header className="space-y-1">
        <Link to="/admin/follow-on" className="text-sm font-medium text-indigo-700 hover:underline">
          ← {t("schedule.page.back")}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("schedule.page.title")}</h1>
      </header>
      {answer && "done" in answer ? <DoneMessage done={answer.done} /> : null}
      {answer && "refusal" in answer ? <RefusalMessage refusal={answer.refusal} /> : null}

      <Section id="schedule-proposal" title={t("schedule.page.proposal")}>
        <p className="mt-1 text-sm text-slate-600">{t("schedule.page.proposalIntro")}</p>
        <p className="mt-1 text-sm text-slate-600">
          {t("schedule.page.grid", { slots: preview.slots, count: preview.tables })}
        </p>
        <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4" id="preview">
          {numbers.map(([key, n]) => (
            <div key={key} className="rounded-lg border border-slate-200 bg-white p-3">
              <dt className="text-xs text-slate-500">{t(`schedule.page.${key}`)}</dt>
              <dd className="text-xl font-semibold text-slate-900" data-number={key}>
                {n}
              </dd>
            </div>
          ))}
        </dl>
        {unplacedNow > 0 ? (
          <ul className="mt-2 text-sm text-slate-600">
            {(["noCommonTime", "participantsBooked", "tablesFull"] as const)
              .filter((r) => preview.unplaced[r] > 0)
              .map((r) => (
                <li key={r}>
                  {preview.unplaced[r]} · {t(`schedule.page.reasons.${r}`)}
                </li>
              ))}
          </ul>
        ) : null}
        {changes > 0 || (lastRun === null && preview.meetings > 0) ? (
          <Form method="post" className="mt-4">
            <input type="hidden" name="intent" value="confirm" />
            <input type="hidden" name="fingerprint" value={preview.fingerprint} />
            <button type="submit" disabled={busy} className={button}>
              {t("schedule.page.confirm", { count: preview.placed })}
            </button>
          </Form>
        ) : (
          <p className="mt-3 text-sm text-slate-600">{t("schedule.page.nothingNew")}</p>
        )}
        {lastRun ? (
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
            <input type="hidden" name="intent" value="undo" />
            <button
              type="submit"
              disabled={busy}
              className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t("schedule.page.undo")}
            </button>
            <span className="text-xs text-slate-500">{t("schedule.page.undoHint", { at: date(lastRun.at) })}</span>
          </Form>
        ) : null}
      </Section>

      <Section id="schedule-publish" title={t("schedule.page.publish")}>
        <p className="mt-1 text-sm text-slate-600">
          {publishedAt ? t("schedule.page.published", { at: date(publishedAt) }) : t("schedule.page.notPublished")}
        </p>
        <p className="mt-1 text-sm font-medium text-slate-800" id="audience">
          {t("schedule.page.audience", { count: audience })}
        </p>
        {placed.length > 0 && (!publishedAt || audience > 0) ? (
          <Form method="post" className="mt-3">
            <input type="hidden" name="intent" value="publish" />
            <input type="hidden" name="expected" value={audience} />
            <button type="submit" disabled={busy} className={button}>
              {t("schedule.page.publishButton", { count: audience })}
            </button>
          </Form>
        ) : null}
      </Section>

      <Section id="schedule-unplaced" title={t("schedule.page.unplaced")}>
        <UnplacedList meetings={unplaced} />
      </Section>
      <Section id="schedule-placed" title={t("schedule.page.schedule")}>
        <PlacedGrid meetings={placed} timeZone={timeZone} />
      </Section>
    </div>
  );
}
