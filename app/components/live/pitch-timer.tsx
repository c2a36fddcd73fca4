// The pitch timer (mm:ss), counting down from the server's clock: the same on the big screen,
// the judges' phones and the control room. Red in the last 30 seconds; "time" at zero.
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { timerRemainingMs, type PitchTimer as Timer } from "~/domain/live-final";
import { formatClock } from "./board/format";

const LAST_SECONDS_MS = 30_000;

export function PitchTimer({
  timer,
  clockOffsetMs = 0,
  className = "",
}: {
  timer: Timer;
  /** From useServerClock: server time minus local time. */
  clockOffsetMs?: number;
  className?: string;
}) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  const running = timer.startedAt !== null;
  useEffect(() => {
    if (!running) return;
    // The first tick right away (a task, not in the effect's body), then four a second.
    const first = setTimeout(() => setNow(Date.now()), 0);
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => {
      clearTimeout(first);
      clearInterval(tick);
    };
  }, [running]);
  const remaining = timerRemainingMs(timer, now + clockOffsetMs);
  const over = remaining === 0;
  const late = remaining <= LAST_SECONDS_MS;
  return (
    <span
      role="timer"
      aria-label={t("live.board.timer")}
      data-testid="pitch-timer"
      data-running={running}
      data-remaining={Math.ceil(remaining / 1000)}
      className={`font-mono font-black tabular-nums ${late ? "text-red-400" : ""} ${className}`}
    >
      {over ? t("live.board.timeUp") : formatClock(remaining)}
    </span>
  );
}
