// What the agenda pages and calendar files share: the asker's agenda (a partner's or an entrant's),
// and the calendar file worded in the reader's language, served as a download.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { nameIn } from "../domain/export-columns";
import type { AgendaView, AgendaWords } from "../services/follow-on/agenda.server";
import { readerWords } from "./entry-export.server";
import { throwRefusal } from "./refusals";

export type AgendaSide = "partner" | "entry";

/** The asker's agenda: a partner's person their partner's, anyone else their own entries'. */
export async function askerAgenda(
  { request, context }: Pick<LoaderFunctionArgs, "request" | "context">,
  side: AgendaSide,
) {
  const services = context.services;
  const user = await services.auth.requireUser(request, side === "partner" ? "partner" : undefined);
  const out = side === "partner" ? await services.agenda.ofPartner(user) : await services.agenda.ofEntrant(user);
  if (!out.ok) throwRefusal(out);
  return out.agenda;
}

/** The agenda as an .ics download (an empty calendar before the schedule is published). */
export async function agendaDownload(args: Pick<LoaderFunctionArgs, "request" | "context">, side: AgendaSide) {
  const agenda: AgendaView = await askerAgenda(args, side);
  const words = await readerWords(args.request);
  const edition = nameIn(words, agenda.editionZh, agenda.editionEn);
  const other = (i: AgendaView["items"][number]) => nameIn(words, i.withZh, i.withEn) || i.entryCode;
  const agendaWords: AgendaWords = {
    calendarName: [words.t("agenda.ics.calendarName"), edition].filter(Boolean).join(" · "),
    summary: (i) => words.t("agenda.ics.summary", { name: other(i), code: i.entryCode }),
    location: (i) => (i.tableNo === null ? undefined : words.t("agenda.ics.location", { table: i.tableNo })),
    description: (i) => words.t("agenda.ics.description", { name: other(i), code: i.entryCode }),
  };
  const body = args.context.services.agenda.calendar(agenda, agendaWords);
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="follow-on-meetings.ics"`,
      "Cache-Control": "no-store",
      Vary: "Cookie, Accept-Language",
    },
  });
}
