// A partner's own profile, edited by its people: the bilingual name and "about", place, tracks and
// regions, and what its kind offers. The kind stays as the organizers set it. Bad input is answered
// 400 with each message at its field and nothing stored; the service checks the asker and audits the change.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import {
  PartnerProfileFields,
  type FieldErrors,
  type ProfileFormValues,
} from "~/components/follow-on/partner-profile-fields";
import { partnerProfileSchema } from "~/domain/partner-profile";
import { countryOptions, isCountryCode } from "~/i18n/countries";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { refusedReply, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "partnerArea.nav.profile");

async function ownProfile({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  const user = await context.services.auth.requireUser(request, "partner");
  const page = await context.services.partnerSelf.profile(user);
  if (!page.ok) throwRefusal(page);
  return { user, page };
}

export async function loader(args: LoaderFunctionArgs) {
  const { page } = await ownProfile(args);
  return { partner: page.partner, values: page.values, tracks: page.tracks };
}

export async function action(args: ActionFunctionArgs) {
  const { user, page } = await ownProfile(args);
  const formData = await args.request.formData();
  // The kind is the stored one: a posted kind is ignored, here as in the service.
  formData.set("kind", page.partner.kind);
  const schema = partnerProfileSchema({ trackCodes: page.tracks.map((t) => t.code), isCountry: isCountryCode });
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const out = await args.context.services.partnerSelf.saveProfile(user, submission.payload);
  if (!out.ok && out.kind === "invalid") return refusedReply(submission, out);
  if (!out.ok) throwRefusal(out);
  return redirect("/partner/profile?saved=1");
}

type ActionData = {
  result?: { error?: FieldErrors; initialValue?: ProfileFormValues | null } | null;
};

export default function PartnerProfile() {
  const { partner, values, tracks } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as ActionData | undefined;
  const [search] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = acted?.result?.error ?? undefined;
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <header>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("partnerArea.profile.title", { name: localized(locale, partner.nameZh, partner.nameEn) })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("partnerArea.profile.intro")}</p>
        <p className="mt-1 text-sm text-slate-700">
          {t("partnerArea.profile.kind", { kind: t(`matching.kind.${partner.kind}`) })}{" "}
          <span className="text-slate-500">{t("partnerArea.profile.kindFixed")}</span>
        </p>
      </header>
      {search.has("saved") && !acted ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t("partnerArea.profile.saved")}
        </p>
      ) : null}
      {errors ? (
        <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {t("validation.fixErrors")}
        </p>
      ) : null}
      <Form method="post" noValidate className="space-y-6 rounded-lg border border-slate-200 bg-white p-5">
        <PartnerProfileFields
          kind={partner.kind}
          values={acted?.result?.initialValue ?? values}
          errors={errors}
          tracks={tracks.map((tr) => ({ code: tr.code, name: localized(locale, tr.nameZh, tr.nameEn) }))}
          countries={countryOptions(locale)}
        />
        <button
          type="submit"
          disabled={navigation.state === "submitting"}
          className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
        >
          {t("partnerArea.profile.save")}
        </button>
      </Form>
    </div>
  );
}
