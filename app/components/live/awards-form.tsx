// The award tiers of the ceremony (how many champions, runners-up, thirds) and the per-track top N,
// saved after a confirmation that repeats the numbers.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmPanel, useConfirmation } from "./confirm-step";
import { input, secondary } from "./control-ui";

export function AwardsForm({
  counts,
  trackTop,
  busy,
  onSave,
}: {
  counts: [number, number, number];
  trackTop: number;
  busy: boolean;
  onSave: (counts: [number, number, number], trackTop: number, seenVersion: number) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState(counts.map(String));
  const [perTrack, setPerTrack] = useState(String(trackTop));
  const { confirmOpen, showConfirm, hideConfirm, confirmTrigger } = useConfirmation();
  const tiers = ["champion", "runnerUp", "third"] as const;
  const numbers = values.map((v) => Number(v)) as [number, number, number];
  const summary = [
    ...tiers.map((tier, i) => `${t(`live.tier.${tier}`)}: ${numbers[i]}`),
    t("live.controlRoom.trackTopCount", { count: Number(perTrack) }),
  ].join(" · ");
  return (
    <form
      className="space-y-2"
      data-testid="awards-form"
      onSubmit={(e) => {
        e.preventDefault();
        showConfirm();
      }}
    >
      <p className="text-sm font-medium">{t("live.control.awardCounts")}</p>
      <p className="text-xs text-slate-500">{t("live.control.awardCountsHint")}</p>
      <div className="grid grid-cols-3 gap-2">
        {tiers.map((tier, i) => (
          <label key={tier} className="text-sm">
            <span>{t(`live.tier.${tier}`)}</span>
            <input
              className={input}
              type="number"
              min={i === 0 ? 1 : 0}
              max={10}
              value={values[i]}
              onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
            />
          </label>
        ))}
      </div>
      <label className="block text-sm">
        <span>{t("live.control.trackTop")}</span>
        <input
          className={input}
          type="number"
          min={0}
          max={50}
          value={perTrack}
          onChange={(e) => setPerTrack(e.target.value)}
        />
      </label>
      {confirmOpen ? (
        <ConfirmPanel
          message={t("live.controlRoom.awardsConfirm", { tiers: summary })}
          busy={busy}
          onCancel={hideConfirm}
          onConfirm={(seen) => void onSave(numbers, Number(perTrack), seen).finally(hideConfirm)}
        />
      ) : (
        <button ref={confirmTrigger} className={secondary} disabled={busy}>
          {t("live.control.saveAwards")}
        </button>
      )}
    </form>
  );
}
