// How the judges', assignment and score-sheet pages answer what they refuse, through the real
// server: a bad form is a 400 with the message at its field, a change the state forbids a 409
// with the reason, and neither changes anything.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();

/** The page's text as a reader sees it (React escapes quotes). */
const text = async (res: Response) =>
  (await res.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
/** The text of the element with this id, if the page has it. */
const at = (html: string, id: string) => new RegExp(`id="${id}"[^>]*>([^<]*)<`).exec(html)?.[1] ?? null;

let organizer = "";
let judge = "";
beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
});

const form = (fields: Record<string, string>) => new URLSearchParams(fields);
const newJudge = (fields: Record<string, string>) =>
  form({ form: "create", name: "Ada Lovelace", affiliation: "Analytical Engines", country: "GB", ...fields });

describe("the judges page", () => {
  it("answers a new judge with a malformed e-mail with 400 and the message at the e-mail field", async () => {
    const res = await demo.post("/admin/judges", newJudge({ email: "not-an-address" }), { cookie: organizer });
    expect(res.status).toBe(400);
    expect(at(await text(res), "judge-email-error")).toBe("Please enter a valid e-mail address.");
    expect(demo.count("SELECT count(*) n FROM judges WHERE name = 'Ada Lovelace'")).toBe(0);
  });

  it("answers a person who is already a judge with 409 and the reason at the e-mail field", async () => {
    const before = demo.count("SELECT count(*) n FROM judges");
    const res = await demo.post("/admin/judges", newJudge({ email: "judge@frontier.demo" }), { cookie: organizer });
    expect(res.status).toBe(409);
    expect(at(await text(res), "judge-email-error")).toBe("This person is already a judge of this competition.");
    expect(demo.count("SELECT count(*) n FROM judges")).toBe(before);
  });

  it("answers a dismissal without a reason with 400 at the bulk form's reason field, keeping the suggestion pending", async () => {
    await demo.post("/admin/judges/conflicts", form({ form: "suggest" }), { cookie: organizer });
    const pending = demo.query<{ id: number }>("SELECT id FROM judge_conflicts WHERE status = 'pending' LIMIT 1")[0];
    expect(pending).toBeDefined();
    const res = await demo.post(
      "/admin/judges/conflicts",
      form({
        form: "preview",
        status: "pending",
        scope: "checked",
        id: String(pending!.id),
        decision: "dismiss",
        reason: "",
      }),
      { cookie: organizer },
    );
    expect(res.status).toBe(400);
    expect(await text(res)).toMatch(
      /aria-invalid="true"[^>]*\/><p role="alert"[^>]*>Please give the reason for this decision/,
    );
    expect(
      demo.query<{ status: string }>("SELECT status FROM judge_conflicts WHERE id = ?", pending!.id)[0]!.status,
    ).toBe("pending");
  });

  it("answers a conflict with an unknown entry code with 400 and the message at the code field", async () => {
    const judgeId = demo.query<{ id: number }>("SELECT id FROM judges ORDER BY id LIMIT 1")[0]!.id;
    const before = demo.count("SELECT count(*) n FROM judge_conflicts WHERE judge_id = ?", judgeId);
    const res = await demo.post(`/admin/judges/${judgeId}`, form({ form: "conflict", entryCode: "NO-SUCH" }), {
      cookie: organizer,
    });
    expect(res.status).toBe(400);
    expect(await text(res)).toMatch(/name="entryCode"[^>]*\/><p role="alert"[^>]*>No entry has this code\./);
    expect(demo.count("SELECT count(*) n FROM judge_conflicts WHERE judge_id = ?", judgeId)).toBe(before);
  });

  it("answers an invitation whose passwords differ with 400, and a link that is no longer good with 409", async () => {
    const token = "/invite/1.9999999999999.abcdefghijklmnop";
    const differ = await demo.post(token, form({ password: "a-long-password-1", confirm: "a-long-password-2" }));
    expect(differ.status).toBe(400);
    const stale = await demo.post(token, form({ password: "a-long-password-1", confirm: "a-long-password-1" }));
    expect(stale.status).toBe(409);
  });
});

describe("the assignment page", () => {
  it("answers a run, a panel and a swap in a published round with 409, changing no pair", async () => {
    const regional = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'regional'")[0]!.id;
    const pairs = () => demo.count("SELECT count(*) n FROM assignments WHERE round_id = ?", regional);
    const before = pairs();
    const run = await demo.post("/admin/rounds/regional/assignments", form({ form: "run", seed: "1", mode: "reset" }), {
      cookie: organizer,
    });
    expect(run.status).toBe(409);
    expect(await text(run)).toContain("This round is published: it can no longer change.");
    const judges = demo.query<{ id: number }>("SELECT id FROM judges LIMIT 2").map((j) => ["judge", String(j.id)]);
    const panel = await demo.post(
      "/admin/rounds/regional/assignments",
      new URLSearchParams([["form", "livePanel"], ...judges]),
      { cookie: organizer },
    );
    expect(panel.status).toBe(409);
    const seat = demo.query<{ code: string; judge_id: number }>(
      "SELECT e.code, a.judge_id FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.round_id = ? LIMIT 1",
      regional,
    )[0]!;
    const swap = await demo.post(
      "/admin/rounds/regional/assignments",
      form({ form: "swap", code: seat.code, from: String(seat.judge_id), to: judges[1]![1]! }),
      { cookie: organizer },
    );
    expect(swap.status).toBe(409);
    expect(pairs()).toBe(before);
  });

  it("answers a seed that is not a number, and a panel of nobody, with 400", async () => {
    const seed = await demo.post("/admin/rounds/domain/assignments", form({ form: "run", seed: "abc", mode: "fill" }), {
      cookie: organizer,
    });
    expect(seed.status).toBe(400);
    expect(await text(seed)).toContain("Please enter a whole number.");
    const nobody = await demo.post("/admin/rounds/final/assignments", form({ form: "livePanel" }), {
      cookie: organizer,
    });
    expect(nobody.status).toBe(400);
    expect(await text(nobody)).toContain("Choose at least one judge.");
  });

  it("answers replacing a judge who has submitted with 409 and the reason", async () => {
    const scored = demo.query<{ code: string; judge_id: number; other: number }>(
      `SELECT e.code, s.judge_id, (SELECT id FROM judges WHERE id <> s.judge_id LIMIT 1) AS other
       FROM scores s JOIN entries e ON e.id = s.entry_id JOIN rounds r ON r.id = s.round_id
       WHERE r.slug = 'domain' AND s.status = 'submitted' LIMIT 1`,
    )[0]!;
    const res = await demo.post(
      "/admin/rounds/domain/assignments",
      form({ form: "swap", code: scored.code, from: String(scored.judge_id), to: String(scored.other) }),
      { cookie: organizer },
    );
    expect(res.status).toBe(409);
    expect(await text(res)).toContain("This judge has submitted a score for the entry: they cannot be replaced.");
  });
});

describe("the score sheet", () => {
  const ROUND = "domain";
  let entry = 0;
  let criteria: number[] = [];
  beforeAll(() => {
    const judgeId = demo.query<{ id: number }>(
      "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
    )[0]!.id;
    const roundId = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", ROUND)[0]!.id;
    criteria = demo
      .query<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", roundId)
      .map((c) => c.id);
    entry = demo.query<{ entry: number }>(
      `SELECT a.entry_id AS entry FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
       WHERE a.round_id = ? AND a.judge_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id)
       ORDER BY a.entry_id LIMIT 1`,
      roundId,
      judgeId,
    )[0]!.entry;
  });
  const sheet = (marks: string[], extra: Record<string, string>) => {
    const body = form(extra);
    marks.forEach((m, i) => body.set(`m${criteria[i]}`, m));
    return body;
  };

  it("answers an empty reason for a declared conflict with 400 at the reason field", async () => {
    const res = await demo.post(`/judge/${ROUND}/${entry}`, form({ intent: "declare", conflictReason: " " }), {
      cookie: judge,
    });
    expect(res.status).toBe(400);
    expect(await text(res)).toMatch(
      /name="conflictReason"[^>]*><\/textarea><p role="alert"[^>]*>Please fill this in\./,
    );
  });

  it("answers a second submission with 409, and a revision without a reason with 400 at its field", async () => {
    const first = await demo.post(`/judge/${ROUND}/${entry}`, sheet(["8", "8", "8"], { intent: "submit" }), {
      cookie: judge,
    });
    expect(first.status).toBe(302);
    const again = await demo.post(`/judge/${ROUND}/${entry}`, sheet(["3", "3", "3"], { intent: "submit" }), {
      cookie: judge,
    });
    expect(again.status).toBe(409);
    expect(await text(again)).toContain("This score was already submitted: change it with a revision and a reason.");
    const noReason = await demo.post(
      `/judge/${ROUND}/${entry}`,
      sheet(["9", "8", "8"], { intent: "revise", reason: "" }),
      { cookie: judge },
    );
    expect(noReason.status).toBe(400);
    expect(await text(noReason)).toContain("Please give the reason for changing a submitted score.");
  });
});
