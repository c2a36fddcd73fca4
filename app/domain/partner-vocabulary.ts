// The words follow-on matching is made of, each list once: partner kinds, funding stages, needs,
// customer kinds, park support and regions. The zod schemas, the forms' options and the database
// CHECKs are to take them from here; the UI words each value through i18n by its code.

export const PARTNER_KINDS = ["investor", "park", "corporate"] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

/** Funding stages in the order a company passes them. */
export const FUNDING_STAGES = ["seed", "angel", "pre-A", "A", "B", "growth"] as const;
export type FundingStage = (typeof FUNDING_STAGES)[number];

/** What an entry may ask for; each partner kind serves one of them. */
export const NEED_KINDS = ["financing", "space", "market"] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const NEED_SERVED_BY: Readonly<Record<PartnerKind, NeedKind>> = {
  investor: "financing",
  park: "space",
  corporate: "market",
};

/** The kind of customer an entry wants to reach, and a corporate stands for as buyer or pilot site. */
export const CUSTOMER_KINDS = [
  "enterprise",
  "smb",
  "consumer",
  "government",
  "healthcare",
  "education",
  "manufacturing",
  "energy",
  "finance",
] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** What a park or incubator offers besides floor area. */
export const PARK_SUPPORT = ["office", "lab", "factory", "incubation", "policy", "talent", "financing"] as const;
export type ParkSupport = (typeof PARK_SUPPORT)[number];

/**
 * Regions as the competition groups its entrants: mainland China by its seven customary regions
 * (华北, 东北, 华东, 华中, 华南, 西南, 西北), and overseas by the eligibility presets' groups
 * (North America, Europe, Asia, Hong Kong/Macao/Taiwan — the codes of eligibility-presets.ts).
 */
export const DOMESTIC_REGIONS = ["CN-N", "CN-NE", "CN-E", "CN-C", "CN-S", "CN-SW", "CN-NW"] as const;
export const OVERSEAS_REGIONS = ["NA", "EU", "AS", "HMT"] as const;
export const REGIONS = [...DOMESTIC_REGIONS, ...OVERSEAS_REGIONS] as const;
export type DomesticRegion = (typeof DOMESTIC_REGIONS)[number];
export type OverseasRegion = (typeof OVERSEAS_REGIONS)[number];
export type Region = (typeof REGIONS)[number];

/** The side of a request: the partner's people or the entry's entrant. */
export const REQUEST_SIDES = ["partner", "entry"] as const;
export type RequestSide = (typeof REQUEST_SIDES)[number];

/** A request's states; all but `pending` are final. A meeting exists exactly when `accepted`. */
export const REQUEST_STATES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const REQUEST_ACTIONS = ["accept", "decline", "withdraw"] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];
