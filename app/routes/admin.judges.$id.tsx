import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { idSchema } from "~/domain/common-schemas";
import { FormMessage, inputClass, ReasonInput } from "~/components/form-field";
import { Section } from "~/components/section";
import { countryOptions } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { localized, useLocale } from "~/i18n/use-locale";
import { refuse, messagesAt } from "~/domain/refusal";
import { refused, throwRefusal } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.judge");

const params = z.object({ id: idSchema });

async function context_(args: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const { user, competition } = await organizerEdition(args.request, args.context);
  const { id } = parseParams(args.params, params);
  return { user, competition, id };
}

export async function loader(args: LoaderFunctionArgs) {
  const { competition, id } = await context_(args);
  const [detail, options, locale, invitation] = await Promise.all([
    args.context.services.judges.detail(competition.id, id),
    args.context.services.registration.options(competition.id),
    resolveLocale(args.request),
    args.context.services.judges.invitationState(competition.id, id),
  ]);
  if (!detail || !invitation) throw notFound();
  return {
    ...detail,
    invitation: {
      lastInvitedId: invitation.lastInvitedId,
      // Formatted here, in the edition's time zone, so server and browser render the same text.
      lastInvitedAt: invitation.lastInvitedAt
        ? new Intl.DateTimeFormat(locale, {
            dateStyle: "medium",
            timeStyle: "short",
            timeZone: competition.time_zone,
          }).format(new Date(invitation.lastInvitedAt))
        : null,
    },
    allTracks: options.tracks.map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    countries: countryOptions(locale),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition, id } = await context_(args);
  const formData = await args.request.formData();
  const form = String(formData.get("form") ?? "");
  const judges = args.context.services.judges;
  if (form === "update") {
    const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
    values["tracks"] = formData.getAll("tracks").map(String).join(";");
    const outcome = await judges.update(user, competition.id, id, values);
    if (!outcome.ok) return refused(outcome, { form, invite: null });
    return redirect(`/admin/judges/${id}?saved=1`);
  }
  if (form === "conflict") {
    const entryCode = String(formData.get("entryCode") ?? "").trim();
    const organization = String(formData.get("organization") ?? "").trim();
    const reason =
      String(formData.get("reason") ?? "")
        .trim()
        .slice(0, 500) || null;
    const outcome = await judges.addConflict(user, competition.id, id, {
      ...(entryCode ? { entryCode } : {}),
      ...(organization ? { organization: organization.slice(0, 200) } : {}),
      reason,
    });
    if (!outcome.ok) return refused(outcome, { form, invite: null });
    return redirect(`/admin/judges/${id}?saved=1#conflicts`);
  }
  if (form === "send-invite") {
    const lastSeen = z.coerce.number().int().min(0).safeParse(formData.get("lastSeen"));
    if (!lastSeen.success) return refused(refuse.invalid("validation.required"), { form, invite: null });
    const outcome = await judges.resendInvitation(user, competition.id, id, lastSeen.data);
    if (!outcome.ok) return refused(outcome, { form, invite: null });
    return redirect(`/admin/judges/${id}?mailed=1`);
  }
  if (form === "invite") {
    const outcome = await judges.inviteLink(user, competition.id, id);
    if (!outcome.ok) throwRefusal(outcome);
    return { form, invite: new URL(outcome.path, args.request.url).toString() };
  }
  return refused(refuse.invalid("validation.required"), { form, invite: null });
}

/** One judge: details and expertise, conflicts, invitation link, and progress per round. */
export default function AdminJudge() {
  const { judge, tracks, conflicts, rounds, allTracks, countries, invitation } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = new Set(tracks.map((tr) => tr.code));
  const refusal = data && "refusal" in data ? data.refusal : null;
  const err = (form: string, field: string) => {
    const message = data?.form === form ? messagesAt(refusal, field)[0] : undefined;
    return message ? (
      <p role="alert" className="text-sm text-rose-700">
        {t(message)}
      </p>
    ) : null;
  };
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header>
        <p className="text-sm">
          <Link to="/admin/judges" className="text-slate-500 hover:underline">
            {t("common.judges")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{judge.name}</h1>
        <p className="text-sm text-slate-600">
          {judge.email} · {judge.invited ? t("judges.invited") : t("users.active")} · {t("assignTable.accepted")}:{" "}
          {judge.accepted_at ? t("assignTable.acceptedYes") : t("assignTable.acceptedNo")}
        </p>
      </header>
      {search.has("saved") || search.has("created") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("common.saved")}
        </p>
      ) : null}
      {search.has("mailed") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("messages.invite.sentOne", { email: judge.email })}
        </p>
      ) : null}
      {refusal && !refusal.field ? <FormMessage>{t(refusal.code)}</FormMessage> : null}

      <div className="grid gap-6 md:grid-cols-2">
        <Form method="post" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
          <input type="hidden" name="form" value="update" />
          <h2 className="font-semibold">{t("judges.details")}</h2>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t("common.name")}</span>
            <input name="name" defaultValue={judge.name} className={inputClass} />
          </label>
          {err("update", "name")}
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t("judges.jobTitle")}</span>
            <input name="title" defaultValue={judge.title ?? ""} className={inputClass} />
          </label>
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t("judges.affiliation")}</span>
            <input name="affiliation" defaultValue={judge.affiliation} className={inputClass} />
          </label>
          {err("update", "affiliation")}
          <label className="block text-sm">
            <span className="font-medium text-slate-700">{t("judges.country")}</span>
            <select name="country" defaultValue={judge.country} className={inputClass}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          {err("update", "country")}
          <fieldset>
            <legend className="text-sm font-medium text-slate-700">{t("judges.tracks")}</legend>
            <div className="mt-1 grid grid-cols-2 gap-1 text-sm">
              {allTracks.map((tr) => (
                <label key={tr.code} className="flex items-center gap-2">
                  <input type="checkbox" name="tracks" value={tr.code} defaultChecked={mine.has(tr.code)} />
                  {localized(locale, tr.nameZh, tr.nameEn)}
                </label>
              ))}
            </div>
          </fieldset>
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("admin.apply")}
          </button>
        </Form>

        <div className="space-y-4">
          <Form method="post" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <input type="hidden" name="form" value="invite" />
            <h2 className="font-semibold">{t("judges.inviteTitle")}</h2>
            <p className="text-sm text-slate-600">{t("judges.inviteHelp")}</p>
            <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
              {t("judges.makeInvite")}
            </button>
            {invitation.lastInvitedAt ? (
              <p className="text-xs text-slate-500">
                {t("messages.invite.lastSent", { date: invitation.lastInvitedAt })}
              </p>
            ) : null}
            {data && "invite" in data && data.invite ? (
              <p className="break-all rounded bg-slate-100 p-2 font-mono text-xs" data-testid="invite-link">
                {data.invite}
              </p>
            ) : null}
          </Form>
          {judge.accepted_at ? null : (
            <Form method="post" className="rounded-xl border border-slate-200 bg-white p-4">
              <input type="hidden" name="form" value="send-invite" />
              <input type="hidden" name="lastSeen" value={invitation.lastInvitedId} />
              <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
                {t(invitation.lastInvitedAt ? "messages.invite.sendOneAgain" : "messages.invite.sendOne")}
              </button>
            </Form>
          )}
          <section className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
            <h2 className="font-semibold">{t("judges.rounds")}</h2>
            <ul className="mt-1">
              {rounds.map((r) => (
                <li key={r.slug}>
                  {localized(locale, r.name_zh, r.name_en)}: {r.submitted ?? 0} / {r.assigned}
                </li>
              ))}
            </ul>
          </section>
        </div>
      </div>

      <Section id="conflicts" title={t("judges.conflicts")}>
        <ul className="mt-2 space-y-1 text-sm">
          {conflicts.map((c) => (
            <li key={c.id} className="rounded border border-slate-200 bg-white px-3 py-2">
              {c.code ? <span className="font-mono">{c.code}</span> : <span>{c.organization}</span>} ·{" "}
              {t(`conflicts.source.${c.source}`)} · {t(`conflicts.status.${c.status}`)}
              {c.reason ? <span className="text-slate-600"> · {c.reason}</span> : null}
            </li>
          ))}
        </ul>
        <Form
          method="post"
          className="mt-3 grid gap-2 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_1fr_2fr_auto]"
        >
          <input type="hidden" name="form" value="conflict" />
          <div>
            <input
              name="entryCode"
              placeholder={t("common.entryCode")}
              aria-label={t("common.entryCode")}
              className={inputClass}
            />
            {err("conflict", "entryCode")}
          </div>
          <div>
            <input
              name="organization"
              placeholder={t("common.organization")}
              aria-label={t("common.organization")}
              className={inputClass}
            />
            {err("conflict", "organization")}
          </div>
          <ReasonInput />
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("conflicts.add")}
          </button>
        </Form>
      </Section>
    </div>
  );
}
