// The one shape in which a service says no. `code` is an i18n key (the page translates it with
// `params`); `kind` decides the HTTP status a route answers with; `field` names the form field the
// message belongs at, `fields` carries every field's messages when a whole form was checked.
import type { z } from "zod";

export const REFUSAL_KINDS = ["invalid", "forbidden", "not_found", "conflict", "rate_limited"] as const;
export type RefusalKind = (typeof REFUSAL_KINDS)[number];

export type RefusalParams = Record<string, string | number>;

export type Refusal = {
  ok: false;
  kind: RefusalKind;
  code: string;
  field?: string;
  fields?: Record<string, string[]>;
  params?: RefusalParams;
};

/** What a service returns: its result with `ok: true`, or a refusal. */
export type Outcome<T extends object = object> = ({ ok: true } & T) | Refusal;

function make(kind: RefusalKind, code: string, extra: Partial<Pick<Refusal, "field" | "fields" | "params">>): Refusal {
  const refusal: Refusal = { ok: false, kind, code };
  if (extra.field !== undefined) refusal.field = extra.field;
  if (extra.fields !== undefined) refusal.fields = extra.fields;
  if (extra.params !== undefined) refusal.params = extra.params;
  return refusal;
}

export const refuse = {
  /** Input that cannot be accepted, at `field` when one field is to blame. */
  invalid: (code: string, field?: string, params?: RefusalParams) => make("invalid", code, { field, params }),
  /** The asker may not do this (not their entry, not their panel, an account that cannot act). */
  forbidden: (code: string, params?: RefusalParams) => make("forbidden", code, { params }),
  /** Nothing by that name, or nothing the asker may see: the two answer alike. */
  notFound: (code: string) => make("not_found", code, {}),
  /** The thing exists but its state forbids the change (published, closed, already scored). */
  conflict: (code: string, params?: RefusalParams, field?: string) => make("conflict", code, { params, field }),
  /** Too many attempts; `params.seconds` says when to try again. */
  rateLimited: (code: string, retryAfterSeconds: number) =>
    make("rate_limited", code, { params: { seconds: retryAfterSeconds } }),
};

/**
 * A service's refusals as one table of names and kinds under one i18n prefix: the returned function
 * makes the refusal of a name, typed so its code is exactly `<prefix>.<name>`.
 */
export function refusalTable<const P extends string, T extends Readonly<Record<string, string>>>(prefix: P, kinds: T) {
  type Refusable = { [K in keyof T & string]: T[K] extends RefusalKind ? K : never }[keyof T & string];
  // A table may hold kinds that are not a Refusal's (the live channel's `failed`); those names are not refusable.
  return <N extends Refusable>(name: N, extra: Partial<Pick<Refusal, "field" | "fields" | "params">> = {}) =>
    make(kinds[name] as RefusalKind, `${prefix}.${name}`, extra) as Refusal & { code: `${P}.${N}` };
}

/** Every problem of a failed parse, each at its field (the first path segment), and the first one as `field`. */
export function refuseParse(error: z.ZodError, code = "validation.fixErrors"): Refusal {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "");
    (fields[name] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  return make("invalid", code, { field: String(first?.path[0] ?? ""), fields });
}

/** The messages (i18n keys) a refusal puts at one field; a refusal without fields puts its code at `field`. */
export function messagesAt(refusal: Pick<Refusal, "code" | "field" | "fields"> | null | undefined, name: string) {
  if (!refusal) return [];
  if (refusal.fields) return refusal.fields[name] ?? [];
  return refusal.field === name ? [refusal.code] : [];
}

/** The message for the form as a whole: the code when it is not tied to one field. */
export function formMessage(refusal: Pick<Refusal, "code" | "field" | "fields"> | null | undefined): string | null {
  if (!refusal) return null;
  if (refusal.fields) return refusal.fields[""]?.[0] ?? refusal.code;
  return refusal.field ? null : refusal.code;
}
