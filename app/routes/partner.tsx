// The partner area's layout: only the people of an enabled partner get in (signed out: to the sign-in
// page; another role: 403). It names the organization they act for, with the area's navigation, and a
// failure in one of its pages is shown here with the site's header still in place. Each page still
// asks its service, which checks the asker again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaError } from "~/components/area-error";
import { localized, useLocale } from "~/i18n/use-locale";
import { partnerAction } from "~/routing/partner-actions.server";
import { throwRefusal } from "~/routing/refusals";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const own = await context.services.partnerSelf.partner(user);
  if (!own.ok) throwRefusal(own);
  return { partner: own.partner };
}

// A form posted to the bare /partner address (without Remix's `?index`) reaches this layout, not the
// entries page: it is answered as the entries page answers its own forms, as before the layout existed.
export async function action(args: ActionFunctionArgs) {
  return partnerAction(args, "/partner");
}

const LINKS = [
  ["/partner", "entries", true],
  ["/partner/requests", "requests", false],
  ["/partner/meetings", "meetings", false],
  ["/partner/agenda", "agenda", false],
  ["/partner/profile", "profile", false],
] as const;

export default function Area() {
  const { partner } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div
        data-testid="partner-bar"
        className="mb-6 flex flex-wrap items-center justify-between gap-x-6 gap-y-2 rounded-lg border border-indigo-100 bg-indigo-50 px-4 py-2 text-sm"
      >
        <span className="font-medium text-indigo-900">
          {t("partnerArea.actingFor", { name: localized(locale, partner.nameZh, partner.nameEn) })} ·{" "}
          {t(`matching.kind.${partner.kind}`)}
        </span>
        <nav aria-label={t("partnerArea.nav.label")} className="flex flex-wrap gap-4">
          {LINKS.map(([to, key, end]) => (
            <NavLink
              key={to}
              to={to}
              end={end}
              className={({ isActive }) =>
                `font-medium hover:underline ${isActive ? "text-indigo-900 underline" : "text-indigo-700"}`
              }
            >
              {t(`partnerArea.nav.${key}`)}
            </NavLink>
          ))}
        </nav>
      </div>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <AreaError area="partner" />;
}
