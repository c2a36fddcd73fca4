// An entrant's follow-on page for one entry in the needs round: what it needs and its consent to be
// shown, the partners that fit it (best first, by kind), and its meeting requests both ways.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, refusalOptions, type PageRefusal } from "~/components/form-field";
import { FitList, RequestItem } from "~/components/follow-on/fit-words";
import { NeedsForm, type NeedsValues } from "~/components/follow-on/needs-form";
import { idSchema } from "~/domain/common-schemas";
import { needsFormSchema, requestMessageSchema } from "~/domain/needs-form";
import { PARTNER_KINDS, REQUEST_ACTIONS } from "~/domain/partner-vocabulary";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { refused, refusedReply, throwRefusal } from "~/routing/refusals";
import { parseParams } from "~/routing/responses";
import type { NeedsRow } from "~/services/follow-on/profiles.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.needs.link");

const params = z.object({ id: idSchema });
const kindQuery = z.enum(PARTNER_KINDS).optional().catch(undefined);
const requestForm = z.object({ partnerId: idSchema, message: requestMessageSchema });
const actForm = z.object({ requestId: idSchema, action: z.enum(REQUEST_ACTIONS) });

async function asker({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request);
  const { id } = parseParams(raw, params);
  return { user, id };
}

function values(needs: NeedsRow | null): NeedsValues {
  if (!needs) return {};
  const s = (v: string | number | null) => (v === null ? undefined : String(v));
  return {
    region: needs.region,
    financingAmountWan: s(needs.financing_amount_wan),
    financingStage: s(needs.financing_stage),
    spaceAreaM2: s(needs.space_area_m2),
    spaceCity: s(needs.space_city),
    spaceFromMonth: s(needs.space_from_month),
    marketCustomerKind: s(needs.market_customer_kind),
    marketRegion: s(needs.market_region),
    note: s(needs.note),
  };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, id } = await asker(args);
  const m = args.context.services.matching;
  const kind = kindQuery.parse(new URL(args.request.url).searchParams.get("kind") ?? undefined);
  const page = await m.needsPage(user, id);
  if (!page.ok) throwRefusal(page);
  const [partners, requests] = await Promise.all([m.partnersForEntry(user, id, kind), m.requestsOfEntry(user, id)]);
  if (!partners.ok) throwRefusal(partners);
  if (!requests.ok) throwRefusal(requests);
  return {
    entry: page.entry,
    values: values(page.needs),
    consented: page.needs?.consented_at != null,
    kind: kind ?? null,
    partners: partners.rows,
    tracks: partners.names.tracks,
    requests: requests.requests,
  };
}

type ActionData = {
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | null;
  refusal?: PageRefusal | null;
  partnerId?: number;
  requestId?: number;
};

export async function action(args: ActionFunctionArgs) {
  const { user, id } = await asker(args);
  const m = args.context.services.matching;
  const formData = await args.request.formData();
  const form = formData.get("form");
  if (form === "request") {
    const parsed = requestForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ refusal: { code: "validation.tooLong", field: "message" } }, { status: 400 });
    const out = await m.requestFromEntry(user, id, parsed.data.partnerId, parsed.data.message);
    if (!out.ok) return refused(out, { partnerId: parsed.data.partnerId });
    return redirect(`/me/entries/${id}/follow-on?requested=1`);
  }
  if (form === "act") {
    const parsed = actForm.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return data({ refusal: { code: "validation.required" } }, { status: 400 });
    const out = await m.actOnRequest(user, { as: "entry", entryId: id }, parsed.data.requestId, parsed.data.action);
    if (!out.ok) return refused(out, { requestId: parsed.data.requestId });
    return redirect(`/me/entries/${id}/follow-on?done=1`);
  }
  const submission = parseWithZod(formData, { schema: needsFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const out = await m.saveNeeds(user, id, submission.value);
  if (!out.ok && out.kind === "not_found") throwRefusal(out);
  if (!out.ok) return refusedReply(submission, out);
  return redirect(`/me/entries/${id}/follow-on?saved=1`);
}

export default function EntryFollowOn() {
  const page = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as ActionData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const initial = acted?.result?.initialValue as NeedsValues | undefined;
  const status = search.has("saved")
    ? "matching.needs.saved"
    : search.has("requested")
      ? "matching.request.sent"
      : search.has("done")
        ? "matching.request.done"
        : null;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <Link to={`/me/entries/${page.entry.id}`} className="text-sm text-indigo-700 hover:underline">
          {page.entry.code}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("matching.needs.title", { code: page.entry.code })}
        </h1>
        <p className="mt-1 text-sm text-slate-600">{t("matching.needs.intro")}</p>
        <p className="mt-1 text-sm font-medium" data-testid="consent-state">
          {t(page.consented ? "matching.needs.consented" : "matching.needs.notConsented")}
        </p>
      </header>
      {status ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t(status)}
        </p>
      ) : null}
      <NeedsForm
        values={initial ?? page.values}
        errors={acted?.result?.error ?? undefined}
        consented={page.consented}
      />

      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("matching.lists.partnersTitle")}</h2>
        <nav className="flex flex-wrap gap-2 text-sm">
          <KindLink kind={null} current={page.kind} />
          {PARTNER_KINDS.map((k) => (
            <KindLink key={k} kind={k} current={page.kind} />
          ))}
        </nav>
        {page.partners.length === 0 ? (
          <p className="text-sm text-slate-600">{t("matching.lists.partnersEmpty")}</p>
        ) : null}
        <ol className="space-y-3">
          {page.partners.map((p) => (
            <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`partner-${p.id}`}>
              <p className="font-medium text-slate-900">
                {localized(locale, p.nameZh, p.nameEn)}{" "}
                <span className="text-xs text-slate-500">{t(`matching.kind.${p.kind}`)}</span>
              </p>
              <FitList score={p.score} reasons={p.reasons} mismatches={p.mismatches} tracks={page.tracks} />
              {p.request ? (
                <p className="mt-2 text-sm text-slate-600">{t(`matching.request.state.${p.request.state}`)}</p>
              ) : null}
              {!p.request || p.request.state === "declined" || p.request.state === "withdrawn" ? (
                <Form method="post" className="mt-2 flex flex-wrap items-end gap-2">
                  <input type="hidden" name="form" value="request" />
                  <input type="hidden" name="partnerId" value={p.id} />
                  <input
                    name="message"
                    maxLength={1000}
                    placeholder={t("matching.request.message")}
                    aria-label={t("matching.request.message")}
                    className={`${inputClass} max-w-sm`}
                  />
                  <button
                    type="submit"
                    className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
                  >
                    {t("matching.request.send")}
                  </button>
                </Form>
              ) : null}
              {acted?.partnerId === p.id && acted.refusal ? (
                <p role="alert" className="mt-1 text-sm text-rose-700">
                  {t(acted.refusal.code, refusalOptions(acted.refusal))}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <section className="space-y-3">
        <h2 className="text-lg font-semibold text-slate-900">{t("matching.request.title")}</h2>
        {page.requests.length === 0 ? <p className="text-sm text-slate-600">{t("matching.request.empty")}</p> : null}
        <ul className="space-y-2">
          {page.requests.map((r) => (
            <RequestItem
              key={r.id}
              request={r}
              side="entry"
              title={`${localized(locale, r.partnerNameZh, r.partnerNameEn)} · ${t(`matching.kind.${r.partnerKind}`)}`}
              refusal={acted?.requestId === r.id ? acted.refusal : null}
            />
          ))}
        </ul>
      </section>
    </div>
  );
}

function KindLink({ kind, current }: { kind: string | null; current: string | null }) {
  const { t } = useTranslation();
  const active = kind === current;
  return (
    <Link
      to={kind ? `?kind=${kind}` : "?"}
      aria-current={active ? "page" : undefined}
      className={`rounded-full border px-3 py-1 ${active ? "border-indigo-600 bg-indigo-50 text-indigo-800" : "border-slate-300 text-slate-700"}`}
    >
      {kind ? t(`matching.kind.${kind}`) : t("matching.kindAll")}
    </Link>
  );
}
