// Choosing a new password through the link of a "forgot password" message: the form while the
// link is good, and why not (used, expired, unknown) with the way to ask again.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data as reply,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, FormMessage, TextInput, WideSubmit } from "~/components/form-field";
import { landingFor } from "~/domain/account-schemas";
import { resetPasswordSchema, type ResetTokenState } from "~/domain/password-reset";
import { pageTitle } from "~/i18n/meta";
import { REFUSAL_STATUS } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.reset.resetTitle");

const stateCode: Record<Exclude<ResetTokenState, "valid">, string> = {
  used: "mail.reset.used",
  expired: "mail.reset.expired",
  unknown: "mail.reset.unknown",
};

export async function loader({ params, context }: LoaderFunctionArgs) {
  const state = await context.services.passwordResets.tokenState(params["token"] ?? "");
  // A link that no longer works is still a page to land on, with its reason: 410 Gone or 404.
  const status = state === "valid" ? 200 : state === "unknown" ? 404 : 410;
  return reply({ problem: state === "valid" ? null : stateCode[state] }, { status });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: resetPasswordSchema });
  if (submission.status !== "success")
    return reply({ result: submission.reply({ hideFields: ["password", "confirm"] }), problem: null }, { status: 400 });
  const outcome = await context.services.passwordResets.complete(
    request,
    params["token"] ?? "",
    submission.value.password,
  );
  if (!outcome.ok)
    return reply(
      { result: submission.reply({ hideFields: ["password", "confirm"] }), problem: outcome.code },
      { status: REFUSAL_STATUS[outcome.kind] },
    );
  return redirect(landingFor(outcome.roles, "/"), { headers: { "Set-Cookie": outcome.setCookie } });
}

export default function ResetPassword() {
  const loaded = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const problem = data?.problem ?? loaded.problem;
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("mail.reset.resetTitle")}</h1>
      {problem ? (
        <div className="mt-6 space-y-4" data-testid="reset-problem">
          <FormMessage>{t(problem)}</FormMessage>
          <Link to="/forgot-password" className="inline-block font-medium text-indigo-700 hover:underline">
            {t("mail.reset.askAgain")}
          </Link>
        </div>
      ) : (
        <>
          <p className="mt-2 text-sm text-slate-600">{t("mail.reset.resetLead")}</p>
          <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
            <FormField
              id={fields.password.id}
              label={t("mail.reset.newPassword")}
              errors={fields.password.errors}
              errorId={fields.password.errorId}
            >
              <TextInput {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
            </FormField>
            <FormField
              id={fields.confirm.id}
              label={t("mail.reset.confirm")}
              errors={fields.confirm.errors}
              errorId={fields.confirm.errorId}
            >
              <TextInput {...getInputProps(fields.confirm, { type: "password" })} autoComplete="new-password" />
            </FormField>
            <WideSubmit busy={busy}>{t("mail.reset.save")}</WideSubmit>
          </Form>
        </>
      )}
    </div>
  );
}
