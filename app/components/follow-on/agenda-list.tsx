// A person's meeting agenda as a table: when (in the edition's zone), the table, who with, the entry;
// before the schedule is published, only the words that say so.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/formats";
import { localized, useLocale } from "~/i18n/use-locale";
import type { AgendaView } from "~/services/follow-on/agenda.server";

export function AgendaList({
  agenda,
  icsHref,
  outcomesHref,
}: {
  agenda: AgendaView;
  icsHref: string;
  outcomesHref?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formats = useFormats(agenda.timeZone);
  const range = (from: string, to: string) =>
    `${formats.date(from, { dateStyle: "medium", timeStyle: "short" })}–${formats.date(to, { timeStyle: "short" })}`;
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("agenda.title")}</h1>
        <p className="mt-1 text-sm text-slate-600">{t("agenda.intro")}</p>
      </header>
      {!agenda.published ? (
        <p
          role="status"
          data-testid="agenda-not-published"
          className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          {t("agenda.notPublished")}
        </p>
      ) : agenda.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("agenda.empty")}</p>
      ) : (
        <>
          <p className="text-sm text-slate-600">{t("agenda.timeZone", { zone: agenda.timeZone })}</p>
          <table className="w-full border-collapse text-left text-sm">
            <thead className="border-b border-slate-300 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-3">
                  {t("agenda.when")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("agenda.table")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("agenda.with")}
                </th>
                <th scope="col" className="py-2">
                  {t("agenda.entry")}
                </th>
              </tr>
            </thead>
            <tbody>
              {agenda.items.map((i) => (
                <tr key={i.requestId} data-testid={`agenda-${i.requestId}`} className="border-b border-slate-100">
                  <td className="py-2 pr-3 tabular-nums">{range(i.startsAt, i.endsAt)}</td>
                  <td className="whitespace-nowrap py-2 pr-3">
                    {i.tableNo === null ? t("agenda.noTable") : t("agenda.tableNo", { table: i.tableNo })}
                  </td>
                  <td className="py-2 pr-3">{localized(locale, i.withZh, i.withEn)}</td>
                  <td className="whitespace-nowrap py-2 font-mono">{i.entryCode}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <a
          href={icsHref}
          download
          className="rounded-md bg-indigo-600 px-3 py-2 font-medium text-white hover:bg-indigo-700"
        >
          {t("agenda.download")}
        </a>
        <span className="text-slate-500">{t("agenda.downloadHint")}</span>
      </div>
      {outcomesHref ? (
        <Link to={outcomesHref} className="text-sm text-indigo-700 hover:underline">
          {t("agenda.outcomes")}
        </Link>
      ) : null}
    </div>
  );
}
