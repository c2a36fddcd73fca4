// The rehearsal's control room: start, reset or end a rehearsal of the live final (each asks to
// confirm, saying what it does), and the same control room as the real final's over its channel.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ControlRoom } from "~/components/live/control-room";
import { danger, primary } from "~/components/live/control-ui";
import { refuseLive } from "~/domain/live-refusals";
import { formMessage } from "~/domain/refusal";
import { boardPath } from "~/live/channel-paths";
import { rehearsalChannel } from "~/live/protocol";
import { refused, type ShownRefusal } from "~/routing/refusals";
import { organizerEdition } from "~/routing/edition.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "live.rehearsal.title");

const INTENTS = ["start", "reset", "end"] as const;
type Intent = (typeof INTENTS)[number];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { competition } = await organizerEdition(request, context);
  const channel = rehearsalChannel(competition.slug);
  const [snapshot, view] = await Promise.all([
    context.services.live.snapshot(channel),
    context.services.live.controlView(channel),
  ]);
  // ControlRoom follows `slug`: here the rehearsal's channel.
  return {
    slug: channel,
    // The control room's preview of the big screen draws its header with the competition's name.
    name: { zh: competition.name_zh, en: competition.name_en },
    running: context.services.rehearsals.running(competition.slug),
    state: snapshot?.state ?? null,
    view,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const form = z.object({ intent: z.enum(INTENTS) }).safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return refused(refuseLive("invalidPayload"));
  const outcome = await context.services.rehearsals[form.data.intent](user, competition.slug);
  if (!outcome.ok) return refused(outcome);
  return redirect("/admin/live/rehearsal");
}

const confirmKey = { start: "confirmStart", reset: "confirmReset", end: "confirmEnd" } as const;

/** A button that first says what it will do, then asks once more. */
function Confirmed({ intent, className }: { intent: Intent; className: string }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button type="button" className={className} onClick={() => setAsking(true)} data-testid={`rehearsal-${intent}`}>
        {t(`live.rehearsal.${intent}`)}
      </button>
    );
  return (
    <Form method="post" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3">
      <p className="text-sm text-amber-900">{t(`live.rehearsal.${confirmKey[intent]}`)}</p>
      <div className="flex gap-2">
        <button className={className} name="intent" value={intent} disabled={navigation.state !== "idle"}>
          {t("live.rehearsal.confirm")}
        </button>
        <button type="button" className="text-sm text-slate-700 underline" onClick={() => setAsking(false)}>
          {t("live.rehearsal.cancel")}
        </button>
      </div>
    </Form>
  );
}

export default function RehearsalControl() {
  const { slug, running, state } = useLoaderData<typeof loader>();
  const action = useActionData<{ refusal?: ShownRefusal }>();
  const { t } = useTranslation();
  const message = formMessage(action?.refusal);
  return (
    <div className="space-y-4">
      <div className="space-y-3 rounded-xl border-2 border-dashed border-amber-400 bg-amber-50/60 p-4">
        <div className="flex flex-wrap items-center gap-3">
          <span className="rounded bg-amber-500 px-2 py-0.5 text-sm font-bold uppercase text-white">
            {t("live.rehearsal.badge")}
          </span>
          <h1 className="text-xl font-bold text-slate-900">{t("live.rehearsal.title")}</h1>
          <Link to="/admin/live" className="ml-auto text-sm font-medium text-indigo-700 hover:underline">
            {t("live.rehearsal.realLink")}
          </Link>
        </div>
        <p className="text-slate-700">{t("live.rehearsal.hint", { url: boardPath(slug) })}</p>
        {message ? (
          <p role="alert" className="rounded-lg bg-rose-50 p-3 text-rose-800">
            {t(message)}
          </p>
        ) : null}
        <div className="flex flex-wrap items-start gap-3" data-testid="rehearsal-controls" data-running={running}>
          {running ? (
            <>
              <Confirmed intent="reset" className={primary} />
              <Confirmed intent="end" className={danger} />
            </>
          ) : (
            <Confirmed intent="start" className={primary} />
          )}
        </div>
      </div>
      {running && state ? <ControlRoom /> : <p className="text-slate-600">{t("live.rehearsal.notRunning")}</p>}
    </div>
  );
}
