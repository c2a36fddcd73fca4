// The pure detection of suggested conflicts: what it matches, with what confidence and evidence,
// and the city and generic words it never matches on alone.
import { describe, expect, it } from "vitest";
import {
  bandOf,
  confidenceOf,
  detectConflicts,
  distinctivePart,
  organizationKey,
} from "../../app/domain/conflict-detection";

const judge = (id: number, affiliation: string, extra: Partial<{ name: string; email: string }> = {}) => ({
  id,
  name: extra.name ?? `Judge ${id}`,
  affiliation,
  email: extra.email ?? `judge${id}@gmail.com`,
});
const entry = (id: number, organization: string, team: { name: string; email: string | null }[] = []) => ({
  id,
  organization,
  team,
});
const pairsOf = (found: ReturnType<typeof detectConflicts>) => found.map((c) => `${c.judgeId}:${c.entryId}`);

describe("the stop-list of cities, regions and generic words", () => {
  it("leaves nothing distinctive in a name made only of a city and generic words", () => {
    for (const name of [
      "北京大学",
      "University of Shanghai",
      "Shenzhen Technology Co., Ltd.",
      "深圳科技有限公司",
      "北京海淀研究院",
      "Beijing Institute of Technology",
      "上海大学前沿交叉研究院",
    ])
      expect(distinctivePart(organizationKey(name)), name).toBe("");
  });

  it("keeps the word that tells an organization apart", () => {
    expect(distinctivePart(organizationKey("Tsinghua University"))).toBe("tsinghua");
    expect(distinctivePart(organizationKey("北京光子科技有限公司"))).toBe("光子");
    expect(distinctivePart(organizationKey("Shenzhen Photonics Technologies"))).toBe("photonics");
  });

  it("does not suggest a match that rests only on a city name, in either language", () => {
    const found = detectConflicts(
      [judge(1, "北京大学"), judge(2, "University of Shenzhen"), judge(3, "Beijing"), judge(4, "北京")],
      [
        entry(10, "北京海淀光子科技有限公司"),
        entry(11, "Shenzhen Quantum Technologies"),
        entry(12, "Beijing Institute for Frontier Science"),
        entry(13, "北京量子研究院"),
      ],
    );
    expect(found).toEqual([]);
  });

  it("does not match two organizations of different cities that share a generic word", () => {
    expect(detectConflicts([judge(1, "上海光子研究院")], [entry(10, "北京光子科技有限公司")])).toEqual([]);
  });
});

describe("suggestions, their confidence and their evidence", () => {
  it("says what matched, with the values, for each kind of link", () => {
    const found = detectConflicts(
      [
        judge(1, "Tsinghua Univ."),
        judge(2, "Tsinghua University"),
        judge(3, "Other Org", { email: "anna@kth.se", name: "Anna Berg" }),
        judge(4, "Elsewhere", { email: "li.wei@lab.example.net", name: "Li Wei" }),
      ],
      [
        entry(10, "Tsinghua University"),
        entry(11, "Tsinghua University, Quantum Lab"),
        entry(12, "Nordic Photonics AB", [{ name: "Erik Lund", email: "erik@kth.se" }]),
        entry(13, "Quantum Startup", [{ name: "anna  berg", email: null }]),
        entry(14, "Spin-off", [{ name: "Wei Li", email: "li.wei@lab.example.net" }]),
      ],
    );
    const of = (j: number, e: number) => found.find((c) => c.judgeId === j && c.entryId === e);
    expect(of(1, 10)?.evidence).toEqual([
      { kind: "same_organization", affiliation: "Tsinghua Univ.", organization: "Tsinghua University" },
    ]);
    expect(of(2, 11)?.evidence[0]).toMatchObject({ kind: "affiliation_in_organization", matched: "tsinghua" });
    expect(of(3, 12)?.evidence).toEqual([{ kind: "same_email_domain", domain: "kth.se", member: "Erik Lund" }]);
    expect(of(3, 13)?.evidence).toEqual([{ kind: "same_person_name", name: "Anna Berg", member: "anna  berg" }]);
    expect(of(4, 14)?.evidence[0]).toEqual({ kind: "same_email", email: "li.wei@lab.example.net", member: "Wei Li" });
    // Judge 2's exact affiliation is the hard rule's, not a suggestion.
    expect(of(2, 10)).toBeUndefined();
  });

  it("orders confidence: own e-mail > same organization > one name inside the other > work domain > same name", () => {
    const found = detectConflicts(
      [judge(1, "Lumina Photonics Co.", { name: "Mia Hu", email: "mia@lumina.example.cn" })],
      [
        entry(10, "Other", [{ name: "X", email: "mia@lumina.example.cn" }]),
        entry(11, "Lumina Photonics"),
        entry(12, "Lumina Photonics, Shenzhen branch"),
        entry(13, "Other", [{ name: "Y", email: "y@lumina.example.cn" }]),
        entry(14, "Other", [{ name: "Mia Hu", email: null }]),
      ],
    );
    const confidence = (e: number) => found.find((c) => c.entryId === e)!.confidence;
    expect(confidence(10)).toBeGreaterThan(confidence(11));
    expect(confidence(11)).toBeGreaterThan(confidence(12));
    expect(confidence(12)).toBeGreaterThan(confidence(13));
    expect(confidence(13)).toBeGreaterThan(confidence(14));
    expect(bandOf(confidence(11))).toBe("high");
    expect(bandOf(confidence(13))).toBe("medium");
    expect(bandOf(confidence(14))).toBe("low");
  });

  it("raises the confidence when two signals agree, never above 100", () => {
    const one = confidenceOf([{ kind: "same_person_name", name: "A", member: "A" }]);
    const two = confidenceOf([
      { kind: "same_email_domain", domain: "x.cn", member: "A" },
      { kind: "same_person_name", name: "A", member: "A" },
    ]);
    expect(two).toBeGreaterThan(one);
    expect(
      confidenceOf([
        { kind: "same_email", email: "a@x.cn", member: "A" },
        { kind: "same_organization", affiliation: "X", organization: "X Co" },
        { kind: "same_email_domain", domain: "x.cn", member: "B" },
      ]),
    ).toBe(100);
  });

  it("skips pairs already decided or suggested", () => {
    const judges = [judge(1, "Tsinghua Univ.")];
    const entries = [entry(10, "Tsinghua University"), entry(11, "Tsinghua University, Quantum Lab")];
    expect(pairsOf(detectConflicts(judges, entries))).toEqual(["1:10", "1:11"]);
    expect(pairsOf(detectConflicts(judges, entries, new Set(["1:10"])))).toEqual(["1:11"]);
  });
});
