// The site's front door: the featured edition's home (the newest whose registration has opened, else
// the newest), or, on an installation with none yet, what to do next (make the first organizer on
// the server, or sign in and set one up).
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FIRST_ORGANIZER_COMMAND } from "~/domain/first-organizer";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.setup");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const competition = await context.services.competitions.featured(context.now());
  if (competition) return redirect(`/c/${competition.slug}`);
  const [hasOrganizer, user] = await Promise.all([
    context.services.auth.hasOrganizer(),
    context.services.auth.currentUser(request),
  ]);
  return {
    command: hasOrganizer ? null : FIRST_ORGANIZER_COMMAND,
    organizer: user?.roles.includes("organizer") ?? false,
  };
}

export default function Setup() {
  const { command, organizer } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("setup.title")}</h1>
      {command ? (
        <>
          <p className="text-slate-700">{t("setup.noOrganizer")}</p>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm text-slate-100">
            <code>{command}</code>
          </pre>
          <p className="text-slate-700">{t("setup.thenSignIn")}</p>
        </>
      ) : (
        <p className="text-slate-700">{t("setup.noCompetition")}</p>
      )}
      {organizer ? (
        <Link
          to="/admin/competitions/new"
          className="inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t("editions.bar.createFirst")}
        </Link>
      ) : (
        <Link to="/login" className="inline-block text-sm font-medium text-indigo-700 hover:underline">
          {t("setup.organizersSignIn")}
        </Link>
      )}
    </div>
  );
}
