// How the live final says no over HTTP and to a judge's phone: a malformed start is a 400, a start
// the round is not ready for a 409 said in the reader's language, and a submission key reused for
// another entry is refused with its own code instead of an English sentence.
import { describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";
import { servicesForThisFile } from "../support/services";

const SLUG = "zgc2026";
const demo = demoServerForThisFile();
const harness = servicesForThisFile();

const text = async (res: Response) => (await res.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"');

describe("starting the live final over HTTP", () => {
  it("answers a form that is not a start with 400, starting nothing", async () => {
    const cookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const res = await demo.post("/admin/live", new URLSearchParams({ intent: "explode" }), { cookie });
    expect(res.status).toBe(400);
    expect(await text(res)).toContain("The message was not understood.");
    expect(demo.count("SELECT count(*) AS n FROM live_state")).toBe(0);
  });

  it("answers a start of a round without a rubric with 409 and the reason in the reader's language", async () => {
    const cookie = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    const final = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'")[0]!.id;
    const saved = demo.query<Record<string, unknown>>("SELECT * FROM criteria WHERE round_id = ?", final);
    demo.run("DELETE FROM criteria WHERE round_id = ?", final);
    const en = await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie });
    expect(en.status).toBe(409);
    expect(await text(en)).toContain("The final round has no rubric yet: set it up under Rounds first.");
    const zh = await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie, lang: "zh-CN" });
    expect(zh.status).toBe(409);
    expect(await text(zh)).toContain("决赛轮次尚未设置评分细则");
    expect(demo.count("SELECT count(*) AS n FROM live_state")).toBe(0);
    for (const c of saved)
      demo.run(
        `INSERT INTO criteria (${Object.keys(c).join(",")}) VALUES (${Object.keys(c)
          .map(() => "?")
          .join(",")})`,
        ...Object.values(c),
      );
    expect((await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie })).status).toBe(302);
  });
});

describe("a judge's stage submission", () => {
  it("refuses a submission key already used for another entry as submissionKeyReused, counting nothing twice", async () => {
    const live = harness.services.live;
    expect(await live.start(harness.organizer, SLUG)).toEqual({ ok: true });
    const [first, second] = (await live.snapshot(SLUG))!.state!.entries.map((e) => e.id);
    expect(await live.command(harness.organizer, SLUG, { type: "stage", entryId: first! })).toMatchObject({ ok: true });
    expect(await live.command(harness.organizer, SLUG, { type: "open" })).toMatchObject({ ok: true });
    const judgeId = harness.one<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = (SELECT round_id FROM live_state) AND entry_id = ? LIMIT 1",
      first,
    ).judge_id;
    const marks = Object.fromEntries(
      harness
        .all<{ id: number }>("SELECT id FROM criteria WHERE round_id = (SELECT round_id FROM live_state)")
        .map((c) => [String(c.id), "5"]),
    );
    const judge = harness.judgeUser(judgeId);
    const message = { competition: SLUG, submissionId: "phone-key-reuse", entryId: first!, marks };
    expect(await live.submit(judge, message)).toMatchObject({ ok: true, duplicate: false });
    expect(await live.submit(judge, { ...message, entryId: second! })).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.submissionKeyReused",
    });
    expect(
      harness.one<{ n: number }>(
        "SELECT count(*) n FROM scores WHERE judge_id = ? AND submission_key = ?",
        judgeId,
        message.submissionId,
      ).n,
    ).toBe(1);
  });

  it("puts each malformed mark at its criterion, as i18n keys", async () => {
    const live = harness.services.live;
    const entryId = (await live.snapshot(SLUG))!.state!.stage.entryId!;
    const criteria = harness.all<{ id: number }>(
      "SELECT id FROM criteria WHERE round_id = (SELECT round_id FROM live_state) ORDER BY position",
    );
    const judgeId = harness.one<{ judge_id: number }>(
      `SELECT judge_id FROM assignments WHERE round_id = (SELECT round_id FROM live_state) AND entry_id = ?
       AND judge_id NOT IN (SELECT judge_id FROM scores WHERE entry_id = ?) LIMIT 1`,
      entryId,
      entryId,
    ).judge_id;
    const [a, b] = criteria.map((c) => String(c.id));
    const marks = { ...Object.fromEntries(criteria.map((c) => [String(c.id), "5"])), [a!]: "999", [b!]: "abc" };
    expect(
      await live.submit(harness.judgeUser(judgeId), {
        competition: SLUG,
        submissionId: "bad-marks-01",
        entryId,
        marks,
      }),
    ).toEqual({
      ok: false,
      kind: "invalid",
      code: "live.refusal.invalidMarks",
      field: a,
      fields: { [a!]: ["score.markAboveMax"], [b!]: ["score.markNotNumber"] },
    });
  });
});
