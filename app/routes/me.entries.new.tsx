import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EntryForm } from "~/components/entry-form";
import { RegistrationDeadline } from "~/components/registration-deadline";
import { entryFormSchema } from "~/domain/entry-schemas";
import { entryFormContext, refusalReply } from "~/services/entry-form.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "entryForm.newTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  return entryFormContext(request, context, user);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const { competition } = await entryFormContext(request, context, user);
  const submission = parseWithZod(await request.formData(), { schema: entryFormSchema });
  if (submission.status !== "success") return { result: submission.reply(), message: null };
  const outcome = await context.services.registration.create(user, competition, submission.value);
  if (!outcome.ok) return refusalReply(submission, outcome);
  return redirect(`/me/entries/${outcome.entry.id}?${outcome.entry.status === "submitted" ? "submitted" : "saved"}=1`);
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
        message={data?.message}
        canSubmit={window.open}
      />
    </div>
  );
}
