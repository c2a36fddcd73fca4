// The ceremony's awards: the jury's tiers as they are revealed (one per step, the newest
// emphasised), and the audience's award in a section of its own, never mixed with the jury's.
import { useTranslation } from "react-i18next";
import type { Localized, PublicState } from "~/domain/live-final";
import { flagEmoji } from "~/i18n/countries";
import { useLocale } from "~/i18n/use-locale";
import { Bi, pick, useBiLabel } from "./bilingual";

function Winners({ state, ids, large }: { state: PublicState; ids: number[]; large: boolean }) {
  const locale = useLocale();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  return (
    <ul className={`mt-2 space-y-1 ${large ? "text-2xl lg:text-4xl" : "text-lg lg:text-2xl"}`}>
      {ids.map((id) => {
        const e = byId.get(id);
        return e ? (
          <li key={id} className="leading-snug">
            <span className="block font-semibold">{pick(locale, e.title)}</span>
            <span className={`block opacity-80 ${large ? "text-lg lg:text-2xl" : "text-base lg:text-lg"}`}>
              {flagEmoji(e.country) ? <span aria-hidden>{flagEmoji(e.country)} </span> : null}
              {e.organization}
            </span>
          </li>
        ) : null;
      })}
    </ul>
  );
}

export function AwardsPanel({ state }: { state: PublicState }) {
  const { t } = useTranslation();
  const bi = useBiLabel();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const tiers = state.awards ?? [];
  const trackTitle = (track: Localized | undefined): Localized => {
    const label = bi("live.trackTop");
    return { zh: `${label.zh} · ${track?.zh ?? ""}`, en: `${label.en} · ${track?.en ?? ""}` };
  };
  // Revealed in order (track tops, third, runner-up, champion): the last is the one just announced;
  // it is drawn first and large, the earlier ones beneath it.
  const newestFirst = [...tiers].reverse();
  return (
    <div className="flex h-full min-h-0 flex-col gap-5 overflow-hidden" data-testid="awards">
      <Bi text={bi("live.awards")} className="text-3xl font-bold lg:text-5xl" sub="text-xl lg:text-2xl" />
      {newestFirst.map((tier, i) => (
        <section
          key={`${tier.tier}-${tier.track ?? ""}`}
          data-testid="award-tier"
          data-tier={tier.tier}
          data-newest={i === 0}
          className={i === 0 ? "rounded-2xl bg-amber-400/15 p-5 ring-2 ring-amber-300" : "px-5"}
        >
          <Bi
            text={
              tier.tier === "trackTop" ? trackTitle(byId.get(tier.entryIds[0]!)?.track) : bi(`live.tier.${tier.tier}`)
            }
            className={`font-semibold text-amber-300 ${i === 0 ? "text-3xl lg:text-5xl" : "text-xl lg:text-2xl"}`}
            sub="text-base lg:text-lg"
          />
          <Winners state={state} ids={tier.entryIds} large={i === 0} />
        </section>
      ))}
      {state.audienceAward ? (
        <section
          className="mt-auto rounded-2xl bg-fuchsia-500/15 p-5 ring-1 ring-fuchsia-300"
          data-testid="audience-award"
        >
          <Bi
            text={bi("live.board.audienceAward")}
            className="text-2xl font-semibold text-fuchsia-200 lg:text-4xl"
            sub="text-base lg:text-lg"
          />
          <p className="mt-1 text-lg tabular-nums lg:text-2xl" data-testid="audience-votes">
            {t("live.board.votes", { count: state.audienceAward.votes })}
          </p>
          <Winners state={state} ids={state.audienceAward.entryIds} large={false} />
        </section>
      ) : null}
    </div>
  );
}
