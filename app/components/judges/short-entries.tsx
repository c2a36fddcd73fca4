// The round's entries short of judges: code (linked to the entry), title, how many judges of how
// many needed, and why (no judges, conflicts and which rule, invitations not accepted, or simply
// judges free for another run), with a link to the entry's panel.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Section } from "~/components/section";
import { localized, useLocale } from "~/i18n/use-locale";
import type { ShortListed } from "~/services/assignment.server";

const EXCLUSIONS = ["declared_entry", "declared_organization", "affiliation", "same_country"] as const;

export function ShortEntries({ short, total }: { short: ShortListed[]; total: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Section id="short" title={`${t("common.shortOfJudges")} (${total})`}>
      {total === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{t("assignTable.shortNone")}</p>
      ) : (
        <>
          {total > short.length ? (
            <p className="mt-1 text-sm text-slate-600">{t("assignTable.shortShown", { shown: short.length, total })}</p>
          ) : null}
          <div className="mt-2 max-h-96 overflow-auto rounded-xl border border-rose-200 bg-white">
            <table className="w-full text-left text-sm" data-testid="short-entries">
              <tbody>
                {short.map((s) => (
                  <tr key={s.entryId} className="border-t border-slate-100 align-top first:border-t-0">
                    <td className="px-2 py-1">
                      <Link to={`/admin/entries/${s.entryId}`} className="font-mono text-indigo-700 hover:underline">
                        {s.code}
                      </Link>
                    </td>
                    <td className="px-2 py-1">{localized(locale, s.titleZh, s.titleEn)}</td>
                    <td className="whitespace-nowrap px-2 py-1 font-mono text-rose-800">
                      {t("assignTable.shortOf", { assigned: s.assigned, needed: s.needed })}
                    </td>
                    <td className="px-2 py-1 text-slate-700">
                      {t(`assignTable.cause.${s.cause}`)}
                      {EXCLUSIONS.filter((x) => s.excluded[x]).map((x) => (
                        <span key={x}> · {t(`assignTable.excluded.${x}`, { count: s.excluded[x] })}</span>
                      ))}
                      {s.freeNotAccepted > 0 && s.cause !== "not_accepted" ? (
                        <span> · {t("assignTable.cause.notAcceptedCount", { count: s.freeNotAccepted })}</span>
                      ) : null}
                    </td>
                    <td className="px-2 py-1">
                      <Link
                        to={`?entry=${encodeURIComponent(s.code)}#panel`}
                        className="text-indigo-700 hover:underline"
                      >
                        {t("assignTable.openPanel")}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Section>
  );
}
