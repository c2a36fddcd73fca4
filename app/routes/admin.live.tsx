import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { ControlRoom } from "~/components/live/control-room";
import { refuseLive } from "~/domain/live-refusals";
import { refused } from "~/routing/refusals";
import { organizerEdition } from "~/routing/edition.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.controlRoom");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { competition } = await organizerEdition(request, context);
  const [snapshot, view] = await Promise.all([
    context.services.live.snapshot(competition.slug),
    context.services.live.controlView(competition.slug),
  ]);
  // The preview of the big screen draws its header with the competition's name.
  const name = { zh: competition.name_zh, en: competition.name_en };
  return { slug: competition.slug, name, state: snapshot?.state ?? null, view };
}

/** Starting the live final is a plain form post: it works before any socket is connected. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const form = z.object({ intent: z.literal("start") }).safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return refused(refuseLive("invalidPayload"));
  const outcome = await context.services.live.start(user, competition.slug);
  if (!outcome.ok) return refused(outcome);
  return redirect("/admin/live");
}

export default ControlRoom;
