import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import {
  data as reply,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormField, RefusalMessage, TextInput, WideSubmit } from "~/components/form-field";
import { landingFor, redirectTarget, signInSchema } from "~/domain/account-schemas";
import { pageTitle } from "~/i18n/meta";
import { refusedReply } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.signIn");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.currentUser(request);
  if (user) return redirect(redirectTarget.parse(new URL(request.url).searchParams.get("redirectTo") ?? "/"));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signInSchema });
  if (submission.status !== "success")
    return reply({ result: submission.reply({ hideFields: ["password"] }), refusal: null }, { status: 400 });
  const outcome = await context.services.auth.signIn(submission.value, context.clientIp);
  // A wrong password is a 400, a disabled account a 403, too many attempts a 429.
  if (!outcome.ok) return refusedReply(submission, outcome, {}, { hideFields: ["password"] });
  const target = redirectTarget.parse(formData.get("redirectTo") ?? "/");
  return redirect(landingFor(outcome.user.roles, target), {
    headers: { "Set-Cookie": await context.services.auth.startSession(request, outcome.user.id) },
  });
}

export default function Login() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("auth.signInTitle")}</h1>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <RefusalMessage refusal={data?.refusal} />
        <FormField
          id={fields.email.id}
          label={t("auth.email")}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        >
          <TextInput {...getInputProps(fields.email, { type: "email" })} autoComplete="username" />
        </FormField>
        <FormField
          id={fields.password.id}
          label={t("auth.password")}
          errors={fields.password.errors}
          errorId={fields.password.errorId}
        >
          <TextInput {...getInputProps(fields.password, { type: "password" })} autoComplete="current-password" />
        </FormField>
        <WideSubmit busy={busy}>{t("auth.signIn")}</WideSubmit>
        <p className="text-sm">
          <Link to="/forgot-password" className="font-medium text-indigo-700 hover:underline">
            {t("mail.reset.forgotLink")}
          </Link>
        </p>
      </Form>
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.noAccount")}{" "}
        <Link to="/signup" className="font-medium text-indigo-700 hover:underline">
          {t("auth.signUp")}
        </Link>
      </p>
    </div>
  );
}
