// A correction before the reveal (or after an undo): scoring opens again for the entry on stage,
// for every judge who submitted or for one picked from the panel, with a reason, confirmed.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { LiveEntry } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { entryTitle, input, secondary } from "./control-ui";
import { ReasonForm } from "./reason-forms";
import type { Send } from "./use-control-commands";

export function ReopenForm({
  view,
  entry,
  busy,
  send,
}: {
  view: ControlView;
  entry: LiveEntry;
  busy: boolean;
  send: Send;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const submitted = view.panel.filter((p) => p.submitted);
  const [judge, setJudge] = useState("all");
  const picked = submitted.find((p) => String(p.judgeId) === judge);
  const title = `${entry.code} ${entryTitle(locale, entry)}`;
  const confirm = picked
    ? t("live.controlRoom.reopenConfirmOne", { entry: title, seat: picked.seat, name: picked.name })
    : t("live.controlRoom.reopenConfirmAll", { entry: title, count: submitted.length });
  return (
    <details className="rounded-lg border border-slate-200 p-2" data-testid="reopen">
      <summary className="cursor-pointer text-sm font-semibold text-slate-800">{t("live.controlRoom.reopen")}</summary>
      <p className="my-2 text-xs text-slate-500">{t("live.controlRoom.reopenHint")}</p>
      <ReasonForm
        label={t("live.controlRoom.reopenReason")}
        submit={t("live.controlRoom.reopen")}
        tone={secondary}
        busy={busy}
        confirm={confirm}
        onSubmit={(reason, seen) =>
          send({ type: "reopen", reason, ...(picked ? { judgeId: picked.judgeId } : {}) }, seen)
        }
        testId="reopen-form"
      >
        <label className="block text-sm">
          <span className="font-medium">{t("live.controlRoom.reopenFor")}</span>
          <select className={input} value={judge} onChange={(e) => setJudge(e.target.value)}>
            <option value="all">{t("live.controlRoom.reopenAll", { count: submitted.length })}</option>
            {submitted.map((p) => (
              <option key={p.judgeId} value={String(p.judgeId)}>
                {t("live.seat", { n: p.seat })} · {p.name}
              </option>
            ))}
          </select>
        </label>
      </ReasonForm>
    </details>
  );
}
