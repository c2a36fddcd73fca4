// An organizer replacing an entry's pitch deck (also after the registration deadline): the upload
// posts here; saved, it goes back to the entry; refused, this page shows the form with the message.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DeckPage } from "~/components/deck-upload";
import { idSchema } from "~/domain/common-schemas";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "decks.title");

const params = z.object({ id: idSchema });

async function asker(args: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(args.request, args.context);
  const { id } = parseParams(args.params, params);
  return { user, id, competition, as: { as: "organizer" as const, competitionId: competition.id } };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, id, competition, as } = await asker(args);
  const page = await args.context.services.decks.page(user, id, as);
  if (!page) throw notFound();
  return { ...page, timeZone: competition.time_zone };
}

export async function action(args: ActionFunctionArgs) {
  const { user, id, as } = await asker(args);
  const outcome = await args.context.services.decks.replace(user, id, args.request, as);
  if (!outcome.ok && outcome.kind === "not_found") throwRefusal(outcome);
  if (!outcome.ok) return refused(outcome);
  return redirect(`/admin/entries/${id}?deck=saved`);
}

export default function OrganizerDeck() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <DeckPage
      back={`/admin/entries/${page.entry.id}`}
      code={page.entry.code}
      action={`/admin/entries/${page.entry.id}/deck`}
      deck={page.deck}
      videoUrl={page.videoUrl}
      open={page.open}
      organizer
      timeZone={page.timeZone}
      refusal={data?.refusal ?? null}
    />
  );
}
