// The drama of a stepwise reveal: the marks appear one at a time, the dropped ones are struck
// last, then the result shows, and only then does the ranking change (its rows slide by CSS).
// A page that loads (or resyncs) in the middle of a reveal shows it whole; so does reduced motion.
import { useEffect, useState } from "react";
import type { PublicState, RankingRow } from "~/domain/live-final";
import { revealPace } from "./format";

/** How much of the reveal on stage is shown: marks so far, strikes, result. null = all of it. */
export type RevealProgress = { marks: number; struck: boolean; result: boolean } | null;

type Tracked = {
  key: string | null;
  ranking: RankingRow[];
  /** The animation under way: its reveal, the ranking held until it ends, and its step. */
  anim: { key: string; held: RankingRow[]; step: number } | null;
};

const revealKey = (state: PublicState) =>
  state.reveal ? `${state.reveal.entryId}:${state.reveal.result}:${state.reveal.marks.length}` : null;

const reducedMotion = () =>
  typeof window !== "undefined" && window.matchMedia?.("(prefers-reduced-motion: reduce)").matches === true;

export function useStepwiseReveal(state: PublicState): { ranking: RankingRow[]; progress: RevealProgress } {
  const key = revealKey(state);
  const [tracked, setTracked] = useState<Tracked>({ key, ranking: state.ranking, anim: null });
  // Derived while rendering (React's pattern for "state from the previous render"), so the first
  // frame of a new reveal already holds the old ranking and hides the marks.
  if (tracked.key !== key || tracked.ranking !== state.ranking) {
    const starts = key !== null && key !== tracked.key && state.revealMode === "stepwise" && !reducedMotion();
    const anim = starts
      ? { key, held: tracked.anim?.held ?? tracked.ranking, step: 0 }
      : key === null
        ? null
        : tracked.anim;
    setTracked({ key, ranking: state.ranking, anim });
  }
  const anim = tracked.anim;
  const marks = state.reveal?.marks.length ?? 0;

  useEffect(() => {
    if (!anim) return;
    const pace = revealPace(marks);
    // Steps 1..marks show one mark each; then strike, result, and the climb (the ranking let go).
    const delay =
      anim.step < marks
        ? pace.perMark
        : anim.step === marks
          ? pace.strike
          : anim.step === marks + 1
            ? pace.result
            : pace.climb;
    const timer = setTimeout(() => {
      setTracked((t) =>
        t.anim?.key !== anim.key ? t : { ...t, anim: anim.step >= marks + 2 ? null : { ...anim, step: anim.step + 1 } },
      );
    }, delay);
    return () => clearTimeout(timer);
  }, [anim, marks]);

  if (!anim || anim.key !== key) return { ranking: state.ranking, progress: null };
  return {
    ranking: anim.held,
    progress: { marks: Math.min(anim.step, marks), struck: anim.step > marks, result: anim.step > marks + 1 },
  };
}
