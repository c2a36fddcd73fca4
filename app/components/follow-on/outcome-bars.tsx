// A breakdown of the follow-on outcomes as horizontal bars (CSS, no chart library): one row per unit
// with its meetings, held meetings, deals and amount written out, so the chart reads without seeing it.
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/formats";

export type BarRow = { name: string; meetings: number; held: number; deals: number; amountWan: number };

export function OutcomeBars({ id, title, rows }: { id: string; title: string; rows: BarRow[] }) {
  const { t } = useTranslation();
  const formats = useFormats();
  const most = Math.max(1, ...rows.map((r) => r.meetings));
  return (
    <figure aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white p-4">
      <figcaption id={id} className="font-semibold text-slate-900">
        {title}
      </figcaption>
      <p className="mt-1 flex gap-4 text-xs text-slate-500" aria-hidden="true">
        <span className="flex items-center gap-1">
          <span className="inline-block h-2 w-3 bg-indigo-200" /> {t("outcome.board.held")}
        </span>
        <span className="flex items-center gap-1">
          <span className="inline-block h-2 w-3 bg-indigo-600" /> {t("outcome.board.deals")}
        </span>
      </p>
      <ul className="mt-2 space-y-2 text-sm">
        {rows.map((r) => (
          <li key={r.name} className="grid grid-cols-[minmax(6rem,12rem)_1fr] items-center gap-3">
            <span className="truncate" title={r.name}>
              {r.name}
            </span>
            <div>
              <div className="relative h-3 rounded bg-slate-100" aria-hidden="true">
                <div
                  className="absolute inset-y-0 left-0 rounded bg-indigo-200"
                  style={{ width: `${(r.held / most) * 100}%` }}
                />
                <div
                  className="absolute inset-y-0 left-0 rounded bg-indigo-600"
                  style={{ width: `${(r.deals / most) * 100}%` }}
                />
              </div>
              <p className="mt-0.5 text-xs tabular-nums text-slate-600">
                {t("outcome.board.row", {
                  meetings: formats.number(r.meetings),
                  held: formats.number(r.held),
                  deals: formats.number(r.deals),
                  amount: formats.number(r.amountWan),
                })}
              </p>
            </div>
          </li>
        ))}
      </ul>
    </figure>
  );
}
