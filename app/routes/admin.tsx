// The admin area's layout: the bar naming the edition the organizer works on, then its pages; a
// failure in one of them is shown here, with the site's header still in place.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AreaError } from "~/components/area-error";
import { EditionBar } from "~/components/edition-bar";
import { chosenEdition } from "~/routing/edition.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Each page decides who may see it (and redirects or refuses by itself); the bar is only for organizers.
  const user = await context.services.auth.currentUser(request);
  if (!user?.roles.includes("organizer")) return { organizer: false, edition: null };
  const competition = await chosenEdition(request, context);
  return {
    organizer: true,
    edition: competition
      ? {
          slug: competition.slug,
          name_zh: competition.name_zh,
          name_en: competition.name_en,
          edition: competition.edition,
        }
      : null,
  };
}

export default function Area() {
  const { organizer, edition } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      {organizer ? <EditionBar edition={edition} /> : null}
      {organizer ? (
        <nav aria-label={t("followOn.adminNav.label")} className="-mt-4 mb-4 flex justify-end gap-4 text-sm">
          {(
            [
              ["/admin/partners", t("followOn.adminNav.partners")],
              ["/admin/follow-on", t("followOn.adminNav.meetings")],
              ["/admin/outbox", t("mail.outbox.nav")],
            ] as const
          ).map(([to, label]) => (
            <NavLink
              key={to}
              to={to}
              className={({ isActive }) =>
                `font-medium hover:underline ${isActive ? "text-indigo-900" : "text-indigo-700"}`
              }
            >
              {label}
            </NavLink>
          ))}
        </nav>
      ) : null}
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <AreaError area="admin" />;
}
