// An entry's pitch deck, read inline (the judge's sheet frames it): only for its entrant, organizers
// and the judges assigned to it; everyone else gets the 404 a missing deck gets (services/decks/access).
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { inlineDisposition } from "~/domain/deck-rules";
import { notFound, parseParams } from "~/routing/responses";

const params = z.object({ code: z.string().regex(/^[A-Z0-9-]{6,20}$/) });

export async function loader({ request, context, params: raw }: LoaderFunctionArgs) {
  const { code } = parseParams(raw, params);
  const user = await context.services.auth.currentUser(request);
  const deck = await context.services.decks.read(user, code);
  if (!deck) throw notFound();
  return new Response(createReadableStreamFromReadable(deck.stream), {
    headers: {
      "Content-Type": deck.mediaType,
      "Content-Length": String(deck.bytes),
      "Content-Disposition": inlineDisposition(deck.fileName),
      // X-Content-Type-Options: nosniff and X-Frame-Options: SAMEORIGIN come from helmet (server.ts),
      // on every response: the judge's sheet may frame the deck, other sites may not.
      // Readable only by who asked: no shared cache may keep it. The hash names this exact content.
      "Cache-Control": "private, no-store",
      ETag: `"${deck.sha256}"`,
    },
  });
}
