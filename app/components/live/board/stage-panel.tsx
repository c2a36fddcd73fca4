// The left half of the big screen: who is on stage (with the pitch timer while they pitch), the
// judges' progress, and the revealed result with every seat's mark (the dropped ones struck).
import { useTranslation } from "react-i18next";
import type { LiveEntry, PublicState, Reveal } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import { PitchTimer } from "../pitch-timer";
import { Bi, Flag, pick, useBiLabel } from "./bilingual";
import { formatMark } from "./format";
import type { RevealProgress } from "./use-stepwise-reveal";

function SeatMarks({ reveal, decimals, progress }: { reveal: Reveal; decimals?: number; progress: RevealProgress }) {
  const { t } = useTranslation();
  return (
    <ol className="flex flex-wrap gap-2" aria-label={t("live.keptNote")}>
      {reveal.marks.map((m, i) => {
        const shown = !progress || i < progress.marks;
        const struck = m.dropped && (!progress || progress.struck);
        return (
          <li
            key={m.seat}
            data-testid="seat-mark"
            data-dropped={m.dropped}
            data-shown={shown}
            data-struck={struck}
            // Opaque backgrounds: the struck marks keep a contrast above 4.5:1 (slate-300 on slate-800).
            className={`rounded-lg px-3 py-1.5 text-center tabular-nums transition-opacity duration-300 motion-reduce:transition-none ${shown ? "" : "invisible opacity-0"} ${struck ? "bg-slate-800 text-slate-300 line-through decoration-rose-400 decoration-2" : "bg-slate-700 text-white"}`}
            title={struck ? t("live.dropped") : undefined}
          >
            <span className="block text-xs uppercase tracking-wide">{t("live.seat", { n: m.seat })}</span>
            <span className="text-2xl font-semibold">{formatMark(m.mark, decimals)}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Waiting({ label }: { label: string }) {
  const bi = useBiLabel();
  return (
    <div className="flex h-full flex-col justify-center" data-testid="stage-waiting">
      <Bi text={bi(label)} className="text-3xl font-semibold lg:text-5xl" sub="mt-2 text-xl lg:text-3xl" />
    </div>
  );
}

export function StagePanel({
  state,
  entry,
  progress,
  clockOffsetMs,
}: {
  state: PublicState;
  entry: LiveEntry | null;
  progress: RevealProgress;
  clockOffsetMs: number;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bi = useBiLabel();
  const reveal = state.reveal;
  const revealed = reveal ? (state.entries.find((e) => e.id === reveal.entryId) ?? null) : null;
  const shown = entry ?? revealed;
  // The ceremony opens on its own heading, never on "the next pitch will begin shortly".
  if (!shown) return <Waiting label={state.ceremony === "none" ? "live.nothingOnStage" : "live.ceremony"} />;
  const { stage } = state;
  const onStage = stage.entryId === shown.id;
  const sealed = state.sealed.includes(shown.id) && !(reveal && reveal.entryId === shown.id);
  return (
    <div className="flex h-full min-h-0 flex-col gap-5" data-testid="stage" data-entry={shown.id}>
      <div className="flex items-center justify-between gap-4">
        <p className="text-lg font-semibold uppercase tracking-[0.2em] text-indigo-300 lg:text-xl">
          {onStage ? pick(locale, bi("live.onStage")) : pick(locale, bi("live.result"))} ·{" "}
          <span className="font-mono">{shown.code}</span>
        </p>
        {onStage && stage.phase === "pitching" ? (
          <PitchTimer timer={state.timer} clockOffsetMs={clockOffsetMs} className="text-4xl lg:text-6xl" />
        ) : null}
      </div>
      <Bi
        text={shown.title}
        testId="stage-title"
        // Whole, never clamped (a clamp cut the last line's glyphs): a long title gets a step
        // smaller type instead, still above 3.5 % of the screen's height (40 px at 1080p).
        className={`text-3xl font-bold leading-snug ${pick(locale, shown.title).length > 70 ? "lg:text-[2.5rem]" : "lg:text-5xl"}`}
        sub="mt-2 text-xl font-medium lg:text-2xl"
      />
      <div className="space-y-1 text-lg lg:text-xl">
        <p className="font-medium">{shown.organization}</p>
        <Flag code={shown.country} locale={locale} large />
        <p className="opacity-80">
          {pick(locale, shown.group)} · {pick(locale, shown.track)}
        </p>
        {shown.team.length ? (
          <p className="line-clamp-2 opacity-80">
            {t("common.team")}: {shown.team.join(" · ")}
          </p>
        ) : null}
      </div>
      {sealed ? (
        <Bi
          text={bi("live.board.sealedOnStage")}
          testId="stage-sealed"
          className="mt-auto rounded-xl bg-sky-900 px-5 py-4 text-2xl font-semibold text-sky-100 lg:text-4xl"
          sub="mt-1 text-lg lg:text-2xl"
        />
      ) : onStage && stage.phase !== "revealed" ? (
        <div
          className="mt-auto space-y-3"
          data-testid="stage-progress"
          data-phase={stage.phase}
          data-submitted={stage.submitted}
        >
          <p className="text-xl font-semibold lg:text-3xl">{t(`live.phase.${stage.phase}`)}</p>
          {stage.phase === "scoring" || stage.phase === "closed" ? (
            <>
              <p className="text-2xl tabular-nums lg:text-4xl">
                {t("live.judgesProgress", { n: stage.submitted, m: stage.of })}
              </p>
              <div className="flex gap-2" aria-hidden>
                {Array.from({ length: stage.of }, (_, i) => (
                  <span
                    key={i}
                    className={`h-4 flex-1 rounded-full transition-colors duration-500 ${i < stage.submitted ? "bg-emerald-400" : "bg-white/15"}`}
                  />
                ))}
              </div>
            </>
          ) : null}
        </div>
      ) : null}
      {reveal && reveal.entryId === shown.id ? (
        <div className="mt-auto space-y-4" data-testid="reveal" data-step={progress ? "marks" : "done"}>
          {!progress || progress.result ? (
            <p
              className="text-7xl font-black tabular-nums leading-none text-amber-300 lg:text-8xl"
              data-testid="reveal-result"
            >
              {reveal.result}
            </p>
          ) : null}
          <SeatMarks reveal={reveal} decimals={state.round.markDecimals} progress={progress} />
          <p className="text-sm opacity-80 lg:text-base">{t("live.keptNote")}</p>
        </div>
      ) : null}
    </div>
  );
}
