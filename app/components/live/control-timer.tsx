// The control room's pitch timer: what is left of the pitch, counted down from the server's clock
// (the offset the page learnt from the last event's `serverNow`), and start / pause / reset with the
// pitch's length in minutes (6 by default; a reset with a new length keeps it for the next pitches).
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { timerRemainingMs, type PitchTimer } from "~/domain/live-final";
import { input, primary, secondary } from "./control-ui";
import type { Send } from "./use-control-commands";

/** mm:ss of a remaining time, rounded up so the display reaches 0:00 only when time is up. */
export function clock(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

export function ControlTimer({
  timer,
  pitchSeconds,
  serverOffsetMs,
  busy,
  send,
}: {
  timer: PitchTimer;
  pitchSeconds: number;
  /** The server's clock minus this page's, in ms. */
  serverOffsetMs: number;
  busy: boolean;
  send: Send;
}) {
  const { t } = useTranslation();
  const running = timer.startedAt !== null;
  const [now, setNow] = useState(() => Date.now());
  const [minutes, setMinutes] = useState(String(pitchSeconds / 60));
  useEffect(() => {
    if (!running) return;
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, [running]);
  const remaining = timerRemainingMs(timer, now + serverOffsetMs);
  const seconds = Math.round(Number(minutes) * 60);
  const validLength = Number.isFinite(seconds) && seconds >= 30 && seconds <= 3600;
  return (
    <div className="space-y-3" data-testid="control-timer" data-running={running}>
      <p
        className={`text-4xl font-black tabular-nums ${remaining === 0 ? "text-rose-700" : "text-slate-900"}`}
        data-testid="timer-remaining"
        aria-live="off"
      >
        {clock(remaining)}
      </p>
      <p className="text-sm text-slate-600">
        {running ? t("live.controlRoom.timerRunning") : t("live.controlRoom.timerStopped")} ·{" "}
        {t("live.controlRoom.timerLength", { minutes: timer.durationMs / 60000 })}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        <button
          className={primary}
          disabled={busy || running || remaining === 0}
          onClick={() => void send({ type: "timer", action: "start" })}
        >
          ▶ {t("live.controlRoom.timerStart")}
        </button>
        <button
          className={secondary}
          disabled={busy || !running}
          onClick={() => void send({ type: "timer", action: "pause" })}
        >
          ❚❚ {t("live.controlRoom.timerPause")}
        </button>
        <label className="text-sm">
          <span className="block">{t("live.controlRoom.timerMinutes")}</span>
          <input
            className={`${input} w-24`}
            type="number"
            min={0.5}
            max={60}
            step={0.5}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-invalid={!validLength}
          />
        </label>
        <button
          className={secondary}
          disabled={busy || !validLength}
          onClick={() => void send({ type: "timer", action: "reset", seconds })}
        >
          ↺ {t("live.controlRoom.timerReset")}
        </button>
      </div>
    </div>
  );
}
