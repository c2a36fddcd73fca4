// What every export route shares: the reader's words (headers in their language), the organizer's
// entry list as a table, and the download headers every export answers with.
import type { AppLoadContext } from "@remix-run/node";
import { entryColumns, knownZone, type Table, type Words } from "../domain/export-columns";
import { createI18n } from "../i18n/config";
import { countryName } from "../i18n/countries";
import { resolveLocale } from "../i18n/locale.server";
import { adminListQuery } from "../services/entry-admin.server";
import { tableInSlices } from "../services/spreadsheet.server";
import { organizerEdition } from "./edition.server";
import { throwRefusal } from "./refusals";

const translators = { en: createI18n("en"), "zh-Hans": createI18n("zh-Hans"), "zh-Hant": createI18n("zh-Hant") };

/** The words of the reader's language (the `lng` cookie, else Accept-Language), for headers and cells. */
export async function readerWords(request: Request): Promise<Words> {
  const locale = await resolveLocale(request);
  const i18n = translators[locale];
  return {
    locale,
    t: (key, params) => i18n.t(key, params ?? {}),
    country: (code) => countryName(code, locale),
  };
}

/** The organizer's current filtered list (the same query string as the table) as a table. */
export async function exportTable(request: Request, context: AppLoadContext): Promise<{ table: Table; words: Words }> {
  const { user, competition } = await organizerEdition(request, context);
  const query = adminListQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const outcome = await context.services.entryAdmin.exportEntries(user, competition.id, query);
  if (!outcome.ok) throwRefusal(outcome);
  const words = await readerWords(request);
  return { table: await tableInSlices(entryColumns(words, knownZone(competition.time_zone)), outcome.rows), words };
}

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_TYPE = "text/csv; charset=utf-8";

export function attachment(base: string, extension: string, type: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  return {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${base}-${stamp}.${extension}"`,
    "Cache-Control": "no-store",
    // The same URL answers in the reader's language.
    Vary: "Cookie, Accept-Language",
  };
}
