import type { LoaderFunctionArgs } from "@remix-run/node";
import { pairFilterOf } from "~/domain/assignment-table-filter";
import { createI18n } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { attachment } from "~/routing/entry-export.server";
import { organizerRound } from "~/routing/guards.server";
import { toXlsx } from "~/services/spreadsheet.server";

/** The round's judge–entry table (the page's filter) as an Excel workbook, headers in the reader's language. */
export async function loader(args: LoaderFunctionArgs) {
  const { competition, round } = await organizerRound(args);
  const { filter } = pairFilterOf(new URL(args.request.url).searchParams);
  const locale = await resolveLocale(args.request);
  const table = await args.context.services.assignment.pairSpreadsheet(round.id, filter, {
    locale,
    timeZone: competition.time_zone,
  });
  const body = await toXlsx(table, createI18n(locale).t("assignTable.sheet"));
  return new Response(new Uint8Array(body), {
    headers: attachment(
      `judges-entries-${round.slug}`,
      "xlsx",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
  });
}
