// A judge's and an organizer's judging work through the real server on a copy of the demo
// database: what a judge may see and change, and how bad or stale input is refused.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const ROUND = "domain";

/** The page's text as a reader sees it (React escapes quotes). */
const text = async (res: Response) =>
  (await res.text())
    .replaceAll("&#x27;", "'")
    .replaceAll("&quot;", '"')
    .replaceAll("&amp;", "&")
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">");

let organizer = "";
let judgeA = "";
let judgeB = "";
let roundId = 0;
let criteria: number[] = [];
let shared = 0; // assigned to A and B, scored by neither
let onlyB = 0; // assigned to B, not to A
let unassigned = 0; // in the round, assigned to neither
let judgeIdA = 0;
let judgeIdB = 0;

const sheet = (marks: (string | undefined)[], extra: Record<string, string>) => {
  const body = new URLSearchParams(extra);
  marks.forEach((m, i) => {
    if (m !== undefined) body.set(`m${criteria[i]}`, m);
  });
  return body;
};
const scoreOf = (judgeId: number, entryId: number) =>
  demo.query<{ id: number; status: string; revision: number; comment: string | null; marks: string | null }>(
    `SELECT s.id, s.status, s.revision, s.comment, (SELECT group_concat(m.mark_milli, ',') FROM (SELECT mark_milli FROM score_marks WHERE score_id = s.id ORDER BY criterion_id) m) AS marks
     FROM scores s WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ?`,
    roundId,
    judgeId,
    entryId,
  )[0] ?? null;

beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  judgeA = await demo.signIn("judge@frontier.demo", "frontier-judge");
  roundId = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", ROUND)[0]!.id;
  criteria = demo
    .query<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", roundId)
    .map((c) => c.id);
  judgeIdA = demo.query<{ id: number }>(
    "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
  )[0]!.id;
  const pair = demo.query<{ entry: number; other: number }>(
    `SELECT a.entry_id AS entry, b.judge_id AS other FROM assignments a
     JOIN assignments b ON b.round_id = a.round_id AND b.entry_id = a.entry_id AND b.judge_id <> a.judge_id
     JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
     WHERE a.round_id = ? AND a.judge_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.entry_id = a.entry_id AND s.judge_id IN (a.judge_id, b.judge_id))
     ORDER BY a.entry_id, b.judge_id LIMIT 1`,
    roundId,
    judgeIdA,
  )[0]!;
  shared = pair.entry;
  judgeIdB = pair.other;
  onlyB = demo.query<{ entry: number }>(
    `SELECT entry_id AS entry FROM assignments WHERE round_id = ? AND judge_id = ?
     AND entry_id NOT IN (SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id = ?) ORDER BY entry_id LIMIT 1`,
    roundId,
    judgeIdB,
    roundId,
    judgeIdA,
  )[0]!.entry;
  unassigned = demo.query<{ entry: number }>(
    `SELECT re.entry_id AS entry FROM round_entries re WHERE re.round_id = ?
     AND re.entry_id NOT IN (SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id IN (?, ?)) ORDER BY re.entry_id LIMIT 1`,
    roundId,
    roundId,
    judgeIdA,
    judgeIdB,
  )[0]!.entry;

  // Judge B has no password yet: the organizer creates an invitation, B opens it and chooses one.
  const invitePage = await text(
    await demo.post(`/admin/judges/${judgeIdB}`, new URLSearchParams({ form: "invite" }), { cookie: organizer }),
  );
  const token = /\/invite\/([\w.-]+)/.exec(invitePage)?.[1];
  expect(token).toBeTruthy();
  const accepted = await demo.post(
    `/invite/${token}`,
    new URLSearchParams({ password: "judge-b-password-2026", confirm: "judge-b-password-2026" }),
  );
  expect(accepted.status).toBe(302);
  expect(accepted.headers.get("location")).toBe("/judge");
  judgeB = accepted.headers.get("set-cookie")!.split(";")[0]!;
  // The link works once.
  const again = await demo.post(
    `/invite/${token}`,
    new URLSearchParams({ password: "another-password-2026", confirm: "another-password-2026" }),
  );
  expect(again.status).not.toBe(302);
});

describe("a judge sees and scores only the entries assigned to them", () => {
  it("answers 404 for an entry not assigned to the judge, on the page, its data route and a posted form", async () => {
    for (const path of [
      `/judge/${ROUND}/${unassigned}`,
      `/judge/${ROUND}/${unassigned}.data`,
      `/judge/${ROUND}/${onlyB}`,
      `/judge/${ROUND}/${onlyB}.data`,
    ]) {
      expect((await demo.get(path, { cookie: judgeA })).status, path).toBe(404);
    }
    const posted = await demo.post(`/judge/${ROUND}/${onlyB}`, sheet(["8", "8", "8"], { intent: "submit" }), {
      cookie: judgeA,
    });
    expect(posted.status).toBe(404);
    expect(scoreOf(judgeIdA, onlyB)).toBeNull();
    expect(demo.count("SELECT count(*) n FROM scores WHERE judge_id = ? AND entry_id = ?", judgeIdA, onlyB)).toBe(0);
  });

  it("never shows a judge another judge's marks or comment, on any page or data route", async () => {
    const secret = "B-private-note-7f3a";
    const res = await demo.post(
      `/judge/${ROUND}/${shared}`,
      sheet(["9.5", "9.5", "9.5"], { intent: "submit", comment: secret }),
      { cookie: judgeB },
    );
    expect(res.status).toBe(302);
    expect(scoreOf(judgeIdB, shared)?.status).toBe("submitted");
    const code = demo.query<{ code: string }>("SELECT code FROM entries WHERE id = ?", shared)[0]!.code;
    for (const path of [
      `/judge/${ROUND}/${shared}`,
      `/judge/${ROUND}/${shared}.data`,
      `/judge/${ROUND}`,
      `/judge/${ROUND}.data`,
      "/judge",
      "/judge.data",
      `/entries/${code}`,
      `/c/zgc2026/results/${ROUND}`,
      `/c/zgc2026/results/${ROUND}.data`,
    ]) {
      const body = await text(await demo.get(path, { cookie: judgeA }));
      expect(body, path).not.toContain(secret);
    }
    // Judge A's own sheet carries no marks yet: B's 9.5s are not in it.
    const own = await text(await demo.get(`/judge/${ROUND}/${shared}.data`, { cookie: judgeA }));
    expect(own).not.toContain("9.5");
    // The organizer's pages that show every judge's marks are closed to judges.
    for (const path of [
      `/admin/rounds/${ROUND}/results`,
      `/admin/rounds/${ROUND}/results.data`,
      `/admin/rounds/${ROUND}/results/export.csv`,
      `/admin/rounds/${ROUND}/results/export.xlsx`,
      `/admin/rounds/${ROUND}/dashboard.data`,
      `/admin/entries/${shared}.data`,
    ]) {
      expect((await demo.get(path, { cookie: judgeA })).status, path).toBe(403);
    }
    // Signed out, the same routes send to the sign-in page.
    expect((await demo.get(`/judge/${ROUND}/${shared}`)).status).toBe(302);
  });
});

describe("bad marks are refused at their field, in the judge's language, and change nothing", () => {
  it("refuses a mark above the maximum, off its step, not a number, or missing", async () => {
    const res = await demo.post(`/judge/${ROUND}/${shared}`, sheet(["10.5", "7.25", undefined], { intent: "submit" }), {
      cookie: judgeA,
    });
    expect(res.status).toBe(400);
    const body = await text(res);
    expect(body).toContain("This mark is above the criterion's maximum.");
    expect(body).toContain("This mark is not on the criterion's step.");
    expect(body).toContain("Please give a mark for this criterion.");
    expect(body).toContain("Please correct the marked fields; nothing was saved.");
    expect(scoreOf(judgeIdA, shared)).toBeNull();

    const zh = await text(
      await demo.post(`/judge/${ROUND}/${shared}`, sheet(["abc", "8", "8"], { intent: "submit" }), {
        cookie: judgeA,
        lang: "zh-CN",
      }),
    );
    expect(zh).toContain("请输入数字，如 7 或 7.5。");
    expect(scoreOf(judgeIdA, shared)).toBeNull();
  });
});

describe("a submitted score changes only by a revision with a reason, while the round is open", () => {
  it("keeps a draft, then a submission, and records a revision with who, when, before, after and why", async () => {
    const draft = await demo.post(`/judge/${ROUND}/${shared}`, sheet(["8", "", ""], { intent: "draft" }), {
      cookie: judgeA,
    });
    expect(draft.status).toBe(302);
    expect(scoreOf(judgeIdA, shared)).toMatchObject({ status: "draft", marks: "8000" });

    const submit = await demo.post(
      `/judge/${ROUND}/${shared}`,
      sheet(["8", "7.5", "6"], { intent: "submit", comment: "Strong prototype" }),
      { cookie: judgeA },
    );
    expect(submit.headers.get("location")).toBe(`/judge/${ROUND}/${shared}?submitted=1`);
    expect(scoreOf(judgeIdA, shared)).toMatchObject({ status: "submitted", revision: 0, marks: "8000,7500,6000" });

    // Posting the submit form again (say, a second tab) does not overwrite the submission.
    const resubmit = await text(
      await demo.post(`/judge/${ROUND}/${shared}`, sheet(["3", "3", "3"], { intent: "submit" }), { cookie: judgeA }),
    );
    expect(resubmit).toContain("This score was already submitted: change it with a revision and a reason.");
    const noReason = await text(
      await demo.post(`/judge/${ROUND}/${shared}`, sheet(["9", "7.5", "6"], { intent: "revise", reason: " " }), {
        cookie: judgeA,
      }),
    );
    expect(noReason).toContain("Please give the reason for changing a submitted score.");
    expect(scoreOf(judgeIdA, shared)).toMatchObject({ revision: 0, marks: "8000,7500,6000" });

    const revise = await demo.post(
      `/judge/${ROUND}/${shared}`,
      sheet(["9", "7.5", "6"], { intent: "revise", reason: "Re-read the pilot results", comment: "Strong prototype" }),
      { cookie: judgeA },
    );
    expect(revise.headers.get("location")).toBe(`/judge/${ROUND}/${shared}?revised=1`);
    expect(scoreOf(judgeIdA, shared)).toMatchObject({ status: "submitted", revision: 1, marks: "9000,7500,6000" });

    const [audit] = demo.query<{ actor: string; before: string; after: string; reason: string; at: string }>(
      `SELECT u.email AS actor, a.before, a.after, a.reason, a.at FROM audit_log a JOIN users u ON u.id = a.actor_user_id
       WHERE a.action = 'score.revised' AND a.subject_type = 'entry' AND a.subject_id = ? ORDER BY a.id DESC LIMIT 1`,
      shared,
    );
    expect(audit!.actor).toBe("judge@frontier.demo");
    expect(audit!.reason).toBe("Re-read the pilot results");
    expect(JSON.parse(audit!.before).marks).toEqual({
      [criteria[0]!]: "8",
      [criteria[1]!]: "7.5",
      [criteria[2]!]: "6",
    });
    expect(JSON.parse(audit!.after).marks).toEqual({ [criteria[0]!]: "9", [criteria[1]!]: "7.5", [criteria[2]!]: "6" });
    expect(Number.isNaN(Date.parse(audit!.at))).toBe(false);

    // The organizer reads the entry's audit trail: the revision, its reason, and the changed mark.
    const trail = await text(await demo.get(`/admin/entries/${shared}`, { cookie: organizer }));
    expect(trail).toContain("Score revised");
    expect(trail).toContain("Re-read the pilot results");
    expect(trail).toMatch(/<s[^>]*>8<\/s><\/td><td[^>]*>9<\/td>/);
  });

  it("counts each judge once per entry in the results, however often they revised", async () => {
    await demo.get(`/admin/rounds/${ROUND}/results`, { cookie: organizer }); // recomputes the open round
    const submitted = demo.count(
      "SELECT count(*) n FROM scores WHERE round_id = ? AND entry_id = ? AND status = 'submitted'",
      roundId,
      shared,
    );
    const [row] = demo.query<{ judges_counted: number; kept: string; dropped: string }>(
      "SELECT judges_counted, kept, dropped FROM results WHERE round_id = ? AND entry_id = ?",
      roundId,
      shared,
    );
    expect(submitted).toBeGreaterThanOrEqual(2);
    expect(row!.judges_counted).toBe(submitted);
    expect(JSON.parse(row!.kept).length + JSON.parse(row!.dropped).length).toBe(submitted);
  });
});

describe("nothing changes once scoring is closed", () => {
  it("refuses a stale form posted after the round closed, and reopening needs a reason", async () => {
    // A's sheet for another entry is still open in a tab when the organizer closes the round.
    const other = demo.query<{ entry: number }>(
      `SELECT a.entry_id AS entry FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted' WHERE a.round_id = ? AND a.judge_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id) ORDER BY a.entry_id LIMIT 1`,
      roundId,
      judgeIdA,
    )[0]!.entry;
    // The round still waits for scores: closing it is confirmed.
    const closed = await demo.post(
      `/admin/rounds/${ROUND}?index`,
      new URLSearchParams({ form: "status", to: "closed", confirm: "1" }),
      {
        cookie: organizer,
      },
    );
    expect(closed.status).toBe(302);
    expect(demo.query<{ status: string }>("SELECT status FROM rounds WHERE id = ?", roundId)[0]!.status).toBe("closed");

    const stale = await text(
      await demo.post(`/judge/${ROUND}/${other}`, sheet(["8", "8", "8"], { intent: "submit" }), { cookie: judgeA }),
    );
    expect(stale).toContain("Scoring for this round is not open: nothing was saved.");
    expect(scoreOf(judgeIdA, other)).toBeNull();
    const late = await text(
      await demo.post(`/judge/${ROUND}/${shared}`, sheet(["1", "1", "1"], { intent: "revise", reason: "Too late" }), {
        cookie: judgeA,
      }),
    );
    expect(late).toContain("Scoring for this round is not open: nothing was saved.");
    expect(scoreOf(judgeIdA, shared)).toMatchObject({ revision: 1, marks: "9000,7500,6000" });
    expect(await text(await demo.get(`/judge/${ROUND}/${shared}`, { cookie: judgeA }))).toContain(
      "Scoring for this round is closed: nothing can change any more.",
    );

    const reopen = await text(
      await demo.post(`/admin/rounds/${ROUND}?index`, new URLSearchParams({ form: "status", to: "open" }), {
        cookie: organizer,
      }),
    );
    expect(reopen).toContain("Please say why the round is reopened.");
    expect(demo.query<{ status: string }>("SELECT status FROM rounds WHERE id = ?", roundId)[0]!.status).toBe("closed");
  });

  it("refuses to change the rubric once scores exist", async () => {
    const before = demo.query(
      "SELECT id, weight_bp, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position",
      roundId,
    );
    const body = new URLSearchParams({ form: "rubric" });
    body.set("criteria[0].nameZh", "技术");
    body.set("criteria[0].nameEn", "Technology");
    body.set("criteria[0].weight", "100");
    body.set("criteria[0].max", "100");
    body.set("criteria[0].step", "1");
    const res = await text(await demo.post(`/admin/rounds/${ROUND}?index`, body, { cookie: organizer }));
    expect(res).toContain("Scores exist for this round: the rubric can no longer change.");
    expect(
      demo.query(
        "SELECT id, weight_bp, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position",
        roundId,
      ),
    ).toEqual(before);
  });
});

describe("publishing a round's results", () => {
  it("marks the top N per unit, publishes, and tells the entrant their outcome", async () => {
    const apply = await demo.post(`/admin/rounds/${ROUND}/results`, new URLSearchParams({ form: "apply" }), {
      cookie: organizer,
    });
    expect(apply.status).toBe(302);
    const noConfirm = await text(
      await demo.post(`/admin/rounds/${ROUND}/results`, new URLSearchParams({ form: "publish" }), {
        cookie: organizer,
      }),
    );
    expect(noConfirm).toContain("I have checked the ranking and the advancement.");
    expect(demo.query<{ status: string }>("SELECT status FROM rounds WHERE id = ?", roundId)[0]!.status).toBe("closed");

    // The demo's final is already seated (decision 0007): publishing would take seated finalists
    // out of it, which is refused. Here the final's panel is not seated yet.
    demo.run("DELETE FROM assignments WHERE round_id = (SELECT id FROM rounds WHERE slug = 'final')");
    // Scores are still missing: publishing needs their number typed and a reason.
    const waiting = demo.count(
      `SELECT count(*) n FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
       WHERE a.round_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id
         AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id AND s.status = 'submitted')`,
      roundId,
    );
    const publish = await demo.post(
      `/admin/rounds/${ROUND}/results`,
      new URLSearchParams({
        form: "publish",
        confirm: "on",
        typedCount: String(waiting),
        reason: "The jury decided on the scores in",
        confirmNext: "on",
      }),
      { cookie: organizer },
    );
    expect(publish.status).toBe(302);
    expect(demo.query<{ status: string }>("SELECT status FROM rounds WHERE id = ?", roundId)[0]!.status).toBe(
      "published",
    );
    // Every unit advances its top 10 (more only on a tie at the cut-off).
    const perUnit = demo.query<{ unit: string; n: number; cut: number }>(
      `SELECT x.unit, count(*) n, max(x.rank) cut FROM results x JOIN round_entries re ON re.round_id = x.round_id AND re.entry_id = x.entry_id
       WHERE x.round_id = ? AND re.state = 'advanced' GROUP BY x.unit`,
      roundId,
    );
    expect(perUnit.length).toBeGreaterThan(5);
    for (const u of perUnit) expect(u.n === 10 || u.cut === 10 || u.n < 10, u.unit).toBe(true);

    const entrant = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const [mine] = demo.query<{ state: string }>(
      "SELECT re.state FROM round_entries re JOIN entries e ON e.id = re.entry_id JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo' AND re.round_id = ?",
      roundId,
    );
    const me = await text(await demo.get("/me", { cookie: entrant }));
    expect(me).toContain(mine!.state === "advanced" ? "Advanced" : "Did not advance");
    // The public results page now ranks the round; a judge sees it like everyone else.
    const pub = await demo.get(`/c/zgc2026/results/${ROUND}`, { cookie: judgeA });
    expect(pub.status).toBe(200);
    expect(await text(pub)).not.toContain("The results of this round are not published yet.");
  });

  it("exports every judge's marks to CSV and Excel", async () => {
    // ?rows=marks: one row per judge's submitted mark (the default is one row per entry).
    const csv = await demo.get(`/admin/rounds/${ROUND}/results/export.csv?rows=marks`, { cookie: organizer });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r?\n/);
    const submitted = demo.count("SELECT count(*) n FROM scores WHERE round_id = ? AND status = 'submitted'", roundId);
    expect(lines.length - 1).toBeGreaterThanOrEqual(submitted);
    const xlsx = await demo.get(`/admin/rounds/${ROUND}/results/export.xlsx`, { cookie: organizer });
    expect(xlsx.status).toBe(200);
    const bytes = new Uint8Array(await xlsx.arrayBuffer());
    expect([bytes[0], bytes[1]]).toEqual([0x50, 0x4b]); // a zip container, as .xlsx is
  });
});

describe("importing judges through the organizer's page", () => {
  it("checks an uploaded CSV row by row, then imports the good rows", async () => {
    const csv =
      "email,name,title,affiliation,country,tracks,conflict_organizations\n" +
      "mira.chen@optics.example.org,Mira Chen,Professor,Institute of Optics,CN,PC;QI,\n" +
      "broken-address,No Mail,,Somewhere,DE,,\n";
    const upload = (mode: string) => {
      const body = new FormData();
      body.set("form", "import");
      body.set("mode", mode);
      body.set("file", new Blob([csv], { type: "text/csv" }), "judges.csv");
      return demo.post("/admin/judges", body, { cookie: organizer });
    };
    const checked = await text(await upload("check"));
    expect(checked).toContain("2 rows read: 1 can be imported, 1 have problems.");
    expect(checked).toContain("Please enter a valid e-mail address.");
    expect(demo.count("SELECT count(*) n FROM users WHERE email = 'mira.chen@optics.example.org'")).toBe(0);
    const imported = await text(await upload("import"));
    expect(imported).toContain("Imported 1 judge.");
    expect(
      demo.count(
        "SELECT count(*) n FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'mira.chen@optics.example.org'",
      ),
    ).toBe(1);
    // A judge cannot reach the organizer's import.
    expect(
      (await demo.post("/admin/judges/conflicts", new URLSearchParams({ form: "suggest" }), { cookie: judgeA })).status,
    ).toBe(403);
  });
});
