// A partner's agenda as an iCalendar file: one event per placed meeting, updated in place when it moves.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { agendaDownload } from "~/routing/agenda.server";

export const loader = (args: LoaderFunctionArgs) => agendaDownload(args, "partner");
