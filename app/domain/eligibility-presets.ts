// Who may enter a group, as organizers usually say it: a named preset (mainland China, North America,
// Europe, Asia, Hong Kong/Macao/Taiwan) or a typed list of ISO 3166-1 codes. Pure data and checks;
// the list of valid codes is handed in, so this file needs no country database.

/** The presets an organizer picks from; "custom" means the typed list. */
export const ELIGIBILITY_PRESETS = ["CN", "NA", "EU", "AS", "HMT"] as const;
export type EligibilityPreset = (typeof ELIGIBILITY_PRESETS)[number];

const codes = (text: string) => text.split(/\s+/).filter(Boolean);

/** Hong Kong, Macao and Taiwan: entered apart from both mainland China and Asia. */
const HMT = codes("HK MO TW");

/** Each preset's countries and regions (ISO 3166-1 alpha-2), sorted. */
export const PRESET_COUNTRIES: Readonly<Record<EligibilityPreset, readonly string[]>> = {
  CN: ["CN"],
  NA: codes("CA MX US"),
  // Europe as the UN geoscheme draws it, with Cyprus (an EU member) counted here rather than in Asia.
  EU: codes(
    "AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV " +
      "MC MD ME MK MT NL NO PL PT RO RS RU SE SI SJ SK SM UA VA",
  ),
  // Asia as the UN geoscheme draws it, without mainland China and without Hong Kong, Macao and Taiwan.
  AS: codes(
    "AE AF AM AZ BD BH BN BT GE ID IL IN IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MV MY NP OM PH PK " +
      "PS QA SA SG SY TH TJ TL TM TR UZ VN YE",
  ),
  HMT,
};

/** The region a group belongs to: domestic when only mainland China may enter, overseas otherwise. */
export function regionOf(countries: readonly string[]): "domestic" | "overseas" {
  return countries.length === 1 && countries[0] === "CN" ? "domestic" : "overseas";
}

/** A typed list of codes ("US, ca; MX") as upper-case codes, each once, in the order typed. */
export function parseCountryList(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[\s,;，；、]+/)) {
    const code = part.trim().toUpperCase();
    if (code) seen.add(code);
  }
  return [...seen];
}

export type EligibilityChoice =
  | { ok: true; countries: string[]; region: "domestic" | "overseas" }
  | { ok: false; code: "editions.errors.noCountry" }
  | { ok: false; code: "editions.errors.unknownCountry"; unknown: string };

/**
 * Who may enter, from a preset or from chosen/typed codes (both may be given: their union). Refused
 * when nobody could enter, or when a code is not a country or region (the first such code named).
 */
export function resolveEligibility(
  preset: EligibilityPreset | undefined,
  typed: readonly string[],
  isCountryCode: (code: string) => boolean,
): EligibilityChoice {
  const unknown = typed.find((code) => !/^[A-Z]{2}$/.test(code) || !isCountryCode(code));
  if (unknown !== undefined) return { ok: false, code: "editions.errors.unknownCountry", unknown };
  const countries = [...new Set([...(preset ? PRESET_COUNTRIES[preset] : []), ...typed])].sort();
  if (countries.length === 0) return { ok: false, code: "editions.errors.noCountry" };
  return { ok: true, countries, region: regionOf(countries) };
}

/** The preset whose countries are exactly these, if any (to show a group's rule by its name). */
export function presetOf(countries: readonly string[]): EligibilityPreset | undefined {
  const key = [...countries].sort().join(" ");
  return ELIGIBILITY_PRESETS.find((p) => [...PRESET_COUNTRIES[p]].sort().join(" ") === key);
}
