// One partner for the organizer: its profile form (the kind stays), its people with a fresh
// invitation link for those who have not chosen a password, and disabling or enabling it after a
// confirmation that says what that does. Every change is audited by the service.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, RefusalMessage } from "~/components/form-field";
import {
  PartnerProfileFields,
  profileRaw,
  type ProfileFormValues,
} from "~/components/follow-on/partner-profile-fields";
import { Section } from "~/components/section";
import { idSchema } from "~/domain/common-schemas";
import { refuse } from "~/domain/refusal";
import { countryOptions } from "~/i18n/countries";
import { useFormats } from "~/i18n/formats";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { organizerEdition } from "~/routing/edition.server";
import { refused, refusedReply, throwRefusal } from "~/routing/refusals";
import { parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "partnersAdmin.title");

const params = z.object({ id: idSchema });
const linkForm = z.object({ personId: idSchema });
const switchForm = z.object({ disabled: z.enum(["1", "0"]), confirm: z.literal("on") });
const submissionSchema = z.looseObject({});

async function asker(args: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const { user, competition } = await organizerEdition(args.request, args.context);
  return { user, competitionId: competition.id, id: parseParams(args.params, params).id };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, competitionId, id } = await asker(args);
  const [detail, options, locale] = await Promise.all([
    args.context.services.partners.detail(user, competitionId, id),
    args.context.services.registration.options(competitionId),
    resolveLocale(args.request),
  ]);
  if (!detail.ok) throwRefusal(detail);
  return {
    partner: detail.partner,
    people: detail.people,
    tracks: options.tracks.map((t) => ({ code: t.code, name: localized(locale, t.name_zh, t.name_en) })),
    countries: countryOptions(locale),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competitionId, id } = await asker(args);
  const partners = args.context.services.partners;
  const formData = await args.request.formData();
  const form = formData.get("form");
  if (form === "link") {
    const parsed = linkForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refused(refuse.invalid("validation.required"), { form });
    const out = await partners.inviteLink(user, competitionId, parsed.data.personId);
    if (!out.ok) return refused(out, { form });
    return {
      form,
      link: { personId: parsed.data.personId, email: out.email, href: new URL(out.path, args.request.url).href },
    };
  }
  if (form === "switch") {
    const parsed = switchForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refused(refuse.invalid("partnersAdmin.detail.confirmRequired", "confirm"), { form });
    const out = await partners.setDisabled(user, competitionId, id, parsed.data.disabled === "1");
    if (!out.ok) return refused(out, { form });
    return redirect(`/admin/partners/${id}?${parsed.data.disabled === "1" ? "disabled" : "enabled"}=1`);
  }
  const submission = parseWithZod(formData, { schema: submissionSchema });
  if (submission.status !== "success") return data({ form: "profile", result: submission.reply() }, { status: 400 });
  const out = await partners.update(user, competitionId, id, profileRaw(formData));
  if (!out.ok && out.kind === "not_found") throwRefusal(out);
  if (!out.ok) return refusedReply(submission, out, { form: "profile" });
  return redirect(`/admin/partners/${id}?saved=1`);
}

type Answer = {
  form?: string;
  result?: { error?: Record<string, string[] | null>; initialValue?: ProfileFormValues } | null;
  refusal?: { code: string; field?: string; params?: Record<string, string | number> } | null;
  link?: { personId: number; email: string; href: string };
};

export default function AdminPartner() {
  const { partner, people, tracks, countries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as Answer | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const formats = useFormats();
  const profile = answer?.form === "profile" ? answer : undefined;
  const values = (profile?.result?.initialValue ?? partner.values) as ProfileFormValues;
  const status = ["saved", "disabled", "enabled"].find((k) => search.has(k));
  const disabled = partner.disabledAt !== null;
  return (
    <div className="mx-auto max-w-4xl space-y-8">
      <header className="space-y-1">
        <Link to="/admin/partners" className="text-sm font-medium text-indigo-700 hover:underline">
          ← {t("partnersAdmin.detail.back")}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {localized(locale, partner.values.nameZh || null, partner.values.nameEn || null)}
        </h1>
        <p className="text-sm text-slate-600">
          {t("partnersAdmin.detail.kindFixed", { kind: t(`matching.kind.${partner.kind}`) })}
        </p>
        {disabled ? (
          <p className="text-sm font-medium text-rose-700">
            {t("partnersAdmin.detail.disabledSince", { date: formats.date(partner.disabledAt!) })}
          </p>
        ) : null}
      </header>
      {status ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t(`partnersAdmin.detail.${status}`)}
        </p>
      ) : null}

      <Section id="profile" title={t("partnersAdmin.invite.profile")}>
        <Form method="post" className="mt-3 space-y-4">
          <RefusalMessage refusal={profile?.refusal} />
          <input type="hidden" name="form" value="profile" />
          <PartnerProfileFields
            kind={partner.kind}
            values={values}
            errors={profile?.result?.error}
            tracks={tracks}
            countries={countries}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("partnersAdmin.detail.save")}
          </button>
        </Form>
      </Section>

      <Section id="people" title={t("partnersAdmin.detail.people")}>
        {people.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("partnersAdmin.detail.noPeople")}</p>
        ) : null}
        <ul className="mt-2 divide-y divide-slate-100">
          {people.map((p) => (
            <li key={p.id} className="py-2 text-sm">
              <p className="font-medium text-slate-900">
                {p.name} · {p.email}
              </p>
              <p className="text-slate-600">
                {p.acceptedAt
                  ? t("partnersAdmin.detail.acceptedAt", { date: formats.date(p.acceptedAt) })
                  : t("partnersAdmin.detail.waiting")}
              </p>
              {!p.acceptedAt ? (
                <Form method="post" className="mt-1">
                  <input type="hidden" name="form" value="link" />
                  <input type="hidden" name="personId" value={p.id} />
                  <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium">
                    {t("partnersAdmin.detail.newLink")}
                  </button>
                </Form>
              ) : null}
              {answer?.link?.personId === p.id ? (
                <div role="status" className="mt-1">
                  <p>{t("partnersAdmin.detail.linkFor", { email: answer.link.email })}</p>
                  <input readOnly value={answer.link.href} className={`${inputClass} font-mono text-xs`} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        {answer?.form === "link" ? <RefusalMessage refusal={answer.refusal} /> : null}
      </Section>

      <Section
        id="access"
        title={t(disabled ? "partnersAdmin.detail.enableTitle" : "partnersAdmin.detail.disableTitle")}
      >
        <Form method="post" className="mt-2 space-y-2 rounded-md border border-amber-200 bg-amber-50 p-3">
          <input type="hidden" name="form" value="switch" />
          <input type="hidden" name="disabled" value={disabled ? "0" : "1"} />
          <p className="text-sm text-slate-800">
            {t(disabled ? "partnersAdmin.detail.enableText" : "partnersAdmin.detail.disableText")}
          </p>
          <label className="flex items-center gap-2 text-sm font-medium text-slate-900">
            <input type="checkbox" name="confirm" aria-describedby="switch-error" />
            {disabled ? t("partnersAdmin.detail.enableTitle") : t("partnersAdmin.detail.disableConfirm")}
          </label>
          {answer?.form === "switch" && answer.refusal ? (
            <p id="switch-error" role="alert" className="text-sm text-rose-700">
              {t(answer.refusal.code, answer.refusal.params ?? {})}
            </p>
          ) : null}
          <button type="submit" className="rounded-md bg-rose-700 px-4 py-2 text-sm font-medium text-white">
            {t(disabled ? "partnersAdmin.detail.enable" : "partnersAdmin.detail.disable")}
          </button>
        </Form>
      </Section>
    </div>
  );
}
