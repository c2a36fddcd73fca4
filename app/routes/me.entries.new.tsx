import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EntryForm } from "~/components/entry-form";
import { RegistrationDeadline } from "~/components/registration-deadline";
import { entryFormSchema } from "~/domain/entry-schemas";
import { pageTitle } from "~/i18n/meta";
import { entryFormContext } from "~/routing/entry-form.server";
import { refusedReply } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entryForm.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await context.services.auth.requireUser(request, "entrant");
  return entryFormContext(request, context);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const { competition } = await entryFormContext(request, context);
  const submission = parseWithZod(await request.formData(), { schema: entryFormSchema });
  // A team row added or removed without JavaScript comes back as a submission to show again, not an error.
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: submission.status === "error" ? 400 : 200 });
  const outcome = await context.services.registration.create(user, competition, submission.value);
  // Bad input at its field (400), registration closed (409).
  if (!outcome.ok) return refusedReply(submission, outcome);
  if (outcome.entry.status === "submitted") return redirect(`/me/entries/${outcome.entry.id}/submitted`);
  return redirect(`/me/entries/${outcome.entry.id}?saved=1`);
}

export default function NewEntry() {
  const { options, window } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("entryForm.newTitle")}</h1>
        <RegistrationDeadline closesAt={window.closesAt} open={window.open} />
      </header>
      <EntryForm
        options={options}
        defaults={{}}
        lastResult={data?.result}
        refusal={data?.refusal}
        canSubmit={window.open}
      />
    </div>
  );
}
