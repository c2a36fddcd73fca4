// "Remind judges who are behind": who gets a reminder (name, done of assigned, what is left), who
// was reminded within the hour and when they may be again, then the confirmation.
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/form-field";
import { Section } from "~/components/section";
import { formMessage, type Refusal } from "~/domain/refusal";
import { ConfirmSend } from "./confirm-send";

type Judge = { judgeId: number; name: string; assigned: number; submitted: number; drafts: number; left: number };
export type ReminderPreview = {
  open: boolean;
  recipients: Judge[];
  recent: (Judge & { nextAt: string })[];
  fingerprint: string;
};
type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

export function RemindBehind({
  preview,
  sent,
  timeZone,
  refusal,
}: {
  preview: ReminderPreview;
  sent: number | null;
  timeZone: string;
  refusal: ShownRefusal;
}) {
  const { t, i18n } = useTranslation();
  const message = formMessage(refusal);
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone });
  const line = (j: Judge) => (
    <>
      <span className="min-w-0 flex-1 truncate">{j.name}</span>
      <span className="font-mono text-xs">
        {t("messages.remind.doneOf", { done: j.submitted, assigned: j.assigned })}
      </span>
      <span className="text-xs text-slate-600">{t("messages.remind.left", { left: j.left, drafts: j.drafts })}</span>
    </>
  );
  return (
    <Section id="reminders" title={t("messages.remind.title")}>
      <p className="mt-1 text-sm text-slate-600">{t("messages.remind.help")}</p>
      {sent !== null ? (
        <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("messages.remind.sent", { count: sent })}
        </p>
      ) : null}
      {message ? <FormMessage>{t(message)}</FormMessage> : null}
      <p className="mt-2 text-sm font-medium text-slate-800" data-testid="remind-summary">
        {!preview.open
          ? t("messages.remind.notOpen")
          : preview.recipients.length === 0
            ? t("messages.remind.none")
            : t("messages.remind.summary", { count: preview.recipients.length })}
      </p>
      <ul className="mt-2 max-h-64 space-y-1 overflow-auto text-sm" data-testid="remind-recipients">
        {preview.recipients.map((j) => (
          <li key={j.judgeId} className="flex items-center gap-2">
            {line(j)}
          </li>
        ))}
      </ul>
      {preview.recent.length > 0 ? (
        <ul className="mt-2 space-y-1 text-sm text-slate-500" data-testid="remind-recent">
          {preview.recent.map((j) => (
            <li key={j.judgeId} className="flex items-center gap-2">
              {line(j)}
              <span className="text-xs">
                {t("messages.remind.recently", { time: time.format(new Date(j.nextAt)) })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      {preview.recipients.length > 0 ? (
        <ConfirmSend
          form="remind"
          fingerprint={preview.fingerprint}
          count={preview.recipients.length}
          labelKey="messages.remind.confirmLabel"
          buttonKey="messages.remind.confirm"
          refusal={refusal}
        />
      ) : null}
    </Section>
  );
}
