// "Forgot password": one field, and the same answer whether or not the address has an account.
import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data as reply, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, RefusalMessage, TextInput, WideSubmit } from "~/components/form-field";
import { forgotPasswordSchema } from "~/domain/password-reset";
import { pageTitle } from "~/i18n/meta";
import { refusedReply } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.reset.forgotTitle");

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: forgotPasswordSchema });
  if (submission.status !== "success")
    return reply({ result: submission.reply(), refusal: null, sent: null }, { status: 400 });
  const outcome = await context.services.passwordResets.request(submission.value.email, context.clientIp);
  if (!outcome.ok) return refusedReply(submission, outcome, { sent: null });
  return { result: submission.reply({ resetForm: true }), refusal: null, sent: submission.value.email };
}

export default function ForgotPassword() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  if (data?.sent)
    return (
      <div className="mx-auto max-w-sm py-8" data-testid="reset-sent">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("mail.reset.sentTitle")}</h1>
        <p role="status" className="mt-4 text-slate-700">
          {t("mail.reset.sentBody", { email: data.sent })}
        </p>
        <p className="mt-6 text-sm">
          <Link to="/login" className="font-medium text-indigo-700 hover:underline">
            {t("auth.signIn")}
          </Link>
        </p>
      </div>
    );
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("mail.reset.forgotTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("mail.reset.forgotLead")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <RefusalMessage refusal={data?.refusal} />
        <FormField
          id={fields.email.id}
          label={t("auth.email")}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        >
          <TextInput {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
        </FormField>
        <WideSubmit busy={busy}>{t("mail.reset.send")}</WideSubmit>
      </Form>
      <p className="mt-6 text-sm">
        <Link to="/login" className="font-medium text-indigo-700 hover:underline">
          {t("auth.signIn")}
        </Link>
      </p>
    </div>
  );
}
