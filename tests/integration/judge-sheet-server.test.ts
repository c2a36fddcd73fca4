// The judge's sheet for a day of scoring through the real server on a copy of the demo: the list's
// filter with counts, "submit and next" to the next entry still to submit and then the end, typed
// marks without any script, and what a criterion's marks mean, saved through the rubric form and
// shown to the judge in their language.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();

/** The page's text as a reader sees it (React escapes quotes). */
const text = async (res: Response) =>
  (await res.text())
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");

let judge = "";
let organizer = "";
let judgeId = 0;
const roundId = (slug: string) => demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug)[0]!.id;
const criteriaOf = (slug: string) =>
  demo
    .query<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", roundId(slug))
    .map((c) => c.id);
/** The judge's domain entries in list order with their sheet's state. */
const listed = () =>
  demo.query<{ id: number; code: string; state: string | null }>(
    `SELECT e.id, e.code, s.status AS state FROM assignments a JOIN entries e ON e.id = a.entry_id
     LEFT JOIN scores s ON s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id
     LEFT JOIN round_entries re ON re.round_id = a.round_id AND re.entry_id = a.entry_id
     WHERE a.round_id = ? AND a.judge_id = ? AND e.status = 'submitted' ORDER BY re.stage_order, e.code`,
    roundId("domain"),
    judgeId,
  );
const sheet = (marks: string[], intent: string) => {
  const body = new URLSearchParams({ intent });
  criteriaOf("domain").forEach((id, i) => body.set(`m${id}`, marks[i] ?? "5"));
  return body;
};

beforeAll(async () => {
  judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  judgeId = demo.query<{ id: number }>(
    "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
  )[0]!.id;
});

describe("the judge's list", () => {
  it("offers to do, drafts, submitted and all with their counts, and lists only what the filter asks for", async () => {
    const rows = listed();
    const todo = rows.filter((r) => r.state !== "submitted");
    const drafts = rows.filter((r) => r.state === "draft");
    const submitted = rows.filter((r) => r.state === "submitted");
    const page = await text(await demo.get("/judge/domain?show=todo", { cookie: judge }));
    expect(page).toContain(`To do (${todo.length})`);
    expect(page).toContain(`Drafts (${drafts.length})`);
    expect(page).toContain(`Submitted (${submitted.length})`);
    expect(page).toContain(`All (${rows.length})`);
    for (const r of todo) expect(page).toContain(`/judge/domain/${r.id}"`);
    for (const r of submitted) expect(page).not.toContain(`/judge/domain/${r.id}"`);
    const draftPage = await text(await demo.get("/judge/domain?show=draft", { cookie: judge }));
    expect(draftPage.match(/href="\/judge\/domain\/\d+"/g)?.length).toBe(drafts.length);
    // Group and track by name, in the reader's language.
    const zh = await text(await demo.get("/judge/domain", { cookie: judge, lang: "zh-CN" }));
    expect(zh).toContain("待完成（");
  });
});

describe("submit and next", () => {
  it("refuses a mark off its step at its field, storing nothing and moving nowhere", async () => {
    const entry = listed().find((r) => r.state === null)!;
    const res = await demo.post(`/judge/domain/${entry.id}`, sheet(["7.3", "6", "8"], "submit-next"), {
      cookie: judge,
    });
    expect(res.status).toBe(400);
    expect(await text(res)).toContain("This mark is not on the criterion's step.");
    expect(listed().find((r) => r.id === entry.id)!.state).toBeNull();
  });

  it("submits and opens the next entry still to submit, and at the end says nothing is left", async () => {
    const todo = listed().filter((r) => r.state !== "submitted");
    expect(todo.length).toBeGreaterThan(2);
    const [first, second] = todo;
    const res = await demo.post(`/judge/domain/${first!.id}`, sheet(["8.5", "7", "9"], "submit-next"), {
      cookie: judge,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/judge/domain/${second!.id}?after=${first!.code}`);
    const stored = demo.query<{ status: string }>(
      "SELECT status FROM scores WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
      roundId("domain"),
      judgeId,
      first!.id,
    );
    expect(stored).toEqual([{ status: "submitted" }]);
    const next = await text(await demo.get(res.headers.get("location")!, { cookie: judge }));
    expect(next).toContain(`Score for ${first!.code} submitted. This is the next entry you have not submitted.`);
    expect(next).toContain(`${todo.length - 1} entries left to submit`);

    // Typed marks alone, as a browser without the page's script sends them (a decimal comma too).
    let current = second!.id;
    let location = "";
    for (let i = 0; i < todo.length - 1; i++) {
      const step = await demo.post(`/judge/domain/${current}`, sheet(["7,5", "6", "8"], "submit-next"), {
        cookie: judge,
      });
      expect(step.status).toBe(302);
      location = step.headers.get("location")!;
      const m = /^\/judge\/domain\/(\d+)\?after=/.exec(location);
      if (!m) break;
      current = Number(m[1]);
    }
    expect(location).toBe("/judge/domain?finished=1");
    expect(listed().every((r) => r.state === "submitted")).toBe(true);
    const end = await text(await demo.get(location, { cookie: judge }));
    expect(end).toContain("Every entry assigned to you in this round is now submitted: nothing is left to score.");
    expect(end).toContain("To do (0)");
  });
});

describe("what a criterion's marks mean", () => {
  it("is saved through the round's rubric form and shown to the judge under the criterion in their language", async () => {
    const body = new URLSearchParams({
      form: "rubric",
      "criteria[0].nameZh": "技术突破",
      "criteria[0].nameEn": "Breakthrough",
      "criteria[0].descriptionZh": "9分：可运行的样机，已有付费试点。",
      "criteria[0].descriptionEn": "9: a working prototype with paying pilots.",
      "criteria[0].weight": "60",
      "criteria[0].max": "10",
      "criteria[0].step": "0.5",
      "criteria[1].nameZh": "路演表现",
      "criteria[1].nameEn": "Pitch",
      "criteria[1].descriptionZh": "9分：六分钟内讲清问题与证据。",
      "criteria[1].descriptionEn": "9: problem and evidence clear within six minutes.",
      "criteria[1].weight": "40",
      "criteria[1].max": "10",
      "criteria[1].step": "1",
    });
    const saved = await demo.post("/admin/rounds/final", body, { cookie: organizer });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/admin/rounds/final?saved=rubric");
    // The form shows them back for editing.
    const settings = await text(await demo.get("/admin/rounds/final", { cookie: organizer }));
    expect(settings).toContain("What the marks mean (English)");
    expect(settings).toContain("9: a working prototype with paying pilots.");

    // Judges see the final once it is open (here set from outside, as its live set-up is not the point).
    demo.run("UPDATE rounds SET status = 'open' WHERE id = ?", roundId("final"));
    const entry = demo.query<{ entry_id: number }>(
      "SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id = ? LIMIT 1",
      roundId("final"),
      judgeId,
    )[0]!.entry_id;
    // What the page shows under each criterion (the loader's data carries both languages; the reader sees one).
    const meanings = (html: string) =>
      [...html.matchAll(/data-testid="criterion-meaning"[^>]*>([^<]*)</g)].map((m) => m[1]);
    const en = await text(await demo.get(`/judge/final/${entry}`, { cookie: judge, lang: "en" }));
    expect(meanings(en)).toEqual([
      "9: a working prototype with paying pilots.",
      "9: problem and evidence clear within six minutes.",
    ]);
    const zh = await text(await demo.get(`/judge/final/${entry}`, { cookie: judge, lang: "zh-CN" }));
    expect(meanings(zh)).toEqual(["9分：可运行的样机，已有付费试点。", "9分：六分钟内讲清问题与证据。"]);
    demo.run("UPDATE rounds SET status = 'draft' WHERE id = ?", roundId("final"));
  });

  it("shows the demo's own descriptions on the domain round's sheet", async () => {
    const entry = listed()[0]!;
    const en = await text(await demo.get(`/judge/domain/${entry.id}`, { cookie: judge }));
    expect(en).toContain("9–10: at the international frontier of its field");
    expect(en).toContain('data-testid="running-total"');
  });
});
