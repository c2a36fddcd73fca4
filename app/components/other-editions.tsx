// The other editions of the competition, each linked to its own public home: under an edition's name,
// so a reader always knows which year they are looking at and how to reach the others.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localized, useLocale } from "~/i18n/use-locale";

export type EditionLink = { id: number; slug: string; name_zh: string; name_en: string; edition: number };

export function OtherEditions({ editions }: { editions: readonly EditionLink[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (editions.length === 0) return null;
  return (
    <nav aria-labelledby="other-editions" className="mt-3 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <h2 id="other-editions" className="font-medium text-slate-500">
        {t("editions.public.otherEditions")}
      </h2>
      <ul className="flex flex-wrap gap-x-3 gap-y-1">
        {editions.map((e) => (
          <li key={e.id}>
            <Link to={`/c/${e.slug}`} className="font-medium text-indigo-700 hover:underline">
              {t("editions.public.editionName", { name: localized(locale, e.name_zh, e.name_en), year: e.edition })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
