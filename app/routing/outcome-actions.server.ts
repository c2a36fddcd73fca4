// The outcome form's action, shared by the partner's and the entrant's meeting pages: the fields are
// checked by the domain's schema (errors at the field, nothing written), then the service checks the
// asker is a party to the meeting and records it; a meeting not theirs answers 404.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { outcomeFormSchema } from "../domain/meeting-outcomes";
import type { SessionUser } from "../services/auth/deps.server";
import type { OutcomeAsker } from "../services/follow-on/outcomes.server";
import { refusedReply, throwRefusal } from "./refusals";

/** What an outcome page's action answers with: the reply for the one meeting whose form was posted. */
export type OutcomeActionData = {
  meetingId?: number;
  result?: { error?: Record<string, string[] | null> | null; initialValue?: Record<string, unknown> | null } | null;
};

export async function outcomeAction(
  { request }: Pick<ActionFunctionArgs, "request">,
  context: ActionFunctionArgs["context"],
  user: SessionUser,
  asker: OutcomeAsker,
  back: string,
) {
  const formData = await request.formData();
  const posted = Number(formData.get("meetingId"));
  const meetingId = Number.isSafeInteger(posted) && posted > 0 ? posted : undefined;
  const submission = parseWithZod(formData, { schema: outcomeFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), meetingId }, { status: 400 });
  const out = await context.services.outcomes.record(
    user,
    asker,
    submission.value.meetingId,
    Object.fromEntries(formData),
  );
  if (!out.ok && out.kind === "not_found") throwRefusal(out);
  if (!out.ok) return refusedReply(submission, out, { meetingId });
  return redirect(`${back}?saved=${submission.value.meetingId}#meeting-${submission.value.meetingId}`);
}
