// What the partner template downloads share: the organizer's edition, `t` in the reader's language,
// and the codes the template lists (this edition's tracks among them).
import type { AppLoadContext } from "@remix-run/node";
import { resolveLocale } from "../i18n/locale.server";
import { templateCodes } from "../services/follow-on/partner-import-files.server";
import { importDownload } from "./import-files.server";
import { throwRefusal } from "./refusals";

export async function partnerTemplateOf(request: Request, context: AppLoadContext) {
  const { user, competition, t } = await importDownload(request, context);
  const outcome = await context.services.partnerImport.templateTracks(user, competition.id);
  if (!outcome.ok) throwRefusal(outcome);
  const zh = (await resolveLocale(request)) !== "en";
  return { codes: templateCodes(outcome.tracks, t, zh), t, slug: competition.slug };
}
