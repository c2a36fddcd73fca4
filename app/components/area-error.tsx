// What an area (organizer, judge, entrant, partner pages) shows when one of its pages fails: the site's
// header and navigation stay, the message says what happened in the reader's language, and the
// way back leads to the area's own start, not only the overview.
import { isRouteErrorResponse, Link, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export type Area = "admin" | "judge" | "me" | "partner";
const HOME: Record<Area, string> = { admin: "/admin/rounds", judge: "/judge", me: "/me", partner: "/partner" };

export function AreaError({ area }: { area: Area }) {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? ["errors.notFound", "errors.notFoundBody"]
      : status === 403
        ? ["errors.forbidden", "errors.forbiddenBody"]
        : status === 409
          ? ["errors.conflict", "errors.conflictBody"]
          : ["errors.generic", "errors.genericBody"];
  return (
    <section role="alert" className="mx-auto max-w-xl py-16 text-center">
      <h1 className="text-2xl font-semibold text-slate-900">{t(title)}</h1>
      <p className="mt-3 text-slate-600">{t(body)}</p>
      <Link to={HOME[area]} className="mt-6 inline-block font-medium text-indigo-700 hover:underline">
        {t(`errors.backTo.${area}`)}
      </Link>
    </section>
  );
}
