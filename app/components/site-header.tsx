import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/config";

/** Top bar with the language switch: a plain form, so it works before (or without) JavaScript. */
export function SiteHeader({ locale, path }: { locale: Locale; path: string }) {
  const { t } = useTranslation();
  const other: Locale = locale === "en" ? "zh-Hans" : "en";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3 sm:px-6 lg:px-8">
        <Link to="/" className="flex items-baseline gap-2">
          <span className="text-lg font-bold tracking-tight text-indigo-700">{t("app.name")}</span>
          <span className="hidden text-sm text-slate-500 sm:inline">{t("app.tagline")}</span>
        </Link>
        <Form method="post" action="/locale" reloadDocument>
          <input type="hidden" name="locale" value={other} />
          <input type="hidden" name="redirectTo" value={path} />
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            aria-label={t("nav.language")}
            lang={other}
          >
            {t("nav.switchTo")}
          </button>
        </Form>
      </div>
    </header>
  );
}
