// The ranking overlay: the top rows of the final's ranking as a compact panel for a livestream —
// rank, the row's move, title, result and the tie-break that decided a shared result. It follows
// the big screen's stepwise reveal, so it never shows a result before the hall sees it.
import type { CSSProperties } from "react";
import type { PublicState, RankingRow } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import { Bi, pick, useBiLabel } from "../board/bilingual";
import { useStepwiseReveal } from "../board/use-stepwise-reveal";
import { useMoveLabel, useTieBreakText } from "../board/row-labels";

const MEDAL = ["text-amber-300", "text-slate-200", "text-orange-300"];

function Move({ row }: { row: RankingRow }) {
  const move = useMoveLabel()(row);
  if (!move) return <span className="w-[3em] shrink-0" />;
  return (
    <span
      className={`w-[3em] shrink-0 font-bold tabular-nums ${move.tone}`}
      data-testid="rank-move"
      data-move={move.kind}
    >
      {move.text}
    </span>
  );
}

export function RankingOverlay({ state, rows }: { state: PublicState; rows: number }) {
  const locale = useLocale();
  const bi = useBiLabel();
  const tieBreakText = useTieBreakText();
  const { ranking } = useStepwiseReveal(state);
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const shown = ranking.filter((r) => byId.has(r.entryId)).slice(0, rows);
  // Nothing to rank yet: the overlay stays empty rather than putting an empty panel on air.
  if (shown.length === 0) return <div data-testid="overlay-ranking" data-rows={0} />;
  // Every row fits in the safe area: at most 3.25rem, less when many rows share the 90% of the height.
  const style = { "--row": `min(3.25rem, calc((90vh - 6rem) / ${shown.length}))` } as CSSProperties;
  return (
    <section
      className="flex max-h-full w-[42rem] flex-col self-start overflow-hidden rounded-2xl bg-slate-950/85 text-white shadow-2xl"
      data-testid="overlay-ranking"
      data-rows={shown.length}
      style={style}
      aria-label={pick(locale, bi("live.ranking"))}
    >
      <div className="flex h-[6rem] shrink-0 flex-col justify-center border-b border-white/15 px-5">
        <Bi text={bi("live.ranking")} className="text-2xl font-bold leading-tight" sub="text-base" />
        <span className="truncate text-sm opacity-80">{pick(locale, state.round.name)}</span>
      </div>
      <ol className="min-h-0 px-2 py-1">
        {shown.map((r, i) => {
          const e = byId.get(r.entryId)!;
          const tie = tieBreakText(state, r);
          return (
            <li
              key={r.entryId}
              data-testid="overlay-row"
              data-entry={r.entryId}
              data-rank={r.rank ?? ""}
              className={`flex h-[var(--row)] items-center gap-[0.6em] rounded-md px-2 text-[calc(var(--row)*0.42)] ${i % 2 ? "bg-white/5" : ""}`}
            >
              <span
                className={`w-[1.8em] shrink-0 text-right font-black tabular-nums ${MEDAL[(r.rank ?? 99) - 1] ?? ""}`}
              >
                {r.rank ?? "–"}
              </span>
              <Move row={r} />
              <span className="min-w-0 flex-1 leading-tight">
                <span className="block truncate font-semibold">{pick(locale, e.title)}</span>
                {tie ? (
                  <span className="block truncate text-[0.7em] font-semibold text-amber-200" data-testid="tie-break">
                    {tie}
                  </span>
                ) : null}
              </span>
              <span className="shrink-0 text-right font-bold tabular-nums" data-testid="row-result">
                {r.result ?? "–"}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
