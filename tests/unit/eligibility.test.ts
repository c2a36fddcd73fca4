import { describe, expect, it } from "vitest";
import { checkEligibility, eligibleGroups, type GroupRule } from "../../app/domain/eligibility";

const beijing: GroupRule = { code: "BJ", region: "domestic", eligibleCountries: ["CN"] };
const hmt: GroupRule = { code: "HMT", region: "overseas", eligibleCountries: ["HK", "MO", "TW"] };
const europe: GroupRule = { code: "EU", region: "overseas", eligibleCountries: ["DE", "FR", "GB"] };

describe("who may enter which group", () => {
  it("lets mainland entries into domestic groups and nothing else", () => {
    expect(checkEligibility(beijing, "CN")).toEqual({ ok: true });
    expect(checkEligibility(beijing, "HK")).toMatchObject({ ok: false, reason: "eligibility.domestic" });
    expect(checkEligibility(beijing, "DE")).toMatchObject({ ok: false, reason: "eligibility.domestic" });
  });

  it("keeps the Hong Kong, Macao and Taiwan group to those three", () => {
    for (const c of ["HK", "MO", "TW"]) expect(checkEligibility(hmt, c).ok).toBe(true);
    expect(checkEligibility(hmt, "CN")).toMatchObject({ ok: false, reason: "eligibility.hmt" });
    expect(checkEligibility(hmt, "SG")).toMatchObject({ ok: false, reason: "eligibility.hmt" });
  });

  it("needs a country of the region for an overseas group, and says which are allowed", () => {
    expect(checkEligibility(europe, "FR").ok).toBe(true);
    expect(checkEligibility(europe, "US")).toEqual({
      ok: false,
      reason: "eligibility.overseas",
      allowed: ["DE", "FR", "GB"],
    });
    expect(checkEligibility(europe, "CN")).toMatchObject({ ok: false, reason: "eligibility.overseas" });
  });

  it("lists the groups a country may choose", () => {
    expect(eligibleGroups([beijing, hmt, europe], "HK").map((g) => g.code)).toEqual(["HMT"]);
    expect(eligibleGroups([beijing, hmt, europe], "CN").map((g) => g.code)).toEqual(["BJ"]);
    expect(eligibleGroups([beijing, hmt, europe], "JP")).toEqual([]);
  });
});
