// The actions a partner's pages share: the shortlist toggle and a meeting request to an entry, each
// answered with the refusal at the entry it was about (the page shows it at that entry's button).
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { idSchema } from "~/domain/common-schemas";
import { requestMessageSchema } from "~/domain/needs-form";
import { REQUEST_ACTIONS } from "~/domain/partner-vocabulary";
import { refused, throwRefusal } from "./refusals";

const shortlistForm = z.object({ entryId: idSchema, on: z.enum(["0", "1"]) });
const requestForm = z.object({ entryId: idSchema, message: requestMessageSchema });
const actForm = z.object({ requestId: idSchema, action: z.enum(REQUEST_ACTIONS) });

/** Runs the posted partner action and goes back to `back`; a refusal stays on the page, at its entry or request. */
export async function partnerAction({ request, context }: ActionFunctionArgs, back: string) {
  const user = await context.services.auth.requireUser(request, "partner");
  const m = context.services.matching;
  const formData = await request.formData();
  const fields = Object.fromEntries(formData);
  const form = formData.get("form");
  if (form === "shortlist") {
    const parsed = shortlistForm.safeParse(fields);
    if (!parsed.success) return data({ refusal: { code: "validation.required" } }, { status: 400 });
    const out = await m.setShortlisted(user, parsed.data.entryId, parsed.data.on === "1");
    if (!out.ok) throwRefusal(out);
    return redirect(back);
  }
  if (form === "request") {
    const parsed = requestForm.safeParse(fields);
    if (!parsed.success) return data({ refusal: { code: "validation.tooLong", field: "message" } }, { status: 400 });
    const out = await m.requestFromPartner(user, parsed.data.entryId, parsed.data.message);
    if (!out.ok && out.kind === "not_found") throwRefusal(out);
    if (!out.ok) return refused(out, { entryId: parsed.data.entryId });
    return redirect(back);
  }
  if (form === "act") {
    const parsed = actForm.safeParse(fields);
    if (!parsed.success) return data({ refusal: { code: "validation.required" } }, { status: 400 });
    const out = await m.actOnRequest(user, { as: "partner" }, parsed.data.requestId, parsed.data.action);
    if (!out.ok && out.kind === "not_found") throwRefusal(out);
    if (!out.ok) return refused(out, { requestId: parsed.data.requestId });
    return redirect(back);
  }
  return data({ refusal: { code: "validation.required" } }, { status: 400 });
}

/** What a partner page's action answers with, as the page reads it. */
export type PartnerActionData = {
  refusal?: { code: string; field?: string; params?: Record<string, string | number> } | null;
  entryId?: number;
  requestId?: number;
};
