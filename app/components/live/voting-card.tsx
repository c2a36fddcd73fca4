// The audience vote in the control room: open or close it, the counted votes per finalist as they
// come in, the audience award shown or taken down (confirmed, with its numbers), and the way to the
// fraud panel. The audience's award is its own: never mixed into the jury's ranking here.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { LiveEntry, PublicState } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { ConfirmStep } from "./confirm-step";
import { Card, entryTitle, primary, secondary } from "./control-ui";
import type { Send } from "./use-control-commands";

export function VotingCard({
  view,
  state,
  byId,
  busy,
  send,
}: {
  view: ControlView;
  state: PublicState;
  byId: ReadonlyMap<number, LiveEntry>;
  busy: boolean;
  send: Send;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const voting = view.control.voting;
  const total = view.votes.reduce((sum, v) => sum + v.votes, 0);
  const top = view.votes[0]?.votes ?? 0;
  const leaders = top > 0 ? view.votes.filter((v) => v.votes === top) : [];
  const name = (id: number) => {
    const e = byId.get(id);
    return e ? `${e.code} ${entryTitle(locale, e)}` : String(id);
  };
  const shown = state.audienceAward;
  return (
    <Card title={t("live.controlRoom.voting")} testId="voting-card">
      <div className="flex flex-wrap items-center gap-2">
        <span
          className={`rounded-full px-2 py-0.5 text-sm font-semibold ${voting === "open" ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700"}`}
          data-testid="voting-state"
          data-voting={voting}
        >
          {t(`live.controlRoom.votingState.${voting}`)}
        </span>
        {voting === "open" ? (
          <button className={secondary} disabled={busy} onClick={() => void send({ type: "voting", voting: "closed" })}>
            {t("live.controlRoom.closeVoting")}
          </button>
        ) : (
          <button className={primary} disabled={busy} onClick={() => void send({ type: "voting", voting: "open" })}>
            {t("live.controlRoom.openVoting")}
          </button>
        )}
        <Link to="/admin/live/votes" className="ml-auto text-sm font-medium text-indigo-700 hover:underline">
          {t("live.controlRoom.fraudPanel")} →
        </Link>
      </div>
      <p className="text-sm text-slate-600">{t("live.controlRoom.votesTotal", { count: total })}</p>
      {view.votes.length ? (
        <ol className="space-y-1 text-sm" data-testid="vote-counts">
          {view.votes.map((v) => (
            <li key={v.entryId} className="flex items-center gap-2" data-entry={v.entryId} data-votes={v.votes}>
              <span className="min-w-0 flex-1 truncate">{name(v.entryId)}</span>
              <span
                className="h-2 rounded bg-indigo-400"
                style={{ width: `${top ? Math.max(2, (v.votes / top) * 120) : 2}px` }}
                aria-hidden="true"
              />
              <span className="w-12 text-right font-mono tabular-nums">{v.votes}</span>
            </li>
          ))}
        </ol>
      ) : null}
      {shown ? (
        <ConfirmStep
          label={t("live.controlRoom.hideAudienceAward")}
          tone={secondary}
          busy={busy}
          message={t("live.controlRoom.hideAudienceAwardConfirm", { entries: shown.entryIds.map(name).join(", ") })}
          onConfirm={(seen) => send({ type: "audienceAward", show: false }, seen)}
          testId="audience-award-hide"
        />
      ) : (
        <ConfirmStep
          label={t("live.controlRoom.showAudienceAward")}
          tone={secondary}
          busy={busy}
          disabled={voting === "open" || leaders.length === 0}
          message={t("live.controlRoom.showAudienceAwardConfirm", {
            entries: leaders.map((l) => name(l.entryId)).join(", "),
            count: top,
            total,
          })}
          onConfirm={(seen) => send({ type: "audienceAward", show: true }, seen)}
          testId="audience-award-show"
        />
      )}
      {voting === "open" && !shown ? (
        <p className="text-xs text-slate-500">{t("live.controlRoom.closeVotingFirst")}</p>
      ) : null}
    </Card>
  );
}
