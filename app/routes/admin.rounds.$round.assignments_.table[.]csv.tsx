import type { LoaderFunctionArgs } from "@remix-run/node";
import { pairFilterOf } from "~/domain/assignment-table-filter";
import { resolveLocale } from "~/i18n/locale.server";
import { attachment } from "~/routing/entry-export.server";
import { organizerRound } from "~/routing/guards.server";
import { toCsv } from "~/services/spreadsheet.server";

/** The round's judge–entry table (the page's filter) as CSV, headers in the reader's language. */
export async function loader(args: LoaderFunctionArgs) {
  const { competition, round } = await organizerRound(args);
  const { filter } = pairFilterOf(new URL(args.request.url).searchParams);
  const table = await args.context.services.assignment.pairSpreadsheet(round.id, filter, {
    locale: await resolveLocale(args.request),
    timeZone: competition.time_zone,
  });
  return new Response(toCsv(table), {
    headers: attachment(`judges-entries-${round.slug}`, "csv", "text/csv; charset=utf-8"),
  });
}
