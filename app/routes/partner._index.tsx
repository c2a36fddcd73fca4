// A partner's home: the consenting entries ranked by fit to this partner, with the reasons in
// words, filters kept in the URL (track, group, region, country, stage, least fit, shortlisted only),
// the shortlist toggle and a meeting request per entry.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FitList, NeedLines } from "~/components/follow-on/fit-words";
import { RequestButton, ShortlistToggle } from "~/components/follow-on/partner-forms";
import { inputClass } from "~/components/form-field";
import { FUNDING_STAGES, REGIONS } from "~/domain/partner-vocabulary";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { partnerAction, type PartnerActionData } from "~/routing/partner-actions.server";
import { throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.partnerHome");

const code = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,20}$/)
  .optional()
  .catch(undefined);
const query = z.object({
  track: code,
  group: code,
  region: z.enum(REGIONS).optional().catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  stage: z.enum(FUNDING_STAGES).optional().catch(undefined),
  min: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
  shortlisted: z.literal("1").optional().catch(undefined),
});

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const q = query.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await context.services.matching.entriesForPartner(user, {
    ...(q.track ? { tracks: [q.track] } : {}),
    ...(q.group ? { groups: [q.group] } : {}),
    ...(q.region ? { regions: [q.region] } : {}),
    ...(q.country ? { countries: [q.country] } : {}),
    ...(q.stage ? { stages: [q.stage] } : {}),
    ...(q.min ? { minScore: q.min } : {}),
    shortlistedOnly: q.shortlisted === "1",
  });
  if (!list.ok) throwRefusal(list);
  return list;
}

export async function action(args: ActionFunctionArgs) {
  const url = new URL(args.request.url);
  url.searchParams.delete("index");
  const search = url.searchParams.toString();
  return partnerAction(args, `/partner${search ? `?${search}` : ""}`);
}

function Choice({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  return (
    <label className="text-sm text-slate-700">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={search.get(name) ?? ""} className={inputClass}>
        <option value="">{t("matching.lists.any")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export default function PartnerHome() {
  const page = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as PartnerActionData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const named = (n: { code: string; nameZh: string; nameEn: string }) => ({
    value: n.code,
    label: localized(locale, n.nameZh, n.nameEn),
  });
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("matching.lists.entriesTitle", { name: localized(locale, page.partner.nameZh, page.partner.nameEn) })}
        </h1>
        <nav className="flex flex-wrap gap-4 text-sm font-medium">
          <Link to="/partner/requests" className="text-indigo-700 hover:underline">
            {t("matching.myRequests")}
          </Link>
          <Link to="/partner/agenda" className="text-indigo-700 hover:underline">
            {t("agenda.title")}
          </Link>
          <Link to="/partner/meetings" className="text-indigo-700 hover:underline">
            {t("outcome.list.partnerLink")}
          </Link>
        </nav>
      </header>
      <Form method="get" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-4">
        <Choice name="track" label={t("matching.lists.track")} options={page.names.tracks.map(named)} />
        <Choice name="group" label={t("matching.lists.group")} options={page.names.groups.map(named)} />
        <Choice
          name="region"
          label={t("matching.lists.region")}
          options={REGIONS.map((r) => ({ value: r, label: t(`matching.region.${r}`) }))}
        />
        <Choice
          name="country"
          label={t("matching.lists.country")}
          options={page.countries.map((c) => ({ value: c, label: c }))}
        />
        <Choice
          name="stage"
          label={t("matching.lists.stage")}
          options={FUNDING_STAGES.map((s) => ({ value: s, label: t(`matching.stage.${s}`) }))}
        />
        <label className="text-sm text-slate-700">
          <span className="block font-medium">{t("matching.lists.minScore")}</span>
          <input
            type="number"
            name="min"
            min={1}
            max={100}
            defaultValue={search.get("min") ?? ""}
            className={inputClass}
          />
        </label>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" name="shortlisted" value="1" defaultChecked={search.get("shortlisted") === "1"} />
          {t("matching.lists.shortlistedOnly")}
        </label>
        <button type="submit" className="self-end rounded-md bg-slate-800 px-3 py-2 text-sm font-medium text-white">
          {t("matching.lists.filter")}
        </button>
      </Form>
      {page.rows.length === 0 ? <p className="text-sm text-slate-600">{t("matching.lists.entriesEmpty")}</p> : null}
      <ol className="space-y-3">
        {page.rows.map((r) => (
          <li
            key={r.card.id}
            className="rounded-lg border border-slate-200 bg-white p-4"
            data-testid={`entry-${r.card.code}`}
          >
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <Link to={`/partner/entries/${r.card.code}`} className="font-medium text-indigo-700 hover:underline">
                <span className="font-mono text-xs text-slate-500">{r.card.code}</span>{" "}
                {localized(locale, r.card.titleZh, r.card.titleEn)}
              </Link>
              <ShortlistToggle entryId={r.card.id} shortlisted={r.shortlisted} />
            </div>
            <p className="text-sm text-slate-600">
              {r.card.organization} · {r.card.country}
            </p>
            <NeedLines needs={r.needs} />
            <FitList score={r.score} reasons={r.reasons} mismatches={r.mismatches} tracks={page.names.tracks} />
            <RequestButton
              entryId={r.card.id}
              request={r.request}
              refusal={acted?.entryId === r.card.id ? acted.refusal : null}
            />
          </li>
        ))}
      </ol>
    </div>
  );
}
