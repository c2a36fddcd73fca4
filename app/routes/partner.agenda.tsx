// A partner's meeting agenda: its placed meetings once the organizers published the schedule.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgendaList } from "~/components/follow-on/agenda-list";
import { pageTitle } from "~/i18n/meta";
import { askerAgenda } from "~/routing/agenda.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.title");

export async function loader(args: LoaderFunctionArgs) {
  return { agenda: await askerAgenda(args, "partner") };
}

export default function PartnerAgenda() {
  const { agenda } = useLoaderData<typeof loader>();
  return <AgendaList agenda={agenda} icsHref="/partner/agenda.ics" outcomesHref="/partner/meetings" />;
}
