// The control room's ceremony: freezing the public board (and lifting the freeze), starting the
// ceremony (and undoing a start taken by mistake), each step of the bottom-up reveal, one award
// tier per step, and the award tiers' configuration. Each irreversible step is confirmed with what
// it will do, in numbers.
import { useTranslation } from "react-i18next";
import { awardsInRevealOrder } from "~/domain/live-commands";
import type { LiveEntry } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { AwardsForm } from "./awards-form";
import { ConfirmStep } from "./confirm-step";
import { Card, danger, entryTitle, primary, secondary } from "./control-ui";
import { ReasonForm } from "./reason-forms";
import type { Send } from "./use-control-commands";

type Props = { view: ControlView; byId: ReadonlyMap<number, LiveEntry>; busy: boolean; send: Send };

export function CeremonyCard({ view, byId, busy, send }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const control = view.control;
  const name = (id: number | null | undefined) => {
    const e = id == null ? undefined : byId.get(id);
    return e ? `${e.code} ${entryTitle(locale, e)}` : "";
  };
  const revealed = new Set(control.revealed);
  const sealed = new Set(control.sealed);
  const withdrawn = new Set(view.withdrawn);
  const toPitch = control.order.filter((id) => !revealed.has(id) && !sealed.has(id) && !withdrawn.has(id)).length;
  const tierName = (tier: string, track?: string) =>
    tier === "trackTop" ? `${t("live.trackTop")}${track ? ` (${track})` : ""}` : t(`live.tier.${tier}`);
  // The tiers the ceremony will award, in the order it reveals them (as the domain orders them).
  const awardOrder = awardsInRevealOrder(view.ranking, control, (id) => byId.get(id)?.track.en ?? "");
  const tiersAhead = awardOrder.map((a) => tierName(a.tier, a.track)).join(" → ");
  const lowestSealed = [...view.ranking].reverse().find((r) => r.sealed);
  const nextAward = awardOrder[control.awardsShown];
  const lastAward = control.awardsShown + 1 >= awardOrder.length;

  const step = (() => {
    if (control.ceremony === "none")
      return {
        label: t("live.control.ceremonyStart"),
        message: t("live.controlRoom.startConfirm", { count: control.sealed.length, tiers: tiersAhead || "–" }),
      };
    if (control.sealed.length && lowestSealed)
      return {
        label: t("live.control.ceremonyNext"),
        message: t("live.controlRoom.nextSealedConfirm", {
          entry: name(lowestSealed.entryId),
          rank: lowestSealed.rank ?? "–",
          of: view.ranking.length,
          left: control.sealed.length,
        }),
      };
    if (!nextAward) return { label: t("live.control.ceremonyAwards"), message: t("live.controlRoom.endConfirm") };
    const message = t("live.controlRoom.tierConfirm", {
      tier: tierName(nextAward.tier, nextAward.track),
      count: nextAward.entryIds.length,
      entries: nextAward.entryIds.map(name).join(", "),
    });
    return {
      label:
        control.awardsShown === 0
          ? t("live.control.ceremonyAwards")
          : t("live.controlRoom.showTier", { tier: tierName(nextAward.tier, nextAward.track) }),
      message: lastAward ? `${message} ${t("live.controlRoom.lastTier")}` : message,
    };
  })();

  return (
    <Card title={t("live.ceremony")} testId="ceremony-card">
      {control.frozen ? (
        <p className="rounded-lg bg-sky-50 p-2 text-sm text-sky-900">{t("live.control.frozenNote")}</p>
      ) : null}
      {control.ceremony === "running" ? (
        <p className="text-sm text-slate-600" data-testid="ceremony-progress">
          {t("live.controlRoom.ceremonyProgress", {
            left: control.sealed.length,
            shown: control.awardsShown,
            tiers: awardOrder.length,
          })}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {!control.frozen && control.ceremony === "none" ? (
          <ConfirmStep
            label={`❄ ${t("live.control.freeze")}`}
            tone={secondary}
            busy={busy}
            message={t("live.controlRoom.freezeConfirm", { count: toPitch })}
            onConfirm={(seen) => send({ type: "freeze" }, seen)}
            testId="freeze"
          />
        ) : null}
        {control.frozen && control.ceremony !== "done" ? (
          <ConfirmStep
            label={step.label}
            tone={primary}
            busy={busy}
            message={step.message}
            onConfirm={(seen) => send({ type: "ceremonyStep" }, seen)}
            testId="ceremony-step"
          />
        ) : null}
        {control.ceremony === "done" ? (
          <p className="text-sm text-slate-600">{t("live.control.ceremonyDone")}</p>
        ) : null}
      </div>
      {control.frozen && control.ceremony === "none" ? (
        <ReasonForm
          label={t("live.controlRoom.unfreezeReason")}
          submit={t("live.controlRoom.unfreeze")}
          tone={secondary}
          busy={busy}
          confirm={t("live.controlRoom.unfreezeConfirm", { count: control.sealed.length })}
          onSubmit={(reason, seen) => send({ type: "unfreeze", reason }, seen)}
          testId="unfreeze-form"
        />
      ) : null}
      {control.ceremony === "running" && control.ceremonySteps === 0 ? (
        <ReasonForm
          label={t("live.controlRoom.undoStartReason")}
          submit={t("live.controlRoom.undoStart")}
          tone={danger}
          busy={busy}
          confirm={
            control.beforeCeremony?.current
              ? t("live.controlRoom.undoStartConfirmStage", {
                  entry: name(control.beforeCeremony.current),
                  count: control.sealed.length,
                })
              : t("live.controlRoom.undoStartConfirm", { count: control.sealed.length })
          }
          onSubmit={(reason, seen) => send({ type: "undoCeremonyStart", reason }, seen)}
          testId="undo-start-form"
        />
      ) : null}
      <AwardsForm
        counts={control.awardCounts}
        trackTop={control.trackTop ?? 0}
        busy={busy || control.ceremony === "done"}
        onSave={(counts, trackTop, seen) => send({ type: "awards", counts, trackTop }, seen)}
      />
    </Card>
  );
}
