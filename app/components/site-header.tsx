import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AUTONYMS, type Locale } from "~/i18n/config";

const navClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium ${isActive ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`;

type HeaderUser = { displayName: string; roles: string[] };

/**
 * Top bar: brand, account and language on the first line; the navigation beside them on wide
 * screens and on its own scrollable line on phones. The language switch is a plain form, so it
 * works before (or without) JavaScript.
 */
export function SiteHeader({
  locale,
  languages,
  path,
  competitionSlug,
  user,
  registerHref = null,
}: {
  locale: Locale;
  /** The languages the switch offers, in the order to show them. */
  languages: readonly Locale[];
  path: string;
  competitionSlug: string | null;
  user: HeaderUser | null;
  /** Where the register button leads, while registration is open and the reader may enter. */
  registerHref?: string | null;
}) {
  const { t } = useTranslation();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 sm:px-6 lg:flex-nowrap lg:px-8">
        <Link to="/" className="flex shrink-0 items-baseline gap-2">
          <span className="text-lg font-bold tracking-tight text-indigo-700">{t("app.name")}</span>
          <span className="hidden text-sm text-slate-500 xl:inline">{t("app.tagline")}</span>
        </Link>
        <nav
          aria-label={t("nav.main")}
          className="order-last -mx-1 flex w-full items-center gap-1 overflow-x-auto lg:order-none lg:mx-0 lg:w-auto lg:flex-1"
        >
          {competitionSlug ? (
            <>
              <NavLink to={`/c/${competitionSlug}`} end className={navClass}>
                {t("nav.home")}
              </NavLink>
              <NavLink to={`/c/${competitionSlug}/results`} className={navClass}>
                {t("nav.results")}
              </NavLink>
              <NavLink to={`/live/${competitionSlug}`} className={navClass}>
                {t("live.title")}
              </NavLink>
            </>
          ) : null}
          {user?.roles.includes("entrant") ? (
            <NavLink to="/me" className={navClass}>
              {t("me.title")}
            </NavLink>
          ) : null}
          {user?.roles.includes("judge") ? (
            <>
              <NavLink to="/judge" end className={navClass}>
                {t("judge.nav")}
              </NavLink>
              <NavLink to="/judge/live" className={navClass}>
                {t("live.judge.nav")}
              </NavLink>
            </>
          ) : null}
          {user?.roles.includes("partner") ? (
            <NavLink to="/partner" className={navClass}>
              {t("matching.partnerHome")}
            </NavLink>
          ) : null}
          {user?.roles.includes("organizer") ? (
            <>
              <NavLink to="/admin/competitions" className={navClass}>
                {t("editions.title")}
              </NavLink>
              <NavLink to="/admin/entries" className={navClass}>
                {t("admin.entriesTitle")}
              </NavLink>
              <NavLink to="/admin/rounds" className={navClass}>
                {t("rounds.title")}
              </NavLink>
              <NavLink to="/admin/judges" className={navClass}>
                {t("common.judges")}
              </NavLink>
              <NavLink to="/admin/live" className={navClass}>
                {t("live.control.title")}
              </NavLink>
              <NavLink to="/admin/users" className={navClass}>
                {t("users.title")}
              </NavLink>
            </>
          ) : null}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {/* Not on the pages it leads to: there the form itself is the invitation. */}
          {registerHref && !/^\/(signup|me\/entries\/new)\b/.test(path) ? (
            <Link
              to={registerHref}
              data-register
              className="whitespace-nowrap rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
            >
              {t("entrant.register.button")}
            </Link>
          ) : null}
          {user ? (
            <Form method="post" action="/logout">
              <button
                type="submit"
                title={t("auth.signedInAs", { name: user.displayName })}
                className="whitespace-nowrap rounded-md px-3 py-1.5 text-sm font-medium text-slate-600 hover:bg-slate-100"
              >
                {t("auth.signOut")}
              </button>
            </Form>
          ) : (
            <NavLink to="/login" className={navClass}>
              {t("auth.signIn")}
            </NavLink>
          )}
          <Form
            method="post"
            action="/locale"
            reloadDocument
            role="group"
            aria-label={t("languages.title")}
            className="flex items-center gap-0.5 rounded-md border border-slate-300 p-0.5"
          >
            <input type="hidden" name="redirectTo" value={path} />
            {languages.map((l) => (
              <button
                key={l}
                type="submit"
                name="locale"
                value={l}
                lang={l}
                aria-pressed={l === locale}
                title={t("languages.switchTo", { language: AUTONYMS[l] })}
                className={`whitespace-nowrap rounded px-2 py-1 text-xs font-medium ${l === locale ? "bg-indigo-50 text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {AUTONYMS[l]}
              </button>
            ))}
          </Form>
        </div>
      </div>
    </header>
  );
}
