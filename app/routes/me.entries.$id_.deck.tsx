// An entrant's pitch deck: the upload posts here (streamed: see services/decks/upload-form.server.ts).
// Saved, it goes back to the entry's page; refused, this page shows the form with the message at its field.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DeckPage } from "~/components/deck-upload";
import { idSchema } from "~/domain/common-schemas";
import { pageTitle } from "~/i18n/meta";
import { refused, throwRefusal } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "decks.title");

const params = z.object({ id: idSchema });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const { id } = parseParams(raw, params);
  const page = await context.services.decks.page(user, id, { as: "entrant" });
  if (!page) throw notFound();
  return page;
}

export async function action({ request, context, params: raw }: ActionFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const { id } = parseParams(raw, params);
  const outcome = await context.services.decks.replace(user, id, request, { as: "entrant" });
  if (!outcome.ok && outcome.kind === "not_found") throwRefusal(outcome);
  if (!outcome.ok) return refused(outcome);
  return redirect(`/me/entries/${id}?deck=saved`);
}

export default function EntrantDeck() {
  const page = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <DeckPage
      back={`/me/entries/${page.entry.id}`}
      code={page.entry.code}
      action={`/me/entries/${page.entry.id}/deck`}
      deck={page.deck}
      videoUrl={page.videoUrl}
      open={page.open}
      refusal={data?.refusal ?? null}
    />
  );
}
