import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { z } from "zod";
import { VoteFraudPanel } from "~/components/live/vote-fraud-panel";
import { refuseLive } from "~/domain/live-refusals";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.liveVotes");

/** The audience vote's counts and fraud flags; before the final starts, a line saying so. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const panel = await context.services.votes.panel(user, competition.slug);
  if ("ok" in panel) {
    if (panel.code === "live.refusal.notStarted") return { panel: null };
    throwRefusal(panel);
  }
  return { panel };
}

const reason = z.string().trim().min(1).max(500);
const count = z.coerce.number().int().positive().max(1_000_000);
const confirmed = z.literal("on");
const changeForm = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("discount"), flag: z.string().min(1).max(200), count, reason, confirm: confirmed }),
  z.object({ intent: z.literal("restore"), batch: z.string().datetime(), count, reason, confirm: confirmed }),
]);

/** Discounting a flag's votes, or counting a discounted batch again: both with a reason and a confirmed number. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const raw = Object.fromEntries(await request.formData());
  const form = changeForm.safeParse(raw);
  if (!form.success) {
    const field = String(form.error.issues[0]?.path[0] ?? "");
    if (field === "reason") return refused(refuseLive("reasonRequired", { field: "reason" }), { form: raw["intent"] });
    return refused(refuseLive("invalidPayload"), { form: raw["intent"] });
  }
  const change = form.data;
  const votes = context.services.votes;
  const outcome =
    change.intent === "discount"
      ? await votes.discount(user, competition.slug, change)
      : await votes.restore(user, competition.slug, change);
  if (!outcome.ok) return refused(outcome, { form: change.intent });
  return { done: change.intent, votes: outcome.votes };
}

export default VoteFraudPanel;
