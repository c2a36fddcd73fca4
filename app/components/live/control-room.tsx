// The organizer's control room for the live final: pitch order, stage, scoring, reveal and undo,
// corrections, the pitch timer, freeze and ceremony, award tiers, message cards, the audience vote
// and a preview of the big screen. Every button sends one command over the live channel, with the
// control state's version the page holds, and shows the server's refusal, if any, in words; the
// server decides, this page follows (a stale command changes nothing and the page has the new state).
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { Localized, PublicState } from "~/domain/live-final";
import { formMessage } from "~/domain/refusal";
import { boardPath } from "~/live/channel-paths";
import { isRehearsalChannel, type ControlView } from "~/live/protocol";
import type { ShownRefusal } from "~/routing/refusals";
import { BoardPreview } from "./board-preview";
import { CeremonyCard } from "./ceremony-card";
import { ControlVersion } from "./confirm-step";
import { ControlTimer } from "./control-timer";
import { ConnectionBadge } from "./connection-badge";
import { Card, primary } from "./control-ui";
import { MessageCardForm } from "./message-card-form";
import { PitchOrder } from "./pitch-order";
import { PrivateRanking } from "./private-ranking";
import { StageCard } from "./stage-card";
import { useControlCommands } from "./use-control-commands";
import { useLiveChannel } from "./use-live-channel";
import { VotingCard } from "./voting-card";

type LoaderData = { slug: string; name: Localized; state: PublicState | null; view: ControlView | null };

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

/** The real final's control room points to its rehearsal, and to the livestream's overlays and embedding. */
function RehearsalLink({ slug }: { slug: string }) {
  const { t } = useTranslation();
  if (isRehearsalChannel(slug)) return null;
  return (
    <>
      <Link to="/admin/live/rehearsal" className="text-sm font-medium text-indigo-700 hover:underline">
        {t("live.rehearsal.link")}
      </Link>
      <Link to="/admin/live/embedding" className="text-sm font-medium text-indigo-700 hover:underline">
        {t("livestream.embedding.link")}
      </Link>
    </>
  );
}

export function ControlRoom() {
  const data = useLoaderData<LoaderData>();
  const { t } = useTranslation();
  const [view, setView] = useState<ControlView | null>(data.view);
  // The server's clock minus this page's, from the events' `serverNow` (the pitch timer counts on it).
  const [serverOffsetMs, setServerOffsetMs] = useState(0);
  const { state, connection, socket } = useLiveChannel(data.slug, data.state, (s) => {
    s.on("control", (v) => setView(v));
    const learnClock = (e: { serverNow?: number | undefined }) => {
      if (typeof e.serverNow === "number") setServerOffsetMs(e.serverNow - Date.now());
    };
    s.on("snapshot", learnClock);
    s.on("update", learnClock);
  });
  const { send, busy, error } = useControlCommands(socket, data.slug, view?.control.version ?? 0);

  if (!state || !view) return <StartPanel slug={data.slug} />;

  const control = view.control;
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const current = control.current !== null ? byId.get(control.current) : undefined;

  return (
    <ControlVersion.Provider value={control.version}>
      <div
        className="space-y-4"
        data-testid="control-room"
        data-phase={control.phase}
        data-version={control.version}
        data-seq={state.seq}
      >
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
            {error === "live.refusal.staleControl" ? (
              <span className="mt-1 block text-sm">{t("live.controlRoom.staleHint")}</span>
            ) : null}
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
            <Card title={t("live.controlRoom.timer")} testId="timer-card">
              <ControlTimer
                timer={control.timer}
                pitchSeconds={control.pitchSeconds}
                serverOffsetMs={serverOffsetMs}
                busy={busy}
                send={send}
              />
            </Card>
            <CeremonyCard view={view} byId={byId} busy={busy} send={send} />
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
            <BoardPreview state={state} connection={connection} competitionName={data.name} />
            <PitchOrder view={view} byId={byId} busy={busy} send={send} />
            <PrivateRanking view={view} byId={byId} />
            <VotingCard view={view} state={state} byId={byId} busy={busy} send={send} />
          </div>
        </div>
      </div>
    </ControlVersion.Provider>
  );
}
