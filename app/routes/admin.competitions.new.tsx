// A new edition: the form, and its POST. Created (and, when asked, copied from an earlier edition) in
// one transaction; the organizer then works on it and lands on its set-up page.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EditionForm } from "~/components/edition-form";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { competitionFormSchema } from "~/domain/edition-schemas";
import { pageTitle } from "~/i18n/meta";
import { chooseEditionHeader } from "~/routing/edition.server";
import { refusedReply } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "editions.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await context.services.auth.requireUser(request, "organizer");
  const sources = await context.services.competitions.all();
  const copyFrom = competitionSlugSchema.safeParse(new URL(request.url).searchParams.get("from"));
  return {
    sources: sources.map(({ slug, name_zh, name_en, edition }) => ({ slug, name_zh, name_en, edition })),
    zones: Intl.supportedValuesOf("timeZone"),
    defaults: {
      year: context.now().getUTCFullYear() + 1,
      timeZone: "Asia/Shanghai",
      ...(copyFrom.success ? { copyFrom: copyFrom.data } : {}),
    },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "organizer");
  const submission = parseWithZod(await request.formData(), { schema: competitionFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await context.services.editions.create(user, submission.value);
  if (!outcome.ok) return refusedReply(submission, outcome);
  const { competition, copied } = outcome;
  const query = copied
    ? new URLSearchParams({
        copied: submission.value.copyFrom ?? "",
        groups: String(copied.groups),
        tracks: String(copied.tracks),
        rounds: String(copied.rounds),
        judges: String(copied.judges),
      })
    : new URLSearchParams({ created: "1" });
  return redirect(`/admin/competitions/${competition.slug}?${query}`, {
    headers: { "Set-Cookie": await chooseEditionHeader(competition.slug) },
  });
}

export default function NewEdition() {
  const { sources, zones, defaults } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-1">
        <Link to="/admin/competitions" className="text-sm font-medium text-indigo-700 hover:underline">
          ← {t("editions.setup.back")}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("editions.newTitle")}</h1>
      </header>
      <EditionForm sources={sources} zones={zones} defaults={defaults} lastResult={answer?.result} />
    </div>
  );
}
