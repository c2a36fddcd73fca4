import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Locale } from "~/i18n/config";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;

/** Top bar with the language switch: a plain form, so it works before (or without) JavaScript. */
type HeaderUser = { displayName: string; roles: string[] };

export function SiteHeader({
  locale,
  path,
  competitionSlug,
  user,
}: {
  locale: Locale;
  path: string;
  competitionSlug: string | null;
  user: HeaderUser | null;
}) {
  const { t } = useTranslation();
  const other: Locale = locale === "en" ? "zh-Hans" : "en";
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl items-center justify-between gap-3 px-4 py-2.5 sm:px-6 lg:px-8">
        <div className="flex min-w-0 items-center gap-4">
          <Link to="/" className="flex shrink-0 items-baseline gap-2">
            <span className="text-lg font-bold tracking-tight text-indigo-700">{t("app.name")}</span>
            <span className="hidden text-sm text-slate-500 md:inline">{t("app.tagline")}</span>
          </Link>
          {competitionSlug ? (
            <nav aria-label={t("nav.main")} className="flex items-center gap-1">
              <NavLink to={`/c/${competitionSlug}`} end className={navClass}>
                {t("nav.home")}
              </NavLink>
              <NavLink to={`/c/${competitionSlug}/results`} className={navClass}>
                {t("nav.results")}
              </NavLink>
            </nav>
          ) : null}
        </div>
        <div className="flex items-center gap-2">
          {user ? (
            <>
              {user.roles.includes("organizer") ? (
                <>
                  <NavLink to="/admin/entries" className={navClass}>
                    {t("admin.entriesTitle")}
                  </NavLink>
                  <NavLink to="/admin/users" className={navClass}>
                    {t("users.title")}
                  </NavLink>
                </>
              ) : null}
              {user.roles.includes("entrant") ? (
                <NavLink to="/me" className={navClass} title={t("auth.signedInAs", { name: user.displayName })}>
                  {t("me.title")}
                </NavLink>
              ) : (
                <span className="hidden text-sm text-slate-600 sm:inline">{t("auth.signedInAs", { name: user.displayName })}</span>
              )}
              <Form method="post" action="/logout">
                <button type="submit" className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100">
                  {t("auth.signOut")}
                </button>
              </Form>
            </>
          ) : (
            <NavLink to="/login" className={navClass}>
              {t("auth.signIn")}
            </NavLink>
          )}
        <Form method="post" action="/locale" reloadDocument>
          <input type="hidden" name="locale" value={other} />
          <input type="hidden" name="redirectTo" value={path} />
          <button
            type="submit"
            className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
            aria-label={`${t("nav.language")}: ${t("nav.switchTo")}`}
            lang={other}
          >
            {t("nav.switchTo")}
          </button>
        </Form>
        </div>
      </div>
    </header>
  );
}
