// The stored meeting schedule on the organizers' page: the meetings that found no place, each with
// its reason in words, and the placed ones compactly by day and slot (each slot's tables folded).
import { useTranslation } from "react-i18next";
import { localized, useLocale } from "~/i18n/use-locale";

/** One meeting of the stored schedule, as the page receives it. */
type Shown = {
  requestId: number;
  startsAt: string | null;
  tableNo: number | null;
  reason: "noCommonTime" | "participantsBooked" | "tablesFull" | null;
  entryCode: string;
  entryZh: string | null;
  entryEn: string | null;
  partnerZh: string | null;
  partnerEn: string | null;
};

function useNames() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (m: Shown) =>
    t("schedule.page.with", {
      partner: localized(locale, m.partnerZh, m.partnerEn),
      entry: `${m.entryCode} ${localized(locale, m.entryZh, m.entryEn)}`.trim(),
    });
}

export function UnplacedList({ meetings }: { meetings: readonly Shown[] }) {
  const { t } = useTranslation();
  const names = useNames();
  if (meetings.length === 0) return <p className="mt-2 text-sm text-slate-600">{t("schedule.page.noUnplaced")}</p>;
  return (
    <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" id="unplaced">
      {meetings.map((m) => (
        <li key={m.requestId} className="px-3 py-2 text-sm">
          <span className="font-medium text-slate-900">{names(m)}</span>
          <span className="block text-slate-600">{m.reason ? t(`schedule.page.reasons.${m.reason}`) : null}</span>
        </li>
      ))}
    </ul>
  );
}

/** Placed meetings by day, one row per slot with its count, the slot's tables folded under it. */
export function PlacedGrid({ meetings, timeZone }: { meetings: readonly Shown[]; timeZone: string }) {
  const { t, i18n } = useTranslation();
  const names = useNames();
  if (meetings.length === 0) return <p className="mt-2 text-sm text-slate-600">{t("schedule.page.noPlaced")}</p>;
  const dayOf = new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeZone });
  const timeOf = new Intl.DateTimeFormat(i18n.language, { timeStyle: "short", timeZone });
  const days = new Map<string, Map<string, Shown[]>>();
  for (const m of meetings) {
    const at = new Date(m.startsAt!);
    const day = dayOf.format(at);
    const slots = days.get(day) ?? new Map<string, Shown[]>();
    slots.set(m.startsAt!, [...(slots.get(m.startsAt!) ?? []), m]);
    days.set(day, slots);
  }
  return (
    <div className="mt-3 space-y-4" id="placed">
      {[...days].map(([day, slots]) => (
        <div key={day}>
          <h3 className="text-sm font-semibold text-slate-800">{day}</h3>
          <ul className="mt-1 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {[...slots].map(([at, list]) => (
              <li key={at} className="px-3 py-1.5 text-sm">
                <details>
                  <summary className="cursor-pointer">
                    <span className="font-mono text-slate-900">{timeOf.format(new Date(at))}</span>
                    <span className="ml-3 text-slate-600">{t("schedule.page.slotCount", { count: list.length })}</span>
                  </summary>
                  <ul className="mt-1 space-y-0.5 pl-4 text-slate-700">
                    {list.map((m) => (
                      <li key={m.requestId}>
                        <span className="mr-2 text-slate-500">{t("schedule.page.table", { n: m.tableNo })}</span>
                        {names(m)}
                      </li>
                    ))}
                  </ul>
                </details>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
