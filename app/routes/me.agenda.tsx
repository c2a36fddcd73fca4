// An entrant's meeting agenda: the placed meetings of their entries once the schedule is published.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AgendaList } from "~/components/follow-on/agenda-list";
import { pageTitle } from "~/i18n/meta";
import { askerAgenda } from "~/routing/agenda.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "agenda.title");

export async function loader(args: LoaderFunctionArgs) {
  return { agenda: await askerAgenda(args, "entry") };
}

export default function MyAgenda() {
  const { agenda } = useLoaderData<typeof loader>();
  return <AgendaList agenda={agenda} icsHref="/me/agenda.ics" />;
}
