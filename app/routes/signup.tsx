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
import { redirectTarget, signUpSchema } from "~/domain/account-schemas";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { refusedReply } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.signUp");

/** Where the new account goes next: the page asked for (the register button asks for the entry form), else /me. */
const nextPage = (value: unknown) => {
  const target = redirectTarget.parse(value ?? "/me");
  return target === "/" ? "/me" : target;
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const next = nextPage(new URL(request.url).searchParams.get("redirectTo"));
  if (await context.services.auth.currentUser(request)) return redirect(next);
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: signUpSchema });
  if (submission.status !== "success")
    return reply({ result: submission.reply({ hideFields: ["password"] }), refusal: null }, { status: 400 });
  const locale = await resolveLocale(request);
  const outcome = await context.services.auth.signUp({ ...submission.value, locale }, context.clientIp);
  // A taken address is a 409 at the e-mail field; too many sign-ups from one address a 429.
  if (!outcome.ok) return refusedReply(submission, outcome, {}, { hideFields: ["password"] });
  return redirect(nextPage(formData.get("redirectTo")), {
    headers: { "Set-Cookie": await context.services.auth.startSession(request, outcome.user.id) },
  });
}

export default function SignUp() {
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const redirectTo = useSearchParams()[0].get("redirectTo");
  const [form, fields] = useForm({
    lastResult: data?.result,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: signUpSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("auth.signUpTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("auth.signUpIntro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-6 space-y-4">
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <RefusalMessage refusal={data?.refusal} />
        <FormField
          id={fields.displayName.id}
          label={t("auth.displayName")}
          errors={fields.displayName.errors}
          errorId={fields.displayName.errorId}
        >
          <TextInput {...getInputProps(fields.displayName, { type: "text" })} autoComplete="name" />
        </FormField>
        <FormField
          id={fields.email.id}
          label={t("auth.email")}
          errors={fields.email.errors}
          errorId={fields.email.errorId}
        >
          <TextInput {...getInputProps(fields.email, { type: "email" })} autoComplete="email" />
        </FormField>
        <FormField
          id={fields.password.id}
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          errors={fields.password.errors}
          errorId={fields.password.errorId}
        >
          <TextInput {...getInputProps(fields.password, { type: "password" })} autoComplete="new-password" />
        </FormField>
        <WideSubmit busy={busy}>{t("auth.signUp")}</WideSubmit>
      </Form>
      <p className="mt-6 text-sm text-slate-600">
        {t("auth.haveAccount")}{" "}
        <Link
          to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}
          className="font-medium text-indigo-700 hover:underline"
        >
          {t("auth.signIn")}
        </Link>
      </p>
    </div>
  );
}
