// The competition home's invitation to register: the button while registration is open, otherwise
// when it opens or when it closed. Judges and organizers get nothing (the service decides).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { RegisterCall } from "~/domain/register-call";
import { useCompetitionDate } from "./competition-date";

export function RegisterCallout({ call }: { call: RegisterCall }) {
  const { t } = useTranslation();
  const date = useCompetitionDate(call.kind === "hidden" ? "UTC" : call.timeZone);
  if (call.kind === "hidden") return null;
  if (call.kind === "open")
    return (
      <div className="mt-4 flex flex-wrap items-center gap-3" data-register-call="open">
        <Link
          to={call.href}
          className="rounded-md bg-indigo-600 px-5 py-2.5 font-semibold text-white shadow-sm hover:bg-indigo-700"
        >
          {t("entrant.register.homeButton")}
        </Link>
        <span className="text-sm text-slate-600">{t("entrant.register.closes", { date: date(call.closesAt) })}</span>
      </div>
    );
  return (
    <p className="mt-4 text-sm font-medium text-slate-700" data-register-call={call.kind}>
      {call.kind === "upcoming"
        ? t("entrant.register.opens", { date: date(call.opensAt) })
        : t("entrant.register.closed", { date: date(call.closedAt) })}
    </p>
  );
}
