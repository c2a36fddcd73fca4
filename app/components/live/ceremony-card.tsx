// The control room's ceremony: freezing the public board, each step of the bottom-up reveal, and
// the award tiers.
import { useTranslation } from "react-i18next";
import type { Command } from "~/domain/live-final";
import type { ControlView } from "~/live/protocol";
import { AwardsForm } from "./awards-form";
import { Card, primary, secondary } from "./control-ui";

export function CeremonyCard({
  control,
  busy,
  send,
}: {
  control: ControlView["control"];
  busy: boolean;
  send: (command: Command) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  return (
    <Card title={t("live.ceremony")} testId="ceremony-card">
      {control.frozen ? (
        <p className="rounded-lg bg-sky-50 p-2 text-sm text-sky-900">{t("live.control.frozenNote")}</p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {!control.frozen && control.ceremony === "none" ? (
          <button className={secondary} disabled={busy} onClick={() => void send({ type: "freeze" })}>
            ❄ {t("live.control.freeze")}
          </button>
        ) : null}
        {control.frozen && control.ceremony !== "done" ? (
          <button
            className={primary}
            disabled={busy}
            onClick={() => void send({ type: "ceremonyStep" })}
            data-testid="ceremony-step"
          >
            {control.ceremony === "none"
              ? t("live.control.ceremonyStart")
              : control.sealed.length
                ? t("live.control.ceremonyNext")
                : t("live.control.ceremonyAwards")}
          </button>
        ) : null}
        {control.ceremony === "done" ? (
          <p className="text-sm text-slate-600">{t("live.control.ceremonyDone")}</p>
        ) : null}
      </div>
      <AwardsForm
        counts={control.awardCounts}
        trackTop={control.trackTop ?? 0}
        busy={busy || control.ceremony === "done"}
        onSave={(counts, trackTop) => send({ type: "awards", counts, trackTop })}
      />
    </Card>
  );
}
