// A partner's own meeting requests, sent and received, with accept, decline and withdraw. Only this
// partner's: another partner's requests are never listed, and acting on one answers 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RequestItem } from "~/components/follow-on/fit-words";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { partnerAction, type PartnerActionData } from "~/routing/partner-actions.server";
import { throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "matching.myRequests");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const list = await context.services.matching.requestsOfPartner(user);
  if (!list.ok) throwRefusal(list);
  return { requests: list.requests };
}

export async function action(args: ActionFunctionArgs) {
  return partnerAction(args, "/partner/requests");
}

export default function PartnerRequests() {
  const { requests } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as PartnerActionData | undefined;
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <Link to="/partner" className="text-sm text-indigo-700 hover:underline">
        {t("matching.lists.back")}
      </Link>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("matching.request.title")}</h1>
      {requests.length === 0 ? <p className="text-sm text-slate-600">{t("matching.request.empty")}</p> : null}
      <ul className="space-y-2">
        {requests.map((r) => (
          <RequestItem
            key={r.id}
            request={r}
            side="partner"
            title={`${r.entryCode} · ${localized(locale, r.entryTitleZh, r.entryTitleEn)}`}
            refusal={acted?.requestId === r.id ? acted.refusal : null}
          />
        ))}
      </ul>
    </div>
  );
}
