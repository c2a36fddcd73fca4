// An imported entry's claim link: the person at its contact e-mail signs up (or signs in) and
// becomes the entry's entrant. The link works once; the service checks it again when claiming.
import {
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormMessage, inputClass } from "~/components/form-field";
import { newPassword } from "~/domain/account-schemas";
import { refuse, refuseParse } from "~/domain/refusal";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { refused } from "~/routing/refusals";
import { useFormats } from "~/i18n/formats";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "claim.title", [{ name: "referrer", content: "no-referrer" }]);

// The link is a credential: no cache keeps the page, signed in or not.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const token = z.string().max(200);
const signUpForm = z.object({
  intent: z.literal("signup"),
  displayName: z.string().trim().min(1, { error: "validation.required" }).max(120, { error: "validation.tooLong" }),
  password: newPassword,
});

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const [claim, user] = await Promise.all([
    context.services.entryClaims.check(token.catch("").parse(params["token"])),
    context.services.auth.currentUser(request),
  ]);
  return { claim, signedInAs: user?.email ?? null, path: new URL(request.url).pathname };
}

/** Claims as the signed-in account, or makes the account (with the link's e-mail) and claims. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const link = token.catch("").parse(params["token"]);
  const formData = await request.formData();
  const done = (cookie?: string) => redirect("/me", cookie ? { headers: { "Set-Cookie": cookie } } : undefined);
  if (formData.get("intent") === "claim") {
    const user = await context.services.auth.requireUser(request);
    const outcome = await context.services.entryClaims.claim(user, link);
    return outcome.ok ? done() : refused(outcome);
  }
  const parsed = signUpForm.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return refused(refuseParse(parsed.error));
  const claim = await context.services.entryClaims.check(link);
  if (!claim) return refused(refuse.conflict("claim.invalid"));
  const account = await context.services.auth.signUp(
    {
      email: claim.email,
      displayName: parsed.data.displayName,
      password: parsed.data.password,
      locale: await resolveLocale(request),
    },
    context.clientIp,
  );
  if (!account.ok) return refused(account);
  const outcome = await context.services.entryClaims.claim(account.user, link);
  const cookie = await context.services.auth.startSession(request, account.user.id);
  // The account exists either way; a link used up meanwhile is said on the entrant's page.
  return outcome.ok ? done(cookie) : refused(outcome);
}

export default function ClaimEntry() {
  const { claim, signedInAs, path } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const formats = useFormats();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  if (!claim)
    return (
      <div className="mx-auto max-w-md">
        <FormMessage>{t("claim.invalid")}</FormMessage>
      </div>
    );
  const refusal = data?.refusal;
  const message = refusal ? t(refusal.fields ? "validation.fixErrors" : refusal.code, refusal.params) : null;
  const fieldError = (name: string) => refusal?.fields?.[name]?.map((code) => t(code)).join(" ");
  const sameEmail = signedInAs?.toLowerCase() === claim.email.toLowerCase();
  const primary = "rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700";
  return (
    <div className="mx-auto max-w-md space-y-5">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("claim.title")}</h1>
      <p className="text-slate-700">
        {t("claim.intro", {
          organization: claim.organization,
          title: localized(locale, claim.titleZh, claim.titleEn),
          code: claim.code,
        })}
      </p>
      <p className="text-sm text-slate-600">
        {t("claim.forEmail", {
          email: claim.email,
          date: formats.date(new Date(claim.expires), { dateStyle: "long" }),
        })}
      </p>
      {message ? <FormMessage>{message}</FormMessage> : null}
      {signedInAs && sameEmail ? (
        <Form method="post" className="space-y-3">
          <p className="text-sm text-slate-600">{t("claim.signedInAs", { email: signedInAs })}</p>
          <button type="submit" name="intent" value="claim" disabled={busy} className={primary}>
            {t("claim.claim")}
          </button>
        </Form>
      ) : signedInAs ? (
        <Form method="post" action="/logout" className="space-y-3">
          <FormMessage>{t("claim.otherEmail", { email: claim.email })}</FormMessage>
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("claim.signOut")}
          </button>
        </Form>
      ) : (
        <>
          <Form method="post" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="font-semibold text-slate-900">{t("claim.signUpTitle")}</h2>
            <p className="text-sm text-slate-600">{t("claim.signUpHelp", { email: claim.email })}</p>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">{t("auth.displayName")}</span>
              <input name="displayName" required maxLength={120} autoComplete="name" className={inputClass} />
              {fieldError("displayName") ? <FormMessage>{fieldError("displayName")}</FormMessage> : null}
            </label>
            <label className="block text-sm">
              <span className="font-medium text-slate-700">{t("auth.password")}</span>
              <input
                type="password"
                name="password"
                required
                minLength={10}
                autoComplete="new-password"
                className={inputClass}
              />
              {fieldError("password") ? <FormMessage>{fieldError("password")}</FormMessage> : null}
            </label>
            <button type="submit" name="intent" value="signup" disabled={busy} className={primary}>
              {t("claim.signUpAndClaim")}
            </button>
          </Form>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="font-semibold text-slate-900">{t("claim.signInTitle", { email: claim.email })}</h2>
            <Link
              to={`/login?redirectTo=${encodeURIComponent(path)}`}
              className="inline-block rounded-md border border-slate-300 px-4 py-2 text-sm font-medium hover:bg-slate-50"
            >
              {t("claim.signIn")}
            </Link>
          </div>
        </>
      )}
    </div>
  );
}
