// The control room's pitch order: each finalist with its state (withdrawn, sealed, revealed) and
// the buttons that move it, put it on stage, or hide it.
import { useTranslation } from "react-i18next";
import type { LiveEntry } from "~/domain/live-final";
import { useLocale } from "~/i18n/use-locale";
import type { ControlView } from "~/live/protocol";
import { Card, entryTitle, secondary } from "./control-ui";
import { HideButton } from "./reason-forms";
import type { Send } from "./use-control-commands";

export function PitchOrder({
  view,
  byId,
  busy,
  send,
}: {
  view: ControlView;
  byId: ReadonlyMap<number, LiveEntry>;
  busy: boolean;
  send: Send;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const control = view.control;
  const revealed = new Set(control.revealed);
  const sealed = new Set(control.sealed);
  const withdrawn = new Set(view.withdrawn);
  const scoring = control.phase === "scoring" || control.phase === "closed";
  const move = (index: number, by: number) => {
    const order = [...control.order];
    const [id] = order.splice(index, 1);
    order.splice(index + by, 0, id!);
    void send({ type: "reorder", order });
  };
  return (
    <Card title={t("live.pitchOrder")} testId="pitch-order">
      <ol className="divide-y divide-slate-100">
        {control.order.map((id, i) => {
          const e = byId.get(id);
          return (
            <li
              key={id}
              className={`flex flex-wrap items-center gap-2 py-2 ${id === control.current ? "bg-indigo-50" : ""}`}
              data-entry={id}
            >
              <span className="w-6 text-right font-mono text-sm text-slate-500">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{entryTitle(locale, e)}</span>
                <span className="block truncate text-xs text-slate-500">
                  {e?.code} · {e?.organization}
                </span>
              </span>
              {withdrawn.has(id) ? (
                <span className="rounded bg-rose-100 px-1.5 text-xs text-rose-800">{t("live.control.withdrawn")}</span>
              ) : null}
              {sealed.has(id) ? (
                <span className="rounded bg-sky-100 px-1.5 text-xs text-sky-800">🔒 {t("live.control.sealed")}</span>
              ) : revealed.has(id) ? (
                <span className="rounded bg-emerald-100 px-1.5 text-xs text-emerald-800">
                  {t("live.control.revealed")}
                </span>
              ) : null}
              <button
                className={secondary}
                aria-label={t("live.control.moveUp")}
                disabled={busy || i === 0}
                onClick={() => move(i, -1)}
              >
                ↑
              </button>
              <button
                className={secondary}
                aria-label={t("live.control.moveDown")}
                disabled={busy || i === control.order.length - 1}
                onClick={() => move(i, 1)}
              >
                ↓
              </button>
              <button
                className={secondary}
                disabled={busy || id === control.current || scoring || control.ceremony !== "none"}
                onClick={() => void send({ type: "stage", entryId: id })}
              >
                {t("live.control.putOnStage")}
              </button>
              <HideButton
                busy={busy}
                confirm={t(
                  revealed.has(id) || sealed.has(id)
                    ? "live.controlRoom.hideConfirm"
                    : "live.controlRoom.hideConfirmUnscored",
                  { entry: `${e?.code ?? ""} ${entryTitle(locale, e)}` },
                )}
                onHide={(reason, seen) => send({ type: "hide", entryId: id, reason }, seen)}
              />
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
