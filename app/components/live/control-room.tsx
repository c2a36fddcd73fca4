// The organizer's control room for the live final: pitch order, stage, scoring, reveal and undo,
// freeze and ceremony, award tiers, message cards. Every button sends one command over the live
// channel and shows the server's refusal, if any, in words; the server decides, this page follows.
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { PublicState } from "~/domain/live-final";
import { formMessage } from "~/domain/refusal";
import { boardPath } from "~/live/channel-paths";
import { isRehearsalChannel, type ControlView } from "~/live/protocol";
import type { ShownRefusal } from "~/routing/refusals";
import { CeremonyCard } from "./ceremony-card";
import { ConnectionBadge } from "./connection-badge";
import { Card, primary } from "./control-ui";
import { MessageCardForm } from "./message-card-form";
import { PitchOrder } from "./pitch-order";
import { PrivateRanking } from "./private-ranking";
import { StageCard } from "./stage-card";
import { useControlCommands } from "./use-control-commands";
import { useLiveChannel } from "./use-live-channel";

type LoaderData = { slug: string; state: PublicState | null; view: ControlView | null };

/** Before the final starts: what starting it does, and the button (a plain form post). */
function StartPanel({ slug }: { slug: string }) {
  const action = useActionData<{ refusal?: ShownRefusal }>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const message = formMessage(action?.refusal);
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold text-slate-900">{t("live.control.title")}</h1>
      <p className="text-slate-600">{t("live.control.startHint", { url: `/live/${slug}` })}</p>
      <RehearsalLink slug={slug} />
      {message ? (
        <p role="alert" className="rounded-lg bg-rose-50 p-3 text-rose-800">
          {t(message)}
        </p>
      ) : null}
      <Form method="post">
        <button className={primary} name="intent" value="start" disabled={navigation.state !== "idle"}>
          {t("live.control.start")}
        </button>
      </Form>
    </div>
  );
}

/** The real final's control room points to its rehearsal. */
function RehearsalLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  if (isRehearsalChannel(slug)) return null;
  return (
    <Link to="/admin/live/rehearsal" className="text-sm font-medium text-indigo-700 hover:underline">
      {t("live.rehearsal.link")}
    </Link>
  );
}

export function ControlRoom() {
  const data = useLoaderData<LoaderData>();
  const { t } = useTranslation();
  const [view, setView] = useState<ControlView | null>(data.view);
  const { state, connection, socket } = useLiveChannel(data.slug, data.state, (s) =>
    s.on("control", (v) => setView(v)),
  );
  const { send, busy, error } = useControlCommands(socket, data.slug);

  if (!state || !view) return <StartPanel slug={data.slug} />;

  const control = view.control;
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const current = control.current !== null ? byId.get(control.current) : undefined;

  return (
    <div className="space-y-4" data-testid="control-room" data-phase={control.phase}>
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold text-slate-900">{t("live.control.title")}</h1>
        <ConnectionBadge connection={connection} className="text-sm text-slate-600" />
        <RehearsalLink slug={data.slug} />
        <Link
          to={boardPath(data.slug)}
          target="_blank"
          className="ml-auto text-sm font-medium text-indigo-700 hover:underline"
        >
          {t("live.control.audienceLink")} ↗
        </Link>
      </div>
      {error ? (
        <p
          role="alert"
          data-testid="refusal"
          data-code={error}
          className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-rose-800"
        >
          {t(error)}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <div className="space-y-4">
          <StageCard
            view={view}
            current={current}
            busy={busy}
            needsReason={error === "live.refusal.reasonRequired"}
            send={send}
          />
          <CeremonyCard control={control} busy={busy} send={send} />
          <Card title={t("live.control.card")}>
            <MessageCardForm
              busy={busy}
              showing={state.card !== null}
              onShow={(card) => send({ type: "card", card })}
              onClear={() => send({ type: "card", card: null })}
            />
          </Card>
        </div>
        <div className="space-y-4">
          <PitchOrder view={view} byId={byId} busy={busy} send={send} />
          <PrivateRanking view={view} byId={byId} />
        </div>
      </div>
    </div>
  );
}
