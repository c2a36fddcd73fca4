// The organizer's editions: every one with what it holds, which one the organizer works on, which one
// the public home shows, and the button that makes another one the edition the admin pages work on.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { refuse } from "~/domain/refusal";
import { safeRedirectPath } from "~/domain/safe-redirect";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { chooseEditionHeader, chosenEdition } from "~/routing/edition.server";
import { refused } from "~/routing/refusals";
import { useNumberFormat } from "~/i18n/formats";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "editions.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await context.services.auth.requireUser(request, "organizer");
  const [editions, chosen, featured] = await Promise.all([
    context.services.editions.list(),
    chosenEdition(request, context),
    context.services.competitions.featured(context.now()),
  ]);
  return { editions, chosenId: chosen?.id ?? null, featuredId: featured?.id ?? null };
}

const chooseSchema = z.object({ slug: competitionSlugSchema, redirectTo: z.string().optional() });

/** "Work on this edition": the edition cookie, then that edition's set-up (or the page asked for). */
export async function action({ request, context }: ActionFunctionArgs) {
  await context.services.auth.requireUser(request, "organizer");
  const parsed = chooseSchema.safeParse(Object.fromEntries(await request.formData()));
  const competition = parsed.success ? await context.services.competitions.bySlug(parsed.data.slug) : undefined;
  if (!parsed.success || !competition) return refused(refuse.notFound("admin.notFound"));
  const to = safeRedirectPath(parsed.data.redirectTo, `/admin/competitions/${competition.slug}`);
  return redirect(to, { headers: { "Set-Cookie": await chooseEditionHeader(competition.slug) } });
}

export default function AdminCompetitions() {
  const { editions, chosenId, featuredId } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("editions.title")}</h1>
        <Link
          to="/admin/competitions/new"
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t("editions.create")}
        </Link>
      </div>
      <p className="max-w-3xl text-sm text-slate-600">{t("editions.intro")}</p>
      {editions.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">{t("editions.none")}</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-slate-500">
              <tr>
                <th className="px-3 py-2 font-medium">{t("editions.columns.name")}</th>
                <th className="px-3 py-2 font-medium">{t("editions.columns.year")}</th>
                <th className="px-3 py-2 font-medium">{t("editions.columns.slug")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("editions.columns.groups")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("editions.columns.tracks")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("editions.columns.rounds")}</th>
                <th className="px-3 py-2 text-right font-medium">{t("editions.columns.entries")}</th>
                <th className="px-3 py-2">
                  <span className="sr-only">{t("common.status")}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {editions.map((e) => (
                <tr key={e.id} data-edition={e.slug} className={e.id === chosenId ? "bg-indigo-50/60" : undefined}>
                  <td className="px-3 py-2">
                    <Link to={`/admin/competitions/${e.slug}`} className="font-medium text-indigo-700 hover:underline">
                      {localized(locale, e.name_zh, e.name_en)}
                    </Link>
                    <div className="mt-1 flex flex-wrap gap-1">
                      {e.id === chosenId ? (
                        <span className="rounded bg-indigo-100 px-1.5 py-0.5 text-xs font-medium text-indigo-800">
                          {t("editions.workingOn")}
                        </span>
                      ) : null}
                      {e.id === featuredId ? (
                        <span className="rounded bg-emerald-100 px-1.5 py-0.5 text-xs font-medium text-emerald-800">
                          {t("editions.featured")}
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td className="px-3 py-2 tabular-nums">{e.edition}</td>
                  <td className="px-3 py-2 font-mono text-slate-600">
                    <Link to={`/c/${e.slug}`} className="hover:underline">
                      /c/{e.slug}
                    </Link>
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(e.groups)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(e.tracks)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(e.rounds)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{number.format(e.entries)}</td>
                  <td className="px-3 py-2 text-right">
                    {e.id === chosenId ? null : (
                      <Form method="post" reloadDocument>
                        <input type="hidden" name="slug" value={e.slug} />
                        <button
                          type="submit"
                          className="whitespace-nowrap rounded-md border border-indigo-300 px-3 py-1 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
                        >
                          {t("editions.workOn")}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
