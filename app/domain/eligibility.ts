// Who may enter which group. Pure: the group's rule comes in as data.

export type GroupRule = { code: string; region: "domestic" | "overseas"; eligibleCountries: readonly string[] };

export type Eligibility =
  | { ok: true }
  | {
      ok: false;
      /** An i18n key explaining the rule at the country field. */
      reason: "eligibility.domestic" | "eligibility.hmt" | "eligibility.overseas";
      allowed: readonly string[];
    };

const HMT = ["HK", "MO", "TW"];

export function checkEligibility(group: GroupRule, country: string): Eligibility {
  if (group.eligibleCountries.includes(country)) return { ok: true };
  const reason =
    group.region === "domestic"
      ? "eligibility.domestic"
      : group.eligibleCountries.every((c) => HMT.includes(c))
        ? "eligibility.hmt"
        : "eligibility.overseas";
  return { ok: false, reason, allowed: group.eligibleCountries };
}

/** The groups a country may enter, in the order given. */
export function eligibleGroups<T extends GroupRule>(groups: readonly T[], country: string): T[] {
  return groups.filter((g) => g.eligibleCountries.includes(country));
}
