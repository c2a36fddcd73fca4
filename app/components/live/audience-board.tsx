// The audience screen: made for a projector read from the back of a hall, from 720p to a 4K wall
// (on wide screens the whole board is sized from the viewport: see BOARD_SCALE), and the same page
// stacked for phones with the ranking first. Everything on it comes from the public state; marks
// appear only with a reveal. Text is shown in the reader's language with the other one beneath.
import { useTranslation } from "react-i18next";
import type { Localized, PublicState } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import { AwardsPanel } from "./board/awards";
import { Bi, pick, useBiLabel } from "./board/bilingual";
import { boardColumns } from "./board/format";
import { RankingTable } from "./board/ranking-table";
import { StagePanel } from "./board/stage-panel";
import { useStepwiseReveal } from "./board/use-stepwise-reveal";
import { ConnectionBadge } from "./connection-badge";
import { useLiveChannel, type Connection } from "./use-live-channel";
import { useServerClock } from "./use-server-clock";
import { VotePanel } from "./vote-panel";

/**
 * On a wide screen the root font size follows the viewport (16 px at 1920×1080, 32 px on 4K,
 * 10.7 px at 720p; the smaller of height and width decides), so every rem-sized text, gap and
 * padding of the board keeps its proportion. Only the full-page board sets it, not a preview.
 */
const BOARD_SCALE = "@media (min-width: 1024px) { html { font-size: min(1.4815vh, 0.8333vw); } }";

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
  const clock = useServerClock();
  const { state, connection } = useLiveChannel(slug, initial, clock.attach);
  return (
    <>
      <style>{BOARD_SCALE}</style>
      <BoardView
        state={state}
        connection={connection}
        competitionName={competitionName}
        phone={phone}
        clockOffsetMs={clock.offsetMs}
      />
    </>
  );
}

/** The board drawn from a public state, without a socket of its own (the control room previews it). */
export function BoardView({
  state,
  connection,
  competitionName,
  phone,
  clockOffsetMs = 0,
  inFrame = false,
}: {
  state: PublicState | null;
  connection: Connection;
  competitionName: Localized;
  phone?: { url: string; qr: string } | undefined;
  /** Server time minus local time (useServerClock), for the pitch timer. */
  clockOffsetMs?: number;
  /** Drawn in a frame of its own (the control room's preview): its height, not the window's. */
  inFrame?: boolean;
}) {
  const { t } = useTranslation();
  const height = inFrame ? "h-full" : "min-h-screen lg:h-screen";
  if (!state) {
    return (
      <div
        className={`flex ${height} flex-col items-center justify-center gap-6 bg-slate-950 p-8 text-center text-white`}
      >
        <Bi text={competitionName} className="text-3xl font-bold lg:text-6xl" sub="text-xl lg:text-3xl" />
        <p className="text-xl lg:text-3xl">{t("live.notStarted")}</p>
        <ConnectionBadge connection={connection} className="text-base opacity-80" />
      </div>
    );
  }
  return (
    <LiveBoard
      state={state}
      connection={connection}
      competitionName={competitionName}
      phone={phone}
      clockOffsetMs={clockOffsetMs}
      height={height}
    />
  );
}

function LiveBoard({
  state,
  connection,
  competitionName,
  phone,
  clockOffsetMs,
  height,
}: {
  state: PublicState;
  connection: Connection;
  competitionName: Localized;
  phone?: { url: string; qr: string } | undefined;
  clockOffsetMs: number;
  /** The board's height classes: the window's, or its frame's. */
  height: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const bi = useBiLabel();
  const { ranking, progress } = useStepwiseReveal(state);
  const entry = state.stage.entryId !== null ? (state.entries.find((e) => e.id === state.stage.entryId) ?? null) : null;
  const ranked = new Set(state.ranking.map((r) => r.entryId));
  const sealed = new Set(state.sealed);
  const upcoming = state.entries.filter((e) => !ranked.has(e.id) && !sealed.has(e.id) && e.id !== entry?.id);
  // The audience's award may come before the jury's tiers, but never over a pitch on stage.
  const showAwards = state.awards !== null || (state.audienceAward !== null && entry === null && !state.reveal);
  return (
    <div
      className={`${height} bg-gradient-to-br from-slate-950 via-slate-900 to-indigo-950 text-white lg:flex lg:flex-col lg:overflow-hidden`}
      data-seq={state.seq}
    >
      {state.rehearsal ? (
        <div
          className="bg-amber-400 px-5 py-1 text-center text-lg font-black uppercase tracking-[0.4em] text-slate-950 lg:text-2xl"
          data-testid="rehearsal"
        >
          {t("live.board.rehearsal")}
        </div>
      ) : null}
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
      <div
        className={`flex flex-col gap-6 p-5 lg:grid lg:min-h-0 lg:flex-1 lg:gap-10 lg:p-10 ${
          // Two columns of rows need the room more than the stage does: their titles stay longer.
          boardColumns(state.ranking.length).columns === 2
            ? "lg:grid-cols-[minmax(0,4fr)_minmax(0,8fr)]"
            : "lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]"
        }`}
      >
        {/* On a phone the ranking comes first; on the big screen it is the right-hand column. */}
        <section className="flex min-h-0 flex-col gap-4 lg:order-2" aria-label={t("live.ranking")}>
          <div className="flex items-baseline justify-between gap-4">
            <Bi text={bi("live.ranking")} className="text-2xl font-bold lg:text-3xl" sub="text-base lg:text-lg" />
            {state.sealed.length ? (
              <span className="text-lg text-sky-200 lg:text-2xl" data-testid="sealed-count">
                🔒 {t("live.sealedCount", { count: state.sealed.length })}
              </span>
            ) : null}
          </div>
          <div className="lg:min-h-0 lg:flex-1">
            <RankingTable state={state} ranking={ranking} />
          </div>
          {upcoming.length && state.ceremony === "none" ? (
            <div className="text-sm opacity-80 lg:truncate lg:text-base">
              <span className="font-semibold">{pick(locale, bi("live.yetToPitch"))}:</span>{" "}
              {upcoming.map((e) => e.code).join(" · ")}
            </div>
          ) : null}
        </section>
        <section
          className="min-h-0 rounded-2xl bg-white/5 p-6 lg:order-1 lg:overflow-hidden lg:p-8"
          aria-label={t("live.onStage")}
        >
          {showAwards ? (
            <AwardsPanel state={state} />
          ) : (
            <StagePanel state={state} entry={entry} progress={progress} clockOffsetMs={clockOffsetMs} />
          )}
        </section>
        <VotePanel state={state} />
      </div>
      {state.card ? <MessageCardOverlay state={state} /> : null}
    </div>
  );
}
