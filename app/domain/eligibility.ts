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

/**
 * What to tell an entrant whose country does not fit the chosen group: the groups it does fit
 * (codes, in the order given), or that no group takes it. Null when there is nothing to say (no
 * country yet, or the chosen group fits; with no group chosen only "no group at all" is worth saying).
 */
export type GroupHint = { kind: "useGroups"; country: string; groups: string[] } | { kind: "noGroup"; country: string };

export function groupHint(
  groups: readonly GroupRule[],
  chosen: string | undefined,
  country: string | undefined,
): GroupHint | null {
  if (!country) return null;
  const fitting = eligibleGroups(groups, country).map((g) => g.code);
  if (fitting.length === 0) return { kind: "noGroup", country };
  if (!chosen || fitting.includes(chosen) || !groups.some((g) => g.code === chosen)) return null;
  return { kind: "useGroups", country, groups: fitting };
}

/** The i18n key of a hint: one group to name, several to choose from, or none. */
export function groupHintKey(hint: GroupHint) {
  if (hint.kind === "noGroup") return "entrant.hint.noGroup";
  return hint.groups.length === 1 ? "entrant.hint.useGroup" : "entrant.hint.useOneOf";
}
