// A partner's profile as organizers and the partner's own people type it: bilingual names and
// "about", country, and what the partner's kind offers (an investor's stages and ticket, a park's
// city, area and support, a corporate's customer kinds), tracks and regions. One schema serves the
// invitation, the edit forms and every row of an import; list fields take a form's repeated values
// or one cell of codes separated by ; or , (any case).
import { z } from "zod";
import {
  CUSTOMER_KINDS,
  FUNDING_STAGES,
  PARK_SUPPORT,
  PARTNER_KINDS,
  REGIONS,
  type CustomerKind,
  type FundingStage,
  type ParkSupport,
  type PartnerKind,
  type Region,
} from "./partner-vocabulary";

/** What the schema needs to know of the edition: its track codes, and which country codes exist. */
export type ProfileContext = { trackCodes: readonly string[]; isCountry: (code: string) => boolean };

const MAX_WAN = 100_000_000;
const MAX_AREA = 10_000_000;

const blankToUndefined = (v: unknown) => (v === null || (typeof v === "string" && v.trim() === "") ? undefined : v);

const optionalText = (max: number) =>
  z.preprocess(blankToUndefined, z.string().trim().max(max, { error: "validation.tooLong" }).optional());

/** A whole number typed in a form or a cell ("1,000" and " 500 " too); blank is absent. */
const optionalWhole = (min: number, max: number) =>
  z.preprocess(
    (v) => {
      const b = blankToUndefined(v);
      return typeof b === "string" ? Number(b.trim().replace(/[,\s]/g, "")) : b;
    },
    z
      .number({ error: "partners.validation.wholeNumber" })
      .int({ error: "partners.validation.wholeNumber" })
      .min(min, { error: "partners.validation.atLeast" })
      .max(max, { error: "partners.validation.tooLarge" })
      .optional(),
  );

/** Tokens of a cell ("QI; PC,6G") or a form's repeated values, trimmed, blank ones dropped. */
export function listTokens(v: unknown): string[] {
  const items = Array.isArray(v) ? v.map(String) : typeof v === "string" ? v.split(/[;,，；、]/) : [];
  return items.map((s) => s.trim()).filter(Boolean);
}

/** A list of codes from `allowed`, matched in any case and kept in canonical spelling, each once. */
function codeList<T extends string>(allowed: readonly T[]) {
  const byLower = new Map(allowed.map((c) => [c.toLowerCase(), c]));
  return z.preprocess(
    listTokens,
    z.array(z.string()).transform((tokens, ctx) => {
      const unknown = tokens.filter((t) => !byLower.has(t.toLowerCase()));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: "custom",
          message: "partners.validation.unknownCode",
          params: { value: unknown.join(", ") },
        });
        return z.NEVER;
      }
      return [...new Set(tokens.map((t) => byLower.get(t.toLowerCase())!))];
    }),
  );
}

const kindField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.enum(PARTNER_KINDS, { error: "partners.validation.kind" }),
);

/** The profile schema for one edition (its tracks); kind-specific fields are required by kind. */
export function partnerProfileSchema(context: ProfileContext) {
  return z
    .object({
      kind: kindField,
      nameZh: optionalText(200),
      nameEn: optionalText(200),
      aboutZh: optionalText(2000),
      aboutEn: optionalText(2000),
      website: z.preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .max(500, { error: "validation.tooLong" })
          .pipe(z.url({ protocol: /^https?$/, error: "validation.url" }))
          .optional(),
      ),
      country: z.preprocess(
        (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
        z
          .string({ error: "validation.required" })
          .refine((c) => /^[A-Z]{2}$/.test(c) && context.isCountry(c), { error: "validation.country" }),
      ),
      city: optionalText(100),
      district: optionalText(100),
      tracks: codeList(context.trackCodes),
      regions: codeList<Region>(REGIONS),
      stages: codeList<FundingStage>(FUNDING_STAGES),
      ticketMinWan: optionalWhole(0, MAX_WAN),
      ticketMaxWan: optionalWhole(0, MAX_WAN),
      areaM2: optionalWhole(1, MAX_AREA),
      support: codeList<ParkSupport>(PARK_SUPPORT),
      customerKinds: codeList<CustomerKind>(CUSTOMER_KINDS),
    })
    .superRefine((v, ctx) => {
      const need = (path: string, message = "validation.required") =>
        ctx.addIssue({ code: "custom", path: [path], message });
      if (!v.nameZh && !v.nameEn) need("nameZh", "partners.validation.nameOne");
      if (v.kind === "investor") {
        if (v.stages.length === 0) need("stages", "partners.validation.pickOne");
        if (v.ticketMinWan === undefined) need("ticketMinWan");
        if (v.ticketMaxWan === undefined) need("ticketMaxWan");
        if (v.ticketMinWan !== undefined && v.ticketMaxWan !== undefined && v.ticketMaxWan < v.ticketMinWan)
          need("ticketMaxWan", "partners.validation.ticketOrder");
      }
      if (v.kind === "park") {
        if (!v.city) need("city");
        if (v.areaM2 === undefined) need("areaM2");
      }
      if (v.kind === "corporate" && v.customerKinds.length === 0) need("customerKinds", "partners.validation.pickOne");
    });
}

export type PartnerProfileInput = z.output<ReturnType<typeof partnerProfileSchema>>;

/** The first person of a partner: who is invited to sign in for it. */
export const partnerPersonSchema = z.object({
  personName: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "validation.required" })
      .trim()
      .min(1, { error: "validation.required" })
      .max(120, { error: "validation.tooLong" }),
  ),
  personEmail: z.preprocess(
    blankToUndefined,
    z
      .string({ error: "validation.required" })
      .trim()
      .toLowerCase()
      .max(254, { error: "validation.tooLong" })
      .pipe(z.email({ error: "validation.email" })),
  ),
});
export type PartnerPersonInput = z.output<typeof partnerPersonSchema>;

/** The invitation form: a profile and its first person, checked together. */
export function partnerInviteSchema(context: ProfileContext) {
  return z.intersection(partnerProfileSchema(context), partnerPersonSchema);
}

/** The form fields that carry lists (repeated checkboxes in a form, one cell in a file). */
export const PROFILE_LIST_FIELDS = ["tracks", "regions", "stages", "support", "customerKinds"] as const;

/**
 * The stored columns of a profile. Fields the kind does not use are cleared, so a partner that
 * changed kind on paper keeps no stale offer the matching would read.
 */
export function partnerColumns(p: PartnerProfileInput) {
  const investor = p.kind === "investor";
  const park = p.kind === "park";
  return {
    kind: p.kind as PartnerKind,
    name_zh: p.nameZh ?? null,
    name_en: p.nameEn ?? null,
    about_zh: p.aboutZh ?? null,
    about_en: p.aboutEn ?? null,
    website: p.website ?? null,
    country: p.country,
    city: p.city ?? null,
    district: p.district ?? null,
    tracks: JSON.stringify(p.tracks),
    regions: JSON.stringify(p.regions),
    stages: JSON.stringify(investor ? p.stages : []),
    support: JSON.stringify(park ? p.support : []),
    customer_kinds: JSON.stringify(p.kind === "corporate" ? p.customerKinds : []),
    ticket_min_wan: investor ? (p.ticketMinWan ?? null) : null,
    ticket_max_wan: investor ? (p.ticketMaxWan ?? null) : null,
    area_m2: park ? (p.areaM2 ?? null) : null,
  };
}
