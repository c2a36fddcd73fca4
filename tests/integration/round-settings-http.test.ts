// A round's settings and results pages over real HTTP: bad input is answered 400 with each message
// at its field, and a change the round's state forbids (scores exist, not closed yet) 409.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer = "";

beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

/** The round's current settings as its form posts them. */
function settingsForm(slug: string) {
  const r = demo.query<Record<string, string | number | null>>("SELECT * FROM rounds WHERE slug = ?", slug)[0]!;
  return new URLSearchParams({
    form: "settings",
    nameZh: String(r["name_zh"]),
    nameEn: String(r["name_en"]),
    scope: String(r["scope"]),
    kind: String(r["kind"]),
    judgesPerEntry: String(r["judges_per_entry"]),
    advanceCount: String(r["advance_count"]),
    dropHighest: String(r["drop_highest"]),
    dropLowest: String(r["drop_lowest"]),
    combine: String(r["combine"]),
    decimals: String(r["decimals"]),
    rounding: String(r["rounding"]),
    normalization: String(r["normalization"]),
  });
}

/** The text of the element a field's error is rendered in, or null when the field has none. */
function errorAt(html: string, field: string): string | null {
  const match = new RegExp(`id="round-${field}-error"[^>]*>([^<]*)<`).exec(html);
  return match ? match[1]! : null;
}

const rowOf = (slug: string) => demo.query<Record<string, unknown>>("SELECT * FROM rounds WHERE slug = ?", slug)[0];

describe("a round's settings form", () => {
  it("answers bad input with 400 and every field's message at that field, changing nothing", async () => {
    const before = rowOf("final");
    const body = settingsForm("final");
    body.set("judgesPerEntry", "many");
    body.set("nameEn", "");
    const res = await demo.post("/admin/rounds/final?index", body, { cookie: organizer });
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(errorAt(html, "judgesPerEntry")).toBe("Please enter a whole number.");
    expect(errorAt(html, "nameEn")).toBe("Please fill this in.");
    expect(errorAt(html, "nameZh")).toBeNull();
    expect(html).toContain("Please correct the marked fields.");
    expect(rowOf("final")).toEqual(before);
  });

  it("answers a scope change on a scored round with 409 and the reason at the scope field", async () => {
    const body = settingsForm("domain");
    body.set("scope", "all");
    const res = await demo.post("/admin/rounds/domain?index", body, { cookie: organizer });
    expect(res.status).toBe(409);
    expect(errorAt(await res.text(), "scope")).toBe("Scores exist: the ranking scope can no longer change.");
    expect(rowOf("domain")!["scope"]).toBe("track");
  });

  it("answers the same at the round's URL without ?index, where the round's layout hands the form to the tab", async () => {
    const body = settingsForm("final");
    body.set("judgesPerEntry", "0");
    const res = await demo.post("/admin/rounds/final", body, { cookie: organizer });
    expect(res.status).toBe(400);
    expect(errorAt(await res.text(), "judgesPerEntry")).toBe("This number is out of range.");
  });

  it("saves good settings and goes back to the page", async () => {
    const body = settingsForm("final");
    body.set("advanceCount", "4");
    const res = await demo.post("/admin/rounds/final?index", body, { cookie: organizer });
    expect(res.status).toBe(302);
    expect(rowOf("final")!["advance_count"]).toBe(4);
  });
});

describe("a round's rubric and status", () => {
  it("answers a rubric change on a scored round with 409 and says why", async () => {
    const body = new URLSearchParams({ form: "rubric" });
    body.set("criteria[0].nameZh", "技术");
    body.set("criteria[0].nameEn", "Technology");
    body.set("criteria[0].weight", "100");
    body.set("criteria[0].max", "10");
    body.set("criteria[0].step", "1");
    const res = await demo.post("/admin/rounds/domain?index", body, { cookie: organizer });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Scores exist for this round: the rubric can no longer change.");
  });

  it("answers a rubric with a missing name with 400", async () => {
    const body = new URLSearchParams({ form: "rubric" });
    body.set("criteria[0].nameZh", "");
    body.set("criteria[0].nameEn", "Technology");
    body.set("criteria[0].weight", "100");
    body.set("criteria[0].max", "10");
    body.set("criteria[0].step", "1");
    const res = await demo.post("/admin/rounds/final?index", body, { cookie: organizer });
    expect(res.status).toBe(400);
  });

  it("answers a status form that names no move with 400, and an impossible move with 409", async () => {
    const bad = await demo.post("/admin/rounds/final?index", new URLSearchParams({ form: "status", to: "sideways" }), {
      cookie: organizer,
    });
    expect(bad.status).toBe(400);
    // A draft round cannot be closed before it was open.
    const conflict = await demo.post(
      "/admin/rounds/final?index",
      new URLSearchParams({ form: "status", to: "closed" }),
      {
        cookie: organizer,
      },
    );
    expect(conflict.status).toBe(409);
    expect(rowOf("final")!["status"]).toBe("draft");
  });
});

describe("a round's results page", () => {
  it("answers publishing an open round with 409 and says to close it first", async () => {
    const res = await demo.post(
      "/admin/rounds/domain/results?index",
      new URLSearchParams({ form: "publish", confirm: "on" }),
      { cookie: organizer },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Close scoring first: a round is published once nothing can change.");
    expect(rowOf("domain")!["status"]).toBe("open");
  });

  it("answers a publish form without the confirmation with 400 and asks for it", async () => {
    const res = await demo.post("/admin/rounds/domain/results?index", new URLSearchParams({ form: "publish" }), {
      cookie: organizer,
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("I have checked the ranking and the advancement.");
  });

  it("answers an override in a published round with 409", async () => {
    const entry = demo.query<{ entry_id: number }>(
      "SELECT re.entry_id FROM round_entries re JOIN rounds r ON r.id = re.round_id WHERE r.slug = 'regional' LIMIT 1",
    )[0]!.entry_id;
    const res = await demo.post(
      "/admin/rounds/regional/results?index",
      new URLSearchParams({ form: "override", entryId: String(entry), decision: "advanced", reason: "Appeal" }),
      { cookie: organizer },
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("This round is published: its results can no longer change.");
  });
});
