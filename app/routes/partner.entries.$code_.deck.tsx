// A consenting entry's current deck for a partner's person, inline; every access is logged
// (partner_deck_views) by the service. Anything the partner may not see answers 404.
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { inlineDisposition } from "~/domain/deck-rules";
import { notFound, parseParams } from "~/routing/responses";

const params = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,20}$/) });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "partner");
  const { code } = parseParams(raw, params);
  const deck = await context.services.matching.partnerDeck(user, code);
  if (!deck) throw notFound();
  return new Response(createReadableStreamFromReadable(deck.stream), {
    headers: {
      "Content-Type": deck.mediaType,
      "Content-Length": String(deck.bytes),
      "Content-Disposition": inlineDisposition(deck.fileName),
      // Never from a cache: each open must reach the server, where it is logged.
      "Cache-Control": "private, no-store",
    },
  });
}
