// The site's front door: the featured edition's home (the newest whose registration has opened, else
// the newest), or, on an installation with none yet, what to do next (make the first organizer on
// the server, or sign in and set one up).
import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FIRST_ORGANIZER_COMMAND } from "~/domain/first-organizer";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.setup");

export async function loader({ context }: LoaderFunctionArgs) {
  const competition = await context.services.competitions.featured(context.now());
  if (competition) return redirect(`/c/${competition.slug}`);
  const hasOrganizer = await context.services.auth.hasOrganizer();
  return { command: hasOrganizer ? null : FIRST_ORGANIZER_COMMAND };
}

export default function Setup() {
  const { command } = useLoaderData<typeof loader>();
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
      <Link to="/login" className="inline-block text-sm font-medium text-indigo-700 hover:underline">
        {t("setup.organizersSignIn")}
      </Link>
    </div>
  );
}
