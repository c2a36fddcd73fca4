// What the entry import's download routes share: the organizer's edition, a translator in the
// reader's language, and the headers of a file to download.
import type { AppLoadContext } from "@remix-run/node";
import { createI18n } from "../i18n/config";
import { resolveLocale } from "../i18n/locale.server";
import { organizerEdition } from "./edition.server";
import { throwRefusal } from "./refusals";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The organizer, their edition and `t` in the reader's language. */
export async function importDownload(request: Request, context: AppLoadContext) {
  const [{ user, competition }, locale] = await Promise.all([
    organizerEdition(request, context),
    resolveLocale(request),
  ]);
  const i18n = createI18n(locale);
  const t = (key: string, params?: Record<string, string | number>) => i18n.t(key, params);
  return { user, competition, t };
}

/** The template's data for the organizer's edition. */
export async function templateOf(request: Request, context: AppLoadContext) {
  const { user, competition, t } = await importDownload(request, context);
  const outcome = await context.services.entryImport.template(user, competition.id);
  if (!outcome.ok) throwRefusal(outcome);
  return { data: outcome.data, t, slug: competition.slug };
}

/** The entries one import made (`?batch=`), for their download. */
export async function batchOf(request: Request, context: AppLoadContext) {
  const { user, competition, t } = await importDownload(request, context);
  const batch = new URL(request.url).searchParams.get("batch") ?? "";
  if (!/^[0-9a-f-]{36}$/.test(batch)) throw new Response("Not found", { status: 404 });
  const outcome = await context.services.entryImport.batch(user, competition.id, batch);
  if (!outcome.ok) throwRefusal(outcome);
  return { created: outcome.created, t, origin: new URL(request.url).origin };
}

/** Download headers: the file's type and name, never cached (the result holds claim links). */
export function download(name: string, type: string) {
  return {
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${name}"`,
    "Cache-Control": "no-store",
  };
}
