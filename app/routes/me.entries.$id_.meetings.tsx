// An entrant's accepted meetings for one entry, each with the form for the entrant's own record of
// what came of it. Only this entry's meetings, and only for its own entrant (or an organizer).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { OutcomeMeetings } from "~/components/follow-on/outcome-meetings";
import { idSchema } from "~/domain/common-schemas";
import { pageTitle } from "~/i18n/meta";
import { outcomeAction, type OutcomeActionData } from "~/routing/outcome-actions.server";
import { throwRefusal } from "~/routing/refusals";
import { parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "outcome.list.title");

const params = z.object({ id: idSchema });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request);
  const { id } = parseParams(raw, params);
  const out = await context.services.outcomes.ownMeetings(user, { side: "entry", entryId: id });
  if (!out.ok) throwRefusal(out);
  return { entryId: id, meetings: out.meetings };
}

export async function action({ request, context, params: raw }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request);
  const { id } = parseParams(raw, params);
  return outcomeAction({ request }, context, user, { side: "entry", entryId: id }, `/me/entries/${id}/meetings`);
}

export default function EntryMeetings() {
  const { entryId, meetings } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>() as OutcomeActionData | undefined;
  const [search] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <nav className="flex gap-4 text-sm">
        <Link to={`/me/entries/${entryId}/follow-on`} className="text-indigo-700 hover:underline">
          {t("matching.needs.link")}
        </Link>
        <Link to="/me/agenda" className="text-indigo-700 hover:underline">
          {t("agenda.title")}
        </Link>
      </nav>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("outcome.list.title")}</h1>
      <p className="text-sm text-slate-600">{t("outcome.list.intro")}</p>
      <p className="text-xs text-slate-500">{t("outcome.privacy")}</p>
      <OutcomeMeetings meetings={meetings} side="entry" acted={acted} savedId={Number(search.get("saved")) || null} />
    </div>
  );
}
