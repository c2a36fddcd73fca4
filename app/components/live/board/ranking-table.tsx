// The ranking. On the big screen every row has a slot of the grid (one or two columns, so the whole
// final is on screen); rows keep one DOM order and only their transform changes, so a row whose
// place changes slides there. On a phone the same rows are a plain list in rank order, titles whole.
import type { CSSProperties } from "react";
import { useTranslation } from "react-i18next";
import type { LiveEntry, PublicState, RankingRow } from "~/domain/live-final";
import { countryName, flagEmoji } from "~/i18n/countries";
import { useLocale } from "~/i18n/use-locale";
import { pick } from "./bilingual";
import { boardColumns, boardSlot } from "./format";
import { useMoveLabel, useTieBreakText } from "./row-labels";

const MEDAL = ["text-amber-300", "text-slate-200", "text-orange-300"];

/**
 * The row's move since the last change. On the big screen it has a column of its own; on a phone
 * (`inline`) it sits in the row's second line, so the title keeps the width.
 */
function Move({ row, inline = false }: { row: RankingRow; inline?: boolean }) {
  const move = useMoveLabel()(row);
  if (!move) return inline ? null : <span className="hidden w-14 shrink-0 lg:block" />;
  return (
    <span
      className={
        inline
          ? `mr-2 font-bold tabular-nums lg:hidden ${move.tone}`
          : `hidden w-14 shrink-0 text-base font-bold tabular-nums lg:block ${move.tone}`
      }
      {...(inline ? {} : { "data-testid": "rank-move", "data-move": move.kind })}
    >
      {move.text}
    </span>
  );
}

export function RankingTable({ state, ranking }: { state: PublicState; ranking: RankingRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tieBreakText = useTieBreakText();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const rows = ranking.filter((r) => byId.has(r.entryId));
  if (rows.length === 0) return <p className="py-10 text-center text-2xl opacity-60">{t("live.noResultsYet")}</p>;
  const { columns, perColumn } = boardColumns(rows.length);
  const place = new Map(rows.map((r, i) => [r.entryId, i]));
  const stable = [...rows].sort((a, b) => a.entryId - b.entryId);
  return (
    <>
      <ol
        className="flex flex-col gap-1 lg:relative lg:block lg:h-full"
        data-testid="ranking"
        data-columns={columns}
        aria-hidden
      >
        {stable.map((r) => {
          const i = place.get(r.entryId)!;
          const e: LiveEntry = byId.get(r.entryId)!;
          const slot = boardSlot(i, perColumn);
          const tie = tieBreakText(state, r);
          const fresh = state.reveal?.entryId === r.entryId;
          // The slot's size and place on the big screen, as variables the lg: classes read.
          const style = {
            order: i,
            "--w": `${100 / columns}%`,
            // A short ranking keeps rows of a tenth of the column, not a few rows stretched to fill it.
            "--h": `${100 / Math.max(perColumn, 10)}%`,
            "--t": `translate(${slot.column * 100}%, ${slot.line * 100}%)`,
          } as CSSProperties;
          return (
            <li
              key={r.entryId}
              data-testid="ranking-row"
              data-entry={r.entryId}
              data-rank={r.rank ?? ""}
              style={style}
              className="lg:absolute lg:left-0 lg:top-0 lg:h-[var(--h)] lg:w-[var(--w)] lg:transition-transform lg:duration-700 lg:ease-out lg:[transform:var(--t)] motion-reduce:transition-none"
            >
              <div
                className={`flex items-center gap-3 rounded-lg px-3 py-2 lg:absolute lg:inset-x-1 lg:inset-y-0.5 lg:py-0 ${fresh ? "bg-indigo-500/40 ring-2 ring-indigo-300" : i % 2 ? "bg-white/5" : ""}`}
              >
                <span
                  className={`w-8 shrink-0 text-right text-2xl font-black tabular-nums lg:w-10 lg:text-3xl ${MEDAL[(r.rank ?? 99) - 1] ?? ""}`}
                >
                  {r.rank ?? "–"}
                </span>
                <Move row={r} />
                <span className="min-w-0 flex-1 leading-tight">
                  <span className="block break-words text-lg font-semibold lg:truncate lg:text-xl">
                    {pick(locale, e.title)}
                  </span>
                  <span className="block text-sm opacity-80 lg:truncate lg:text-base">
                    <Move row={r} inline />
                    <span className="mr-1 lg:hidden" title={countryName(e.country, locale)}>
                      {flagEmoji(e.country) ?? e.country}
                    </span>
                    {tie ? (
                      <span className="font-semibold text-amber-200" data-testid="tie-break">
                        {tie}
                      </span>
                    ) : (
                      e.organization
                    )}
                  </span>
                </span>
                <span className="hidden shrink-0 text-xl lg:block" title={countryName(e.country, locale)}>
                  {flagEmoji(e.country) ?? e.country}
                </span>
                <span
                  className="shrink-0 text-right text-xl font-bold tabular-nums lg:w-20 lg:text-3xl"
                  data-testid="row-result"
                >
                  {r.result ?? "–"}
                </span>
              </div>
            </li>
          );
        })}
      </ol>
      {/* The visual rows are in entry order (so they can slide); screen readers get rank order. */}
      <ol className="sr-only" aria-label={t("live.ranking")}>
        {rows.map((r) => {
          const e = byId.get(r.entryId)!;
          const tie = tieBreakText(state, r);
          return (
            <li key={r.entryId}>
              {t("common.rank")} {r.rank ?? "–"}: {pick(locale, e.title)}, {e.organization},{" "}
              {countryName(e.country, locale)} — {r.result ?? "–"}
              {tie ? ` (${tie})` : ""}
            </li>
          );
        })}
      </ol>
    </>
  );
}
