import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RoundStatus } from "../domain/round-settings";
import { RoundStatusBadge } from "./round-status-badge";

const tabClass = ({ isActive }: { isActive: boolean }) =>
  `whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium ${isActive ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`;

/** What a round's tab page tells the layout around it (app/routes/admin.rounds.$round.tsx). */
export type RoundTabHandle = { width: "max-w-5xl" | "max-w-6xl" | "max-w-7xl" };

/** The heading and tabs shared by a round's organizer pages. */
export function RoundTabs({ slug, name, status }: { slug: string; name: string; status: RoundStatus }) {
  const { t } = useTranslation();
  const base = `/admin/rounds/${slug}`;
  return (
    <header className="space-y-2">
      <p className="text-sm text-slate-500">
        <NavLink to="/admin/rounds" className="hover:underline">
          {t("rounds.title")}
        </NavLink>
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{name}</h1>
        <RoundStatusBadge status={status} />
      </div>
      <nav aria-label={t("rounds.sections")} className="-mx-1 flex overflow-x-auto border-b border-slate-200">
        <NavLink to={base} end className={tabClass}>
          {t("rounds.tabSettings")}
        </NavLink>
        <NavLink to={`${base}/assignments`} className={tabClass}>
          {t("rounds.tabAssignments")}
        </NavLink>
        <NavLink to={`${base}/dashboard`} className={tabClass}>
          {t("rounds.tabDashboard")}
        </NavLink>
        <NavLink to={`${base}/results`} className={tabClass}>
          {t("rounds.tabResults")}
        </NavLink>
      </nav>
    </header>
  );
}
