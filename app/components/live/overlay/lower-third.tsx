// The lower third: the finalist on stage (title in both languages, organization, flag), the pitch
// timer while they pitch, and the result once it is revealed (after the big screen's stepwise
// reveal reaches it). Nothing at all when nobody is on stage, so the video shows through.
import type { PublicState } from "~/domain/live-final";
import { flagEmoji, countryName } from "~/i18n/countries";
import { useLocale } from "~/i18n/use-locale";
import { Bi, pick, useBiLabel } from "../board/bilingual";
import { useStepwiseReveal } from "../board/use-stepwise-reveal";
import { PitchTimer } from "../pitch-timer";

export function LowerThird({ state, clockOffsetMs }: { state: PublicState; clockOffsetMs: number }) {
  const locale = useLocale();
  const bi = useBiLabel();
  const { progress } = useStepwiseReveal(state);
  const entry = state.stage.entryId !== null ? state.entries.find((e) => e.id === state.stage.entryId) : undefined;
  // A message card (a break, a sponsor) takes the stage from the finalist on the big screen: here too.
  if (!entry || state.card) return <div data-testid="lower-third" data-shown={false} />;
  const reveal = state.reveal?.entryId === entry.id ? state.reveal : null;
  const sealed = state.sealed.includes(entry.id) && !reveal;
  const pitching = state.stage.phase === "pitching";
  const flag = flagEmoji(entry.country);
  return (
    <section
      className="mt-auto flex w-full max-w-[72rem] items-stretch overflow-hidden rounded-2xl bg-slate-950/85 text-white shadow-2xl"
      data-testid="lower-third"
      data-shown={true}
      data-entry={entry.id}
      data-phase={state.stage.phase}
    >
      <div className="w-[0.6rem] shrink-0 bg-indigo-500" aria-hidden />
      <div className="flex min-w-0 flex-1 flex-col justify-center gap-1 px-6 py-4">
        <p className="text-base font-semibold uppercase tracking-[0.2em] text-indigo-300">
          {pick(locale, bi("live.onStage"))} · <span className="font-mono">{entry.code}</span>
        </p>
        <Bi
          text={entry.title}
          testId="lower-third-title"
          className="min-w-0 text-4xl font-bold leading-tight"
          main="truncate"
          sub="truncate text-2xl font-medium"
        />
        <p className="flex min-w-0 items-center gap-3 text-xl opacity-90">
          {flag ? <span aria-hidden>{flag}</span> : null}
          <span className="truncate">
            {entry.organization} · {countryName(entry.country, locale)}
          </span>
        </p>
      </div>
      {pitching ? (
        <div className="flex shrink-0 items-center bg-white/10 px-6">
          <PitchTimer timer={state.timer} clockOffsetMs={clockOffsetMs} className="text-6xl" />
        </div>
      ) : reveal && (!progress || progress.result) ? (
        <div className="flex shrink-0 flex-col items-center justify-center bg-amber-400/15 px-6">
          <span className="text-base font-semibold uppercase tracking-[0.2em] text-amber-200">
            {pick(locale, bi("live.result"))}
          </span>
          <span className="text-6xl font-black tabular-nums text-amber-300" data-testid="lower-third-result">
            {reveal.result}
          </span>
        </div>
      ) : sealed ? (
        <div className="flex max-w-[20rem] shrink-0 items-center bg-sky-900/80 px-6">
          <Bi text={bi("live.board.sealedOnStage")} className="text-xl font-semibold text-sky-100" sub="text-base" />
        </div>
      ) : null}
    </section>
  );
}
