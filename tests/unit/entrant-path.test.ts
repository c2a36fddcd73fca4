import { roundAhead } from "../../app/domain/round-ahead";
import { describe, expect, it } from "vitest";
import { groupHint, groupHintKey, type GroupRule } from "../../app/domain/eligibility";
import { NEW_ENTRY_PATH, registerCall, SIGN_UP_TO_REGISTER } from "../../app/domain/register-call";

const groups: GroupRule[] = [
  { code: "BJ", region: "domestic", eligibleCountries: ["CN"] },
  { code: "SC", region: "domestic", eligibleCountries: ["CN"] },
  { code: "EU", region: "overseas", eligibleCountries: ["DE", "FR"] },
  { code: "NA", region: "overseas", eligibleCountries: ["US", "CA"] },
];

describe("the group an entrant is pointed to", () => {
  it("names the one group a country of another region enters in", () => {
    const hint = groupHint(groups, "NA", "DE");
    expect(hint).toEqual({ kind: "useGroups", country: "DE", groups: ["EU"] });
    expect(groupHintKey(hint!)).toBe("entrant.hint.useGroup");
  });

  it("offers every group the country fits when there are several", () => {
    const hint = groupHint(groups, "EU", "CN");
    expect(hint).toEqual({ kind: "useGroups", country: "CN", groups: ["BJ", "SC"] });
    expect(groupHintKey(hint!)).toBe("entrant.hint.useOneOf");
  });

  it("says when no group takes the country, whatever group is chosen", () => {
    expect(groupHint(groups, "EU", "BR")).toEqual({ kind: "noGroup", country: "BR" });
    expect(groupHint(groups, undefined, "BR")).toEqual({ kind: "noGroup", country: "BR" });
    expect(groupHintKey({ kind: "noGroup", country: "BR" })).toBe("entrant.hint.noGroup");
  });

  it("says nothing while the choice fits or is not made yet", () => {
    expect(groupHint(groups, "EU", "FR")).toBeNull();
    expect(groupHint(groups, undefined, "FR")).toBeNull();
    expect(groupHint(groups, "EU", undefined)).toBeNull();
  });
});

describe("the register button", () => {
  const now = new Date("2026-05-01T00:00:00Z");
  const edition = {
    opensAt: "2026-03-01T00:00:00.000Z",
    closesAt: "2026-06-30T15:59:59.000Z",
    timeZone: "Asia/Shanghai",
    registering: true,
  };

  it("sends a visitor to sign up first and an entrant straight to the form", () => {
    expect(registerCall(null, edition, now)).toMatchObject({ kind: "open", href: SIGN_UP_TO_REGISTER });
    expect(registerCall(["entrant"], edition, now)).toMatchObject({ kind: "open", href: NEW_ENTRY_PATH });
    expect(SIGN_UP_TO_REGISTER).toBe("/signup?redirectTo=%2Fme%2Fentries%2Fnew");
  });

  it("is not offered to judges and organizers", () => {
    expect(registerCall(["judge"], edition, now)).toEqual({ kind: "hidden" });
    expect(registerCall(["organizer"], edition, now)).toEqual({ kind: "hidden" });
    expect(registerCall(["entrant", "judge"], edition, now)).toEqual({ kind: "hidden" });
  });

  it("says when registration opens or when it closed instead", () => {
    const early = new Date("2026-02-01T00:00:00Z");
    expect(registerCall(null, { ...edition, registering: false }, early)).toMatchObject({
      kind: "upcoming",
      opensAt: edition.opensAt,
    });
    const late = new Date("2026-07-01T00:00:00Z");
    expect(registerCall(["entrant"], { ...edition, registering: false }, late)).toMatchObject({
      kind: "closed",
      closedAt: edition.closesAt,
    });
  });
});

describe("the round an entrant waits for", () => {
  it("is the first round not yet published, whatever order the rounds come in", () => {
    const rounds = [
      { position: 3, status: "draft", slug: "final" },
      { position: 1, status: "published", slug: "regional" },
      { position: 2, status: "open", slug: "domain" },
    ];
    expect(roundAhead(rounds)?.slug).toBe("domain");
    expect(roundAhead(rounds.map((r) => ({ ...r, status: "published" })))?.slug).toBe("regional");
    expect(roundAhead([])).toBeNull();
  });
});
