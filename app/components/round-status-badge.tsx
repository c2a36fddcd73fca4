import { useTranslation } from "react-i18next";
import type { RoundStatus } from "../domain/round-settings";

const STYLES: Record<RoundStatus, string> = {
  draft: "bg-slate-100 text-slate-700 ring-slate-300",
  open: "bg-amber-50 text-amber-800 ring-amber-300",
  closed: "bg-sky-50 text-sky-800 ring-sky-300",
  published: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};

export function RoundStatusBadge({ status }: { status: RoundStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STYLES[status]}`}
    >
      {t(`round.status.${status}`)}
    </span>
  );
}
