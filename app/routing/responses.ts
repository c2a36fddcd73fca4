// The answers routes (and the services that guard them) throw instead of rendering.
import type { Params } from "@remix-run/react";
import type { z } from "zod";

/**
 * The one "not found": a thing that does not exist and one the asker may not see answer alike,
 * so a 404 never tells an entrant or a judge what exists beyond their own.
 */
export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** Route params read through a schema; a URL whose params do not fit names nothing: 404. */
export function parseParams<S extends z.ZodType>(params: Params, schema: S): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) throw notFound();
  return parsed.data;
}
