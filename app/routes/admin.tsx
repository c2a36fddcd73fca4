// The admin area's layout: the bar naming the edition the organizer works on, then its pages; a
// failure in one of them is shown here, with the site's header still in place.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { AreaError } from "~/components/area-error";
import { EditionBar } from "~/components/edition-bar";
import { chosenEdition } from "~/routing/edition.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Every admin page is the organizers'; the bar is too (its pages check again for themselves).
  await context.services.auth.requireUser(request, "organizer");
  const competition = await chosenEdition(request, context);
  return {
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
  const { edition } = useLoaderData<typeof loader>();
  return (
    <>
      <EditionBar edition={edition} />
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <AreaError area="admin" />;
}
