// The bar at the top of every organizer page naming the edition the pages work on, with the way to
// switch: several editions live side by side, and a change made in the wrong one is the mistake to avoid.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localized, useLocale } from "~/i18n/use-locale";

export type BarEdition = { slug: string; name_zh: string; name_en: string; edition: number };

export function EditionBar({ edition }: { edition: BarEdition | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div
      data-testid="edition-bar"
      className="mb-6 flex flex-wrap items-center justify-between gap-2 rounded-lg border border-indigo-100 bg-indigo-50 px-4 py-2 text-sm"
    >
      {edition ? (
        <Link to={`/admin/competitions/${edition.slug}`} className="font-medium text-indigo-900 hover:underline">
          {t("editions.bar.label", {
            name: localized(locale, edition.name_zh, edition.name_en),
            year: edition.edition,
          })}
        </Link>
      ) : (
        <span className="text-indigo-900">{t("editions.bar.none")}</span>
      )}
      <Link
        to={edition ? "/admin/competitions" : "/admin/competitions/new"}
        className="font-medium text-indigo-700 hover:underline"
      >
        {edition ? t("editions.bar.switch") : t("editions.bar.createFirst")}
      </Link>
    </div>
  );
}
