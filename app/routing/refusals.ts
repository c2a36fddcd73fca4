// How a route answers a service's refusal: with the status its kind calls for, and the refusal in the
// action data for the page to show at the field (or as a Conform reply for Conform forms).
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Refusal, RefusalKind } from "~/domain/refusal";
import { notFound } from "./responses";

export const REFUSAL_STATUS: Record<RefusalKind, number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
};

/** The part of a refusal a page needs (the `ok` and `kind` stay on the server side of the answer). */
export type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params">;

function shown(refusal: Refusal): ShownRefusal {
  const { code, field, fields, params } = refusal;
  return {
    code,
    ...(field !== undefined ? { field } : {}),
    ...(fields ? { fields } : {}),
    ...(params ? { params } : {}),
  };
}

/** An action's answer to a refusal: `{ ...extra, refusal }` with 400/403/404/409/429. */
export function refused<T extends object>(refusal: Refusal, extra: T = {} as T) {
  return data({ ...extra, refusal: shown(refusal) }, { status: REFUSAL_STATUS[refusal.kind] });
}

/** A Conform form's answer to a refusal: its fields' errors (or the form's) in the reply, with the status. */
export function refusedReply<T extends object>(
  submission: {
    reply: (options?: {
      fieldErrors?: Record<string, string[]>;
      formErrors?: string[];
      hideFields?: string[];
    }) => SubmissionResult<string[]>;
  },
  refusal: Refusal,
  extra: T = {} as T,
  options: { hideFields?: string[] } = {},
) {
  const fieldErrors = refusal.fields ?? (refusal.field ? { [refusal.field]: [refusal.code] } : {});
  const formErrors = refusal.fields || refusal.field ? [] : [refusal.code];
  return data(
    { ...extra, result: submission.reply({ fieldErrors, formErrors, ...options }), refusal: shown(refusal) },
    { status: REFUSAL_STATUS[refusal.kind] },
  );
}

/** For loaders and resource routes: a refusal becomes the thrown response of its status. */
export function throwRefusal(refusal: Refusal): never {
  if (refusal.kind === "not_found") throw notFound();
  throw new Response(refusal.code, { status: REFUSAL_STATUS[refusal.kind] });
}
