import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormMessage, inputClass } from "~/components/form-field";
import { newPassword } from "~/domain/account-schemas";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { refused } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "titles.invite", [{ name: "referrer", content: "no-referrer" }]);

const token = z.string().max(200);

export async function loader({ params, context }: LoaderFunctionArgs) {
  const invite = await context.services.judges.checkInvite(token.catch("").parse(params["token"]));
  return { invite: invite ? { email: invite.email, name: invite.name } : null };
}

/** A judge or a partner's person opens the link an organizer sent, chooses a password, and is signed in where they work. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const password = newPassword.safeParse(formData.get("password"));
  if (!password.success)
    return refused(refuse.invalid(password.error.issues[0]?.message ?? "validation.required", "password"));
  if (formData.get("password") !== formData.get("confirm"))
    return refused(refuse.invalid("invite.mismatch", "confirm"));
  const outcome = await context.services.judges.acceptInvite(token.catch("").parse(params["token"]), password.data);
  if (!outcome.ok) return refused(outcome);
  return redirect(outcome.landing, {
    headers: { "Set-Cookie": await context.services.auth.startSession(request, outcome.userId) },
  });
}

export default function AcceptInvite() {
  const { invite } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!invite)
    return (
      <div className="mx-auto max-w-md">
        <FormMessage>{t("invite.invalid")}</FormMessage>
      </div>
    );
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("invite.title", { name: invite.name })}</h1>
      <p className="text-sm text-slate-600">{t("invite.help", { email: invite.email })}</p>
      {data?.refusal ? <FormMessage>{t(data.refusal.code)}</FormMessage> : null}
      <Form method="post" className="space-y-3">
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("auth.password")}</span>
          <input
            type="password"
            name="password"
            autoComplete="new-password"
            minLength={10}
            required
            className={inputClass}
          />
        </label>
        <label className="block text-sm">
          <span className="font-medium text-slate-700">{t("invite.confirm")}</span>
          <input
            type="password"
            name="confirm"
            autoComplete="new-password"
            minLength={10}
            required
            className={inputClass}
          />
        </label>
        <button type="submit" className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white">
          {t("invite.submit")}
        </button>
      </Form>
    </div>
  );
}
