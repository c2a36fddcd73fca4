// The audience screen: made for a 1920×1080 projector read from the back of a hall, and the same
// page stacked for phones. Everything on it comes from the public state; marks appear only with a
// reveal. Text is shown in the reader's language with the other one beneath (a bilingual hall).
import { useTranslation } from "react-i18next";
import { shortDecimal } from "~/domain/decimal";
import type { LiveEntry, Localized, PublicState, Reveal } from "~/domain/live-final";
import type { Locale } from "~/i18n/config";
import { countryName, flagEmoji } from "~/i18n/countries";
import { useLocale } from "~/i18n/use-locale";
import { ConnectionBadge } from "./connection-badge";
import { useLiveChannel, type Connection } from "./use-live-channel";
import { VotePanel } from "./vote-panel";

const pick = (locale: Locale, text: Localized) => (locale !== "en" ? text.zh || text.en : text.en || text.zh);
const otherOf = (locale: Locale): Locale => (locale !== "en" ? "en" : "zh-Hans");

function Bi({
  text,
  className = "",
  main = "",
  sub = "",
}: {
  text: Localized;
  className?: string;
  main?: string;
  sub?: string;
}) {
  const locale = useLocale();
  const mainClass = main;
  const first = pick(locale, text);
  const second = pick(otherOf(locale), text);
  return (
    <span className={className}>
      <span className={`block ${mainClass}`}>{first}</span>
      {second && second !== first ? <span className={`block opacity-70 ${sub}`}>{second}</span> : null}
    </span>
  );
}

/** A label in both languages, the reader's first. */
function useBiLabel() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const other = i18n.getFixedT(otherOf(locale));
  return (key: string, options?: Record<string, unknown>): Localized => {
    const a = t(key, options);
    const b = other(key, options);
    return locale !== "en" ? { zh: a, en: b } : { zh: b, en: a };
  };
}

function Flag({ code, locale, large = false }: { code: string; locale: Locale; large?: boolean }) {
  const flag = flagEmoji(code);
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap" title={countryName(code, locale)}>
      {flag ? (
        <span aria-hidden className={large ? "text-4xl leading-none" : "text-xl leading-none"}>
          {flag}
        </span>
      ) : (
        <span className="rounded bg-white/20 px-1.5 text-xs font-bold">{code}</span>
      )}
      <span>{countryName(code, locale)}</span>
    </span>
  );
}

function SeatMarks({ reveal }: { reveal: Reveal }) {
  const { t } = useTranslation();
  return (
    <ol className="flex flex-wrap gap-2" aria-label={t("live.keptNote")}>
      {reveal.marks.map((m) => (
        <li
          key={m.seat}
          data-testid="seat-mark"
          data-dropped={m.dropped}
          className={`rounded-lg px-3 py-1.5 text-center tabular-nums ${m.dropped ? "bg-white/5 text-white/40 line-through" : "bg-white/15 text-white"}`}
          title={m.dropped ? t("live.dropped") : undefined}
        >
          <span className="block text-xs uppercase tracking-wide opacity-70">{t("live.seat", { n: m.seat })}</span>
          <span className="text-2xl font-semibold">{shortDecimal(m.mark)}</span>
        </li>
      ))}
    </ol>
  );
}

function StagePanel({ state, entry }: { state: PublicState; entry: LiveEntry | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bi = useBiLabel();
  const reveal = state.reveal;
  const revealed = reveal ? (state.entries.find((e) => e.id === reveal.entryId) ?? null) : null;
  const shown = entry ?? revealed;
  if (!shown) {
    return (
      <div className="flex h-full flex-col justify-center">
        <Bi
          text={bi("live.nothingOnStage")}
          className="text-3xl font-semibold lg:text-5xl"
          sub="mt-2 text-xl lg:text-3xl"
        />
      </div>
    );
  }
  const { stage } = state;
  const onStage = stage.entryId === shown.id;
  return (
    <div className="flex h-full flex-col gap-5" data-testid="stage" data-entry={shown.id}>
      <p className="text-lg font-semibold uppercase tracking-[0.2em] text-indigo-300 lg:text-xl">
        {onStage ? pick(locale, bi("live.onStage")) : pick(locale, bi("live.result"))} ·{" "}
        <span className="font-mono">{shown.code}</span>
      </p>
      <Bi
        text={shown.title}
        className="text-3xl font-bold leading-tight lg:text-5xl"
        main="lg:line-clamp-3"
        sub="mt-2 text-xl font-medium lg:line-clamp-1 lg:text-2xl"
      />
      <div className="space-y-1 text-lg lg:text-xl">
        <p className="font-medium">{shown.organization}</p>
        <Flag code={shown.country} locale={locale} large />
        <p className="opacity-80">
          {pick(locale, shown.group)} · {pick(locale, shown.track)}
        </p>
        {shown.team.length ? (
          <p className="opacity-80">
            {t("common.team")}: {shown.team.join(" · ")}
          </p>
        ) : null}
      </div>
      {onStage && stage.phase !== "revealed" ? (
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
        <div className="mt-auto space-y-4" data-testid="reveal">
          <p className="text-7xl font-black tabular-nums leading-none text-amber-300 lg:text-8xl">{reveal.result}</p>
          <SeatMarks reveal={reveal} />
          <p className="text-sm opacity-60 lg:text-base">{t("live.keptNote")}</p>
        </div>
      ) : null}
    </div>
  );
}

function Awards({ state }: { state: PublicState }) {
  const locale = useLocale();
  const bi = useBiLabel();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const trackTitle = (track: Localized | undefined): Localized => {
    const label = bi("live.trackTop");
    return { zh: `${label.zh} · ${track?.zh ?? ""}`, en: `${label.en} · ${track?.en ?? ""}` };
  };
  return (
    <div className="flex h-full flex-col gap-6 overflow-y-auto" data-testid="awards">
      <Bi text={bi("live.awards")} className="text-3xl font-bold lg:text-5xl" sub="text-xl lg:text-2xl" />
      {state.awards!.map((tier) => (
        <section key={`${tier.tier}-${tier.track ?? ""}`}>
          <Bi
            text={
              tier.tier === "trackTop" ? trackTitle(byId.get(tier.entryIds[0]!)?.track) : bi(`live.tier.${tier.tier}`)
            }
            className="text-xl font-semibold text-amber-300 lg:text-3xl"
            sub="text-base lg:text-lg"
          />
          <ul className="mt-2 space-y-1 text-lg lg:text-2xl">
            {tier.entryIds.map((id) => {
              const e = byId.get(id);
              return e ? (
                <li key={id} className="leading-snug">
                  <span className="block font-semibold">{pick(locale, e.title)}</span>
                  <span className="block text-base opacity-70 lg:text-lg">
                    {flagEmoji(e.country) ? <span aria-hidden>{flagEmoji(e.country)} </span> : null}
                    {e.organization}
                  </span>
                </li>
              ) : null;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function RankingTable({ state }: { state: PublicState }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const byId = new Map(state.entries.map((e) => [e.id, e]));
  const rows = state.ranking.filter((r) => byId.has(r.entryId));
  // Rows are placed by transform, so a row whose place changes slides there (CSS transition).
  const rowHeight = rows.length > 14 ? 42 : 60;
  const medal = ["text-amber-300", "text-slate-200", "text-orange-300"];
  if (rows.length === 0) return <p className="py-10 text-center text-2xl opacity-60">{t("live.noResultsYet")}</p>;
  const place = new Map(rows.map((r, i) => [r.entryId, i]));
  // The rows stay in one DOM order (by entry) and only their transform changes, so the browser
  // slides each to its new place; screen readers get the ranking in order from the list below.
  const stable = [...rows].sort((a, b) => a.entryId - b.entryId);
  return (
    <>
      <div className="relative" style={{ height: rows.length * rowHeight }} data-testid="ranking" aria-hidden>
        {stable.map((r) => {
          const i = place.get(r.entryId)!;
          const e = byId.get(r.entryId)!;
          const fresh = state.reveal?.entryId === r.entryId;
          return (
            <div
              key={r.entryId}
              data-testid="ranking-row"
              data-entry={r.entryId}
              data-rank={r.rank ?? ""}
              className={`absolute inset-x-0 top-0 flex items-center gap-4 rounded-lg px-3 transition-transform duration-700 ease-out ${fresh ? "bg-indigo-500/40 ring-2 ring-indigo-300" : i % 2 ? "bg-white/5" : ""}`}
              style={{ height: rowHeight - 4, transform: `translateY(${i * rowHeight}px)` }}
            >
              <span
                className={`w-12 text-right text-2xl font-black tabular-nums lg:text-3xl ${medal[(r.rank ?? 99) - 1] ?? ""}`}
              >
                {r.rank ?? "–"}
              </span>
              <span className="min-w-0 flex-1 truncate text-lg font-semibold lg:text-2xl">{pick(locale, e.title)}</span>
              <span className="hidden min-w-0 max-w-[30%] truncate text-base opacity-70 lg:block">
                {e.organization}
              </span>
              <span className="text-xl" title={countryName(e.country, locale)}>
                {flagEmoji(e.country) ?? e.country}
              </span>
              <span className="w-24 text-right text-xl font-bold tabular-nums lg:text-3xl">{r.result ?? "–"}</span>
            </div>
          );
        })}
      </div>
      <ol className="sr-only" aria-label={t("live.ranking")}>
        {rows.map((r) => (
          <li key={r.entryId}>
            {t("common.rank")} {r.rank ?? "–"}: {pick(locale, byId.get(r.entryId)!.title)},{" "}
            {byId.get(r.entryId)!.organization}, {countryName(byId.get(r.entryId)!.country, locale)} — {r.result ?? "–"}
          </li>
        ))}
      </ol>
    </>
  );
}

function MessageCardOverlay({ state }: { state: PublicState }) {
  const bi = useBiLabel();
  const card = state.card!;
  return (
    <div
      className="fixed inset-0 z-30 flex flex-col items-center justify-center gap-6 bg-slate-950/95 p-10 text-center"
      data-testid="message-card"
    >
      <Bi
        text={bi(`live.cardKind.${card.kind}`)}
        className="text-xl font-semibold uppercase tracking-[0.3em] text-indigo-300 lg:text-3xl"
        sub="text-base lg:text-xl"
      />
      <Bi text={card.title} className="text-4xl font-black lg:text-8xl" sub="mt-3 text-2xl lg:text-5xl" />
      {card.body.zh || card.body.en ? (
        <Bi text={card.body} className="max-w-5xl text-xl lg:text-4xl" sub="mt-3 text-lg lg:text-2xl" />
      ) : null}
    </div>
  );
}

/** On the projector only: a QR code to follow the same page on a phone. */
function PhoneQr({ phone }: { phone: { url: string; qr: string } }) {
  const { t } = useTranslation();
  return (
    <div className="hidden items-center gap-3 lg:flex" data-testid="phone-qr">
      <span className="text-right text-sm leading-tight opacity-80">
        {t("live.followOnPhone")}
        <span className="block font-mono text-xs opacity-70">{phone.url.replace(/^https?:\/\//, "")}</span>
      </span>
      {/* The SVG is generated on the server by the qrcode library from this page's own URL. */}
      <span
        className="block h-14 w-14 overflow-hidden rounded bg-white [&>svg]:h-full [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: phone.qr }}
      />
    </div>
  );
}

export function AudienceBoard({
  slug,
  initial,
  competitionName,
  phone,
}: {
  slug: string;
  initial: PublicState | null;
  competitionName: Localized;
  phone?: { url: string; qr: string };
}) {
  const { state, connection } = useLiveChannel(slug, initial);
  return <BoardView state={state} connection={connection} competitionName={competitionName} phone={phone} />;
}

/** The board drawn from a public state, without a socket of its own (the control room previews it). */
export function BoardView({
  state,
  connection,
  competitionName,
  phone,
}: {
  state: PublicState | null;
  connection: Connection;
  competitionName: Localized;
  phone?: { url: string; qr: string } | undefined;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bi = useBiLabel();
  if (!state) {
    return (
      <div className="flex min-h-screen flex-col items-center justify-center gap-6 bg-slate-950 p-8 text-center text-white">
        <Bi text={competitionName} className="text-3xl font-bold lg:text-6xl" sub="text-xl lg:text-3xl" />
        <p className="text-xl lg:text-3xl">{t("live.notStarted")}</p>
        <ConnectionBadge connection={connection} className="text-base opacity-80" />
      </div>
    );
  }
  const entry = state.stage.entryId !== null ? (state.entries.find((e) => e.id === state.stage.entryId) ?? null) : null;
  const ranked = new Set(state.ranking.map((r) => r.entryId));
  const sealed = new Set(state.sealed);
  const upcoming = state.entries.filter((e) => !ranked.has(e.id) && !sealed.has(e.id) && e.id !== entry?.id);
  return (
    <div
      className="min-h-screen bg-gradient-to-br from-slate-950 via-slate-900 to-indigo-950 text-white lg:h-screen lg:overflow-hidden"
      data-seq={state.seq}
    >
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2 border-b border-white/10 px-5 py-3 lg:px-10 lg:py-4">
        <Bi text={competitionName} className="text-lg font-bold lg:text-2xl" sub="text-sm lg:text-base" />
        <Bi text={state.round.name} className="text-base lg:text-xl" sub="text-sm" />
        {state.frozen ? (
          <span
            className="rounded-full bg-sky-500/20 px-3 py-1 text-sm font-semibold text-sky-200 lg:text-lg"
            data-testid="frozen"
          >
            ❄ {t("live.frozen")}
          </span>
        ) : null}
        <ConnectionBadge connection={connection} className="ml-auto text-sm opacity-80 lg:text-base" />
        {phone ? <PhoneQr phone={phone} /> : null}
      </header>
      <div className="grid gap-6 p-5 lg:h-[calc(100vh-88px)] lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)] lg:gap-10 lg:p-10">
        <section className="rounded-2xl bg-white/5 p-6 lg:overflow-hidden lg:p-8" aria-label={t("live.onStage")}>
          {state.awards ? <Awards state={state} /> : <StagePanel state={state} entry={entry} />}
          {state.ceremony === "running" && !state.reveal ? (
            <Bi text={bi("live.ceremony")} className="text-4xl font-black text-amber-300 lg:text-6xl" sub="text-2xl" />
          ) : null}
        </section>
        <VotePanel state={state} />
        <section className="flex min-h-0 flex-col gap-4" aria-label={t("live.ranking")}>
          <div className="flex items-baseline justify-between">
            <Bi text={bi("live.ranking")} className="text-2xl font-bold lg:text-3xl" sub="text-base lg:text-lg" />
            {state.sealed.length ? (
              <span className="text-lg text-sky-200 lg:text-2xl" data-testid="sealed-count">
                🔒 {t("live.sealedCount", { count: state.sealed.length })}
              </span>
            ) : null}
          </div>
          <div className="min-h-0 flex-1">
            <RankingTable state={state} />
          </div>
          {upcoming.length && state.ceremony === "none" ? (
            <div className="text-sm opacity-70 lg:text-base">
              <span className="font-semibold">{pick(locale, bi("live.yetToPitch"))}:</span>{" "}
              {upcoming.map((e) => e.code).join(" · ")}
            </div>
          ) : null}
        </section>
      </div>
      {state.card ? <MessageCardOverlay state={state} /> : null}
    </div>
  );
}
