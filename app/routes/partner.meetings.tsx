// A partner's accepted meetings, each with the form for the partner's own record of what came of it.
// Only this partner's meetings; posting for another's answers 404 and writes nothing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OutcomeMeetings } from "~/components/follow-on/outcome-meetings";
import { pageTitle } from "~/i18n/meta";
import { outcomeAction, type OutcomeActionData } from "~/routing/outcome-actions.server";
import { throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcome.list.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const out = await context.services.outcomes.ownMeetings(user, { side: "partner" });
  if (!out.ok) throwRefusal(out);
  return { meetings: out.meetings };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  return outcomeAction({ request }, context, user, { side: "partner" }, "/partner/meetings");
}

export default function PartnerMeetings() {
  const { meetings } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as OutcomeActionData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav className="flex gap-4 text-sm">
        <Link to="/partner" className="text-indigo-700 hover:underline">
          {t("matching.lists.back")}
        </Link>
        <Link to="/partner/agenda" className="text-indigo-700 hover:underline">
          {t("agenda.title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("outcome.list.title")}</h1>
      <p className="text-sm text-slate-600">{t("outcome.list.intro")}</p>
      <p className="text-xs text-slate-500">{t("outcome.privacy")}</p>
      <OutcomeMeetings meetings={meetings} side="partner" acted={acted} savedId={Number(search.get("saved")) || null} />
    </div>
  );
}
