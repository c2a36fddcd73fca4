// A message's status as a coloured word, and the date format the outbox pages share.
import { useTranslation } from "react-i18next";
import type { OutboxStatus } from "~/domain/outbox";

const tone: Record<OutboxStatus, string> = {
  pending: "bg-amber-50 text-amber-800",
  sending: "bg-sky-50 text-sky-800",
  sent: "bg-emerald-50 text-emerald-800",
  failed: "bg-rose-50 text-rose-800",
  cancelled: "bg-slate-100 text-slate-600",
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${tone[status]}`} data-status={status}>
      {t(`mail.outbox.status.${status}`)}
    </span>
  );
}

/** Dates in the edition's time zone, in the reader's language. */
export function useOutboxDate(timeZone: string) {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  return (iso: string | null) => (iso ? format.format(new Date(iso)) : "—");
}
