// An entry's history read field by field: only what changed is recorded, and a recorded row reads
// back as "field: from → to" with names, not codes.
import { describe, expect, it } from "vitest";
import {
  changedFields,
  clip,
  describeChange,
  entryChanges,
  entrySnapshot,
  readEntrySnapshot,
  summarizeTeam,
  type HistoryVocabulary,
} from "../../app/domain/entry-history";

const entry = {
  code: "EU-QI-0042",
  status: "submitted",
  title_zh: null,
  title_en: "Cryogenic qubit control chip",
  summary_zh: null,
  summary_en: "A cryo-CMOS controller.",
  organization: "Munich Quantum Instruments GmbH",
  country: "DE",
  city: "Munich",
  website: null,
  contact_name: "Lena Hoffmann",
  contact_email: "lena@mqi.example.de",
};
const team = [
  { name: "Lena Hoffmann", role: "CEO", email: "lena@mqi.example.de" },
  { name: "王小明", role: "CTO" },
];
const before = entrySnapshot(entry, { group: "EU", track: "QI" }, team);

const words: HistoryVocabulary = {
  field: (f) => `<${f}>`,
  status: (s) => s.toUpperCase(),
  country: (c) => ({ DE: "Germany", FR: "France" })[c] ?? c,
  group: (ref) => (ref === "EU" || ref === 7 ? "Europe" : `group ${ref}`),
  track: (ref) => ({ QI: "Quantum Information", SB: "Synthetic Biology" })[String(ref)] ?? String(ref),
  members: (n) => `${n} members`,
  none: "—",
};

describe("recording a change", () => {
  it("keeps only the fields that changed, before and after", () => {
    const after = entrySnapshot(
      { ...entry, title_en: "Cryo-CMOS qubit controller" },
      { group: "EU", track: "QI" },
      team,
    );
    expect(changedFields(before, after)).toEqual({
      before: { title_en: "Cryogenic qubit control chip" },
      after: { title_en: "Cryo-CMOS qubit controller" },
    });
  });

  it("records nothing for a save that changed nothing", () => {
    expect(changedFields(before, entrySnapshot(entry, { group: "EU", track: "QI" }, team))).toBeNull();
  });

  it("sees a team member added, and a role changed, as a change of the team", () => {
    const bigger = [...team, { name: "نور الهدى", role: "Engineer" }];
    const changes = changedFields(before, entrySnapshot(entry, { group: "EU", track: "QI" }, bigger));
    expect(Object.keys(changes!.after)).toEqual(["team"]);
    const renamed = [team[0]!, { name: "王小明", role: "CFO" }];
    expect(changedFields(before, entrySnapshot(entry, { group: "EU", track: "QI" }, renamed))?.after).toHaveProperty(
      "team",
    );
  });

  it("treats a missing optional value and null alike", () => {
    expect(changedFields({ website: null }, { website: undefined as unknown as null })).toBeNull();
  });
});

describe("reading a recorded row", () => {
  it("lists each changed field from → to, in the page's order", () => {
    const changes = entryChanges(
      JSON.stringify({ track: "QI", code: "EU-QI-0042" }),
      JSON.stringify({ track: "SB", code: "EU-SB-0007" }),
    );
    expect(changes).toEqual([
      { field: "code", from: "EU-QI-0042", to: "EU-SB-0007" },
      { field: "track", from: "QI", to: "SB" },
    ]);
  });

  it("reads a row written before codes were recorded (group_id) and ignores keys it does not know", () => {
    expect(readEntrySnapshot(JSON.stringify({ code: "EU-QI-0001", group_id: 7, track_id: 3, round: "x" }))).toEqual({
      code: "EU-QI-0001",
      group: 7,
      track: 3,
    });
    // Earlier edits recorded a few fields before and many after: only the fields in both are changes.
    const legacy = entryChanges(
      JSON.stringify({ code: "A-B-0001", status: "draft", title_en: "Old", country: "DE" }),
      JSON.stringify({ code: "A-B-0001", status: "draft", title_en: "New", country: "DE", organization: "X" }),
    );
    expect(legacy).toEqual([{ field: "title_en", from: "Old", to: "New" }]);
  });

  it("shows what a new entry started as: its code, group, track and status", () => {
    expect(entryChanges(null, JSON.stringify(before))).toEqual([
      { field: "code", to: "EU-QI-0042" },
      { field: "status", to: "submitted" },
      { field: "group", to: "EU" },
      { field: "track", to: "QI" },
    ]);
  });

  it("reads broken or foreign rows as no changes rather than failing the page", () => {
    expect(entryChanges("not json", "{")).toEqual([]);
    expect(
      entryChanges(JSON.stringify({ round: "regional", feedback: "a" }), JSON.stringify({ feedback: "b" })),
    ).toEqual([]);
    expect(readEntrySnapshot(JSON.stringify([1, 2]))).toBeNull();
  });
});

describe("a change in words", () => {
  it("names the group, the track, the country and the status instead of their codes", () => {
    expect(describeChange({ field: "track", from: "QI", to: "SB" }, words)).toEqual({
      field: "track",
      label: "<track>",
      from: "Quantum Information",
      to: "Synthetic Biology",
    });
    expect(describeChange({ field: "group", from: 7, to: "EU" }, words).from).toBe("Europe");
    expect(describeChange({ field: "country", from: "DE", to: "FR" }, words)).toMatchObject({
      from: "Germany",
      to: "France",
    });
    expect(describeChange({ field: "status", from: "draft", to: "submitted" }, words).to).toBe("SUBMITTED");
  });

  it("says a value was empty, and tells a first value (no from) from a change", () => {
    expect(describeChange({ field: "website", from: null, to: "https://x.example" }, words).from).toBe("—");
    expect(describeChange({ field: "code", to: "EU-QI-0042" }, words).from).toBeNull();
  });

  it("summarizes a team by count and the first names with their roles", () => {
    expect(describeChange({ field: "team", from: team, to: [team[0]!] }, words)).toMatchObject({
      from: "2 members: Lena Hoffmann (CEO), 王小明 (CTO)",
      to: "1 members: Lena Hoffmann (CEO)",
    });
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `M${i + 1}`, role: "" }));
    expect(summarizeTeam(six, words.members)).toBe("6 members: M1, M2, M3, M4, …");
    expect(summarizeTeam([], words.members)).toBe("0 members");
  });

  it("clips long text at a word, in characters not bytes", () => {
    const summary = "word ".repeat(40);
    const clipped = clip(summary, 80);
    expect(clipped.endsWith("…")).toBe(true);
    expect([...clipped].length).toBeLessThanOrEqual(81);
    expect(clip("量".repeat(100), 10)).toBe(`${"量".repeat(10)}…`);
    expect(clip("short")).toBe("short");
  });
});
