// The organizer's list of a competition's judges: name and e-mail, affiliation, country, tracks,
// conflicts (confirmed, and suggested ones waiting) and the state of the account.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CountryLabel } from "~/components/country-label";
import { useLocale } from "~/i18n/use-locale";

export type JudgeRow = {
  id: number;
  name: string;
  email: string;
  affiliation: string;
  country: string;
  tracks: string | null;
  conflicts: number | null;
  pending: number | null;
  disabled_at: string | null;
  invited: number;
};

export function JudgeTable({ judges }: { judges: JudgeRow[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mt-2 max-h-[28rem] overflow-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 bg-slate-50 text-slate-500">
          <tr>
            <th className="px-2 py-2">{t("common.name")}</th>
            <th className="px-2">{t("judges.affiliation")}</th>
            <th className="px-2">{t("judges.country")}</th>
            <th className="px-2">{t("judges.tracks")}</th>
            <th className="px-2">{t("judges.conflicts")}</th>
            <th className="px-2">{t("judges.account")}</th>
          </tr>
        </thead>
        <tbody>
          {judges.map((j) => (
            <tr key={j.id} className="border-t border-slate-100">
              <td className="px-2 py-1">
                <Link to={`/admin/judges/${j.id}`} className="text-indigo-700 hover:underline">
                  {j.name}
                </Link>
                <span className="block text-xs text-slate-500">{j.email}</span>
              </td>
              <td className="px-2">{j.affiliation}</td>
              <td className="px-2">
                <CountryLabel code={j.country} locale={locale} />
              </td>
              <td className="px-2 font-mono text-xs">{j.tracks ?? ""}</td>
              <td className="px-2 font-mono">
                {j.conflicts ?? 0}
                {j.pending ? <span className="ml-1 text-amber-700">+{j.pending}?</span> : null}
              </td>
              <td className="px-2 text-xs">
                {j.disabled_at ? t("users.disabled") : j.invited ? t("judges.invited") : t("users.active")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
