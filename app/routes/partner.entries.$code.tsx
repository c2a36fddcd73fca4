// One consenting entry as a partner sees it: title, summary, organization, country, track and group,
// its needs and why it fits this partner, the deck link, the shortlist toggle and a meeting request.
// Anything a partner may not see (no consent, not in follow-on, no such code) is a plain 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FitList, NeedLines } from "~/components/follow-on/fit-words";
import { RequestButton, ShortlistToggle } from "~/components/follow-on/partner-forms";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { partnerAction, type PartnerActionData } from "~/routing/partner-actions.server";
import { throwRefusal } from "~/routing/refusals";
import { parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.partnerHome");

const params = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,20}$/) });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const { code } = parseParams(raw, params);
  const entry = await context.services.matching.partnerEntry(user, code);
  if (!entry.ok) throwRefusal(entry);
  return entry;
}

export async function action(args: ActionFunctionArgs) {
  const { code } = parseParams(args.params, params);
  return partnerAction(args, `/partner/entries/${code}`);
}

export default function PartnerEntry() {
  const e = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as PartnerActionData | undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  const track = e.names.tracks.find((x) => x.code === e.card.trackCode);
  const group = e.names.groups.find((x) => x.code === e.card.groupCode);
  return (
    <div className="mx-auto max-w-4xl space-y-5">
      <Link to="/partner" className="text-sm text-indigo-700 hover:underline">
        {t("matching.lists.back")}
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-mono text-sm text-slate-500">{e.card.code}</p>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">
            {localized(locale, e.card.titleZh, e.card.titleEn)}
          </h1>
          <p className="text-sm text-slate-600">
            {e.card.organization} · {e.card.country} ·{" "}
            {track ? localized(locale, track.nameZh, track.nameEn) : e.card.trackCode} ·{" "}
            {group ? localized(locale, group.nameZh, group.nameEn) : e.card.groupCode} ·{" "}
            {t(`matching.region.${e.region}`)}
          </p>
        </div>
        <ShortlistToggle entryId={e.card.id} shortlisted={e.shortlisted} />
      </header>
      <p className="whitespace-pre-line text-slate-800">{localized(locale, e.card.summaryZh, e.card.summaryEn)}</p>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">{t("matching.lists.needs")}</h2>
        <NeedLines needs={e.needs} />
        {e.note ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{e.note}</p> : null}
      </section>
      <section>
        <h2 className="text-lg font-semibold text-slate-900">{t("matching.lists.fit")}</h2>
        <FitList score={e.fit.score} reasons={e.fit.reasons} mismatches={e.fit.mismatches} tracks={e.names.tracks} />
      </section>
      <p>
        {e.hasDeck ? (
          <a href={`/partner/entries/${e.card.code}/deck`} className="font-medium text-indigo-700 hover:underline">
            {t("matching.lists.deck")}
          </a>
        ) : (
          <span className="text-sm text-slate-600">{t("matching.lists.noDeck")}</span>
        )}
      </p>
      <RequestButton
        entryId={e.card.id}
        request={e.request}
        refusal={acted?.entryId === e.card.id ? acted.refusal : null}
      />
    </div>
  );
}
