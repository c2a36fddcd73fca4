// An entrant's agenda as an iCalendar file: one event per placed meeting of their entries.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaDownload } from "~/routing/agenda.server";

export const loader = (args: LoaderFunctionArgs) => agendaDownload(args, "entry");
