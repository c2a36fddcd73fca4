// The sheet's running weighted total, worked out by the domain as marks are typed or tapped.
import { useTranslation } from "react-i18next";
import type { RunningTotal as Total } from "~/domain/sheet-total";

export function RunningTotal({ total }: { total: Total }) {
  const { t } = useTranslation();
  return (
    <p className="flex w-full flex-wrap items-baseline gap-x-2 text-sm" data-testid="running-total" aria-live="polite">
      <span className="font-medium text-slate-700">{t("sheet.total")}</span>
      <span className="text-xl font-bold tabular-nums text-slate-900" data-testid="running-total-value">
        {t("sheet.totalOf", { total: total.total, max: total.max })}
      </span>
      <span className="text-xs text-slate-500">
        {total.complete ? t("sheet.totalComplete") : t("sheet.totalMarked", { marked: total.marked, of: total.of })}
      </span>
    </p>
  );
}
