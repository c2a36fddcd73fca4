// The organizer's partners: the edition's list with its filters in the URL (kind, track, disabled),
// the counts by kind, and the invitation of one partner (the form of the kind chosen by `?invite=`);
// an invitation answers with the single-use link to send its person.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, RefusalMessage } from "~/components/form-field";
import {
  PartnerProfileFields,
  profileRaw,
  TextField,
  type ProfileFormValues,
} from "~/components/follow-on/partner-profile-fields";
import { Section } from "~/components/section";
import { PARTNER_KINDS } from "~/domain/partner-vocabulary";
import { countryOptions } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { organizerEdition } from "~/routing/edition.server";
import { refusedReply, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "partnersAdmin.title");

const filterSchema = z.object({
  kind: z.enum(PARTNER_KINDS).optional().catch(undefined),
  track: z.string().trim().min(1).max(20).optional().catch(undefined),
  disabled: z.enum(["only", "with"]).optional().catch(undefined),
  invite: z.enum(PARTNER_KINDS).catch("investor"),
});

// The service checks the fields against the edition's vocabulary; this only collects the submission.
const submissionSchema = z.looseObject({ kind: z.string().optional() });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const filter = filterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [list, options, locale] = await Promise.all([
    context.services.partners.list(user, competition.id, filter),
    context.services.registration.options(competition.id),
    resolveLocale(request),
  ]);
  if (!list.ok) throwRefusal(list);
  return {
    filter,
    partners: list.partners,
    counts: list.counts,
    tracks: options.tracks.map((t) => ({ code: t.code, name: localized(locale, t.name_zh, t.name_en) })),
    countries: countryOptions(locale),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: submissionSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: null }, { status: 400 });
  const outcome = await context.services.partners.invite(user, competition.id, profileRaw(formData));
  if (!outcome.ok) return refusedReply(submission, outcome, { invited: null });
  const raw = profileRaw(formData);
  const name = String(raw["nameEn"] || raw["nameZh"] || outcome.email);
  return {
    result: submission.reply({ resetForm: true }),
    invited: {
      partnerId: outcome.partnerId,
      name,
      email: outcome.email,
      link: new URL(outcome.path, request.url).href,
    },
  };
}

export default function AdminPartners() {
  const { filter, partners, counts, tracks, countries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const trackName = new Map(tracks.map((tr) => [tr.code, tr.name]));
  const result = answer?.result as { error?: Record<string, string[] | null>; initialValue?: ProfileFormValues } | null;
  const values = answer?.invited ? {} : (result?.initialValue ?? {});
  const errors = answer?.invited ? {} : result?.error;
  const refusal = answer && "refusal" in answer ? (answer.refusal as { code: string; field?: string }) : null;
  const query = (invite: string) => {
    const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
    q.set("invite", invite);
    return `?${q}#invite`;
  };
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("partnersAdmin.title")}</h1>
        <p className="text-sm text-slate-600">{t("partnersAdmin.intro")}</p>
        <p className="flex flex-wrap gap-4 text-sm font-medium text-slate-800" data-testid="partner-counts">
          {(["investor", "park", "corporate", "disabled"] as const).map((k) => (
            <span key={k}>{t(`partnersAdmin.counts.${k}`, { count: counts[k] })}</span>
          ))}
        </p>
        <Link to="/admin/partners/import" className="text-sm font-medium text-indigo-700 hover:underline">
          {t("partnersAdmin.invite.importLink")}
        </Link>
      </header>

      <Section id="list" title={t("partnersAdmin.list.shown", { count: partners.length })}>
        <Form method="get" className="mt-2 flex flex-wrap items-end gap-3">
          <label className="text-sm text-slate-700">
            {t("partnersAdmin.filter.kind")}
            <select name="kind" defaultValue={filter.kind ?? ""} className={inputClass}>
              <option value="">{t("partnersAdmin.filter.any")}</option>
              {PARTNER_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`matching.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-700">
            {t("partnersAdmin.filter.track")}
            <select name="track" defaultValue={filter.track ?? ""} className={inputClass}>
              <option value="">{t("partnersAdmin.filter.any")}</option>
              {tracks.map((tr) => (
                <option key={tr.code} value={tr.code}>
                  {tr.name}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm text-slate-700">
            {t("partnersAdmin.filter.disabled")}
            <select name="disabled" defaultValue={filter.disabled ?? ""} className={inputClass}>
              <option value="">{t("partnersAdmin.filter.activeOnly")}</option>
              <option value="with">{t("partnersAdmin.filter.withDisabled")}</option>
              <option value="only">{t("partnersAdmin.filter.onlyDisabled")}</option>
            </select>
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("partnersAdmin.filter.apply")}
          </button>
        </Form>
        {partners.length === 0 ? (
          <p className="mt-3 text-sm text-slate-600">{t("partnersAdmin.list.empty")}</p>
        ) : (
          <table className="mt-3 min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">{t("partnersAdmin.list.name")}</th>
                <th className="px-3 py-2">{t("partnersAdmin.list.kind")}</th>
                <th className="px-3 py-2">{t("partnersAdmin.list.place")}</th>
                <th className="px-3 py-2">{t("partnersAdmin.list.tracks")}</th>
                <th className="px-3 py-2">{t("partnersAdmin.list.people")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {partners.map((p) => (
                <tr key={p.id}>
                  <td className="px-3 py-1.5">
                    <Link to={`/admin/partners/${p.id}`} className="text-indigo-700 hover:underline">
                      {localized(locale, p.nameZh, p.nameEn)}
                    </Link>
                    {p.disabledAt ? (
                      <span className="ml-2 text-xs text-rose-700">{t("partnersAdmin.list.disabledTag")}</span>
                    ) : null}
                  </td>
                  <td className="px-3 py-1.5">{t(`matching.kind.${p.kind}`)}</td>
                  <td className="px-3 py-1.5">{[p.country, p.city].filter(Boolean).join(", ")}</td>
                  <td className="px-3 py-1.5">{p.tracks.map((c) => trackName.get(c) ?? c).join(", ")}</td>
                  <td className="px-3 py-1.5">
                    {t("partnersAdmin.list.accepted", { accepted: p.accepted, people: p.people })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section id="invite" title={t("partnersAdmin.invite.title")}>
        <p className="mt-1 text-sm text-slate-600">{t("partnersAdmin.invite.help")}</p>
        {answer?.invited ? (
          <div role="status" className="mt-3 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            <p>{t("partnersAdmin.invite.done", { name: answer.invited.name, email: answer.invited.email })}</p>
            <input
              readOnly
              value={answer.invited.link}
              aria-label={t("partnersAdmin.invite.copy")}
              className={`${inputClass} mt-1 font-mono text-xs`}
              data-testid="invite-link"
            />
          </div>
        ) : null}
        <nav className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t("partners.fields.kind")}>
          {PARTNER_KINDS.map((k) => (
            <Link
              key={k}
              to={query(k)}
              aria-current={k === filter.invite ? "page" : undefined}
              className={`rounded-full border px-3 py-1 ${k === filter.invite ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-300 text-slate-700"}`}
            >
              {t(`matching.kind.${k}`)}
            </Link>
          ))}
        </nav>
        <p className="mt-1 text-xs text-slate-500">{t("partnersAdmin.invite.kindHelp")}</p>
        <Form method="post" className="mt-3 space-y-4" id="partner-invite" key={answer?.invited?.partnerId ?? "invite"}>
          <RefusalMessage refusal={refusal} />
          <input type="hidden" name="kind" value={filter.invite} />
          <PartnerProfileFields
            kind={filter.invite}
            values={values}
            errors={errors}
            tracks={tracks}
            countries={countries}
          />
          <fieldset className="grid gap-4 sm:grid-cols-2">
            <legend className="mb-1 text-sm font-semibold text-slate-900">{t("partnersAdmin.invite.person")}</legend>
            <TextField name="personName" values={values} errors={errors} />
            <TextField name="personEmail" type="email" values={values} errors={errors} />
          </fieldset>
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("partnersAdmin.invite.submit")}
          </button>
        </Form>
      </Section>
    </div>
  );
}
