// The control room's stage: the entry on it, its phase and the panel's submissions, the buttons
// that move it on (open, close, reveal, undo), and the result before it is revealed.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { shortDecimal } from "~/domain/decimal";
import type { LiveEntry } from "~/domain/live-final";
import { useFormats } from "~/i18n/formats";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { CountryLabel } from "../country-label";
import { Card, danger, entryTitle, primary } from "./control-ui";
import { CloseForm, ReasonForm } from "./reason-forms";
import { ReopenForm } from "./reopen-form";
import { RevealModeSwitch } from "./reveal-mode-switch";
import type { Send } from "./use-control-commands";

type Props = {
  view: ControlView;
  current: LiveEntry | undefined;
  busy: boolean;
  needsReason: boolean;
  send: Send;
};

export function StageCard({ view, current, busy, needsReason, send }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const control = view.control;
  const submitted = view.panel.filter((p) => p.submitted).length;
  const lastRevealed = control.revealed.at(-1);
  return (
    <Card title={t("live.control.stage")} testId="stage-card">
      {current ? (
        <div>
          <p className="font-mono text-sm text-slate-500">{current.code}</p>
          <p className="text-xl font-semibold">{entryTitle(locale, current)}</p>
          <p className="text-sm text-slate-600">
            {current.organization} · <CountryLabel code={current.country} locale={locale} />
          </p>
        </div>
      ) : (
        <p className="text-slate-500">{t("live.nothingOnStage")}</p>
      )}
      <p className="text-sm font-semibold text-indigo-700" data-testid="phase">
        {t(`live.phase.${control.phase}`)}
        {control.phase === "scoring" || control.phase === "closed"
          ? ` · ${t("live.judgesProgress", { n: submitted, m: view.panel.length })}`
          : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        <button
          className={primary}
          disabled={busy || control.phase !== "pitching"}
          onClick={() => void send({ type: "open" })}
        >
          {t("live.control.open")}
        </button>
        <button
          className={primary}
          disabled={busy || control.phase !== "closed"}
          onClick={() => void send({ type: "reveal" })}
        >
          {t("live.control.reveal")}
        </button>
      </div>
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          checked={control.autoReveal ?? false}
          disabled={busy}
          onChange={(e) => void send({ type: "autoReveal", on: e.target.checked })}
          data-testid="auto-reveal"
        />
        {t("live.control.autoReveal")}
      </label>
      <RevealModeSwitch mode={control.revealMode} busy={busy} send={send} />
      {control.phase === "scoring" ? (
        <CloseForm
          busy={busy}
          complete={submitted >= view.panel.length}
          needsReason={needsReason}
          minMarks={view.minMarks}
          confirm={t("live.controlRoom.closeConfirm", { n: submitted, m: view.panel.length })}
          onClose={(reason, seen) => send({ type: "close", ...(reason ? { reason } : {}) }, seen)}
        />
      ) : null}
      {control.phase === "closed" && current && control.ceremony === "none" ? (
        <ReopenForm view={view} entry={current} busy={busy} send={send} />
      ) : null}
      {control.phase === "revealed" && lastRevealed === control.current && control.ceremony === "none" ? (
        <ReasonForm
          label={t("live.control.undoReason")}
          submit={t("live.control.undo")}
          tone={danger}
          busy={busy}
          onSubmit={(reason) => send({ type: "undoReveal", reason })}
          testId="undo-form"
        />
      ) : null}
      {control.current !== null ? <PanelList view={view} /> : null}
      {view.preview ? <Preview view={view} /> : null}
    </Card>
  );
}

function PanelList({ view }: { view: ControlView }) {
  const { t } = useTranslation();
  const formats = useFormats();
  // "Last seen 12 s ago" counts up while a phone is quiet; nothing ticks otherwise.
  const quiet = view.panel.some((p) => p.device && !p.device.connected && !p.device.offlineSince && p.device.lastSeen);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!quiet) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [quiet]);
  const deviceText = (device: NonNullable<ControlView["panel"][number]["device"]>) => {
    if (device.connected) return t("live.control.deviceOnline");
    if (device.offlineSince)
      return t("live.control.deviceOffline", {
        time: formats.date(device.offlineSince, { hour: "2-digit", minute: "2-digit" }),
      });
    if (device.lastSeen)
      return t("live.control.deviceLastSeen", {
        seconds: Math.max(0, Math.round((now - Date.parse(device.lastSeen)) / 1000)),
      });
    return t("live.control.deviceUnknown");
  };
  return (
    <ul className="grid grid-cols-1 gap-1 text-sm sm:grid-cols-2" data-testid="panel">
      {view.panel.map((p) => (
        <li
          key={p.judgeId}
          data-judge={p.judgeId}
          data-submitted={p.submitted}
          data-connected={p.device?.connected}
          className={`flex items-center gap-2 rounded-md px-2 py-1 ${p.submitted ? "bg-emerald-50 text-emerald-800" : "bg-slate-50 text-slate-600"}`}
        >
          <span className="font-mono text-xs">{t("live.seat", { n: p.seat })}</span>
          <span className="flex-1 truncate">{p.name}</span>
          {p.device ? (
            <span
              className={`text-xs ${p.device.connected ? "text-emerald-700" : "text-amber-700"}`}
              data-testid="device"
            >
              {p.device.connected ? "●" : "○"} {deviceText(p.device)}
            </span>
          ) : null}
          <span>{p.submitted ? `✓ ${t("live.control.submitted")}` : t("live.control.waiting")}</span>
        </li>
      ))}
    </ul>
  );
}

function Preview({ view }: { view: ControlView }) {
  const { t } = useTranslation();
  const preview = view.preview!;
  return (
    <div className="rounded-lg bg-amber-50 p-3" data-testid="preview">
      <p className="text-sm font-semibold text-amber-900">
        {view.control.phase === "revealed" ? t("live.result") : t("live.control.preview")}
      </p>
      <p className="text-3xl font-black tabular-nums text-amber-900">{preview.result}</p>
      <p className="flex flex-wrap gap-2 text-sm tabular-nums">
        {preview.marks.map((m) => (
          <span key={m.seat} className={m.dropped ? "text-slate-400 line-through" : ""}>
            {t("live.seat", { n: m.seat })}: {shortDecimal(m.mark)}
          </span>
        ))}
      </p>
    </div>
  );
}
