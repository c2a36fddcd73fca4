// What a judge types and declares, through the real server: a mark written "9.5000" is a mark on
// the web sheet and on the stage; a bad one is refused at its field (never a 500 or a generic
// refusal); and a conflict declared after the round closed changes nothing.
import { io as connect } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Command } from "../../app/domain/live-final";
import { formatMilli } from "../../app/domain/score-sheet";
import type { LiveSocket } from "../../app/live/follower";
import { ackSchema } from "../../app/live/protocol";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const ROUND = "domain";
const SLUG = "zgc2026";

const text = async (res: Response) =>
  (await res.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

let organizer = "";
let judge = "";
let judgeId = 0;
let roundId = 0;
let criteria: number[] = [];
const sockets: LiveSocket[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

/** Entries of the domain round assigned to the demo judge with no sheet yet. */
const unscored = () =>
  demo
    .query<{ entry: number }>(
      `SELECT a.entry_id AS entry FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted' WHERE a.round_id = ? AND a.judge_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id) ORDER BY a.entry_id`,
      roundId,
      judgeId,
    )
    .map((r) => r.entry);
const sheet = (marks: string[], extra: Record<string, string>) => {
  const body = new URLSearchParams(extra);
  marks.forEach((m, i) => body.set(`m${criteria[i]}`, m));
  return body;
};
const marksOf = (entryId: number) =>
  demo.query<{ status: string; marks: string }>(
    `SELECT s.status, (SELECT group_concat(mark_milli, ',') FROM (SELECT mark_milli FROM score_marks WHERE score_id = s.id ORDER BY criterion_id)) AS marks
     FROM scores s WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ?`,
    roundId,
    judgeId,
    entryId,
  )[0] ?? null;

beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
  judgeId = demo.query<{ id: number }>(
    "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
  )[0]!.id;
  roundId = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", ROUND)[0]!.id;
  criteria = demo
    .query<{ id: number }>("SELECT id FROM criteria WHERE round_id = ? ORDER BY position", roundId)
    .map((c) => c.id);
  expect(demo.query<{ status: string }>("SELECT status FROM rounds WHERE id = ?", roundId)[0]!.status).toBe("open");
});

describe("a judge's mark written with trailing zeros", () => {
  it("is stored as the mark it is when the score sheet is submitted", async () => {
    const entry = unscored()[0]!;
    const res = await demo.post(`/judge/${ROUND}/${entry}`, sheet(["9.5000", "8,50", " 07.0 "], { intent: "submit" }), {
      cookie: judge,
    });
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/judge/${ROUND}/${entry}?submitted=1`);
    expect(marksOf(entry)).toEqual({ status: "submitted", marks: "9500,8500,7000" });
    expect(await text(await demo.get(`/judge/${ROUND}/${entry}`, { cookie: judge }))).toContain('value="9.5"');
  });

  it("refuses a mark that is not a number at its field, in the judge's language, storing nothing", async () => {
    const entry = unscored()[0]!;
    for (const [bad, message] of [
      ["1e3", "Please enter a number, such as 7 or 7.5."],
      ["٩", "Please enter a number, such as 7 or 7.5."],
      ["9.5001", "Please use at most three decimals."],
    ]) {
      const res = await demo.post(`/judge/${ROUND}/${entry}`, sheet([bad!, "8", "8"], { intent: "submit" }), {
        cookie: judge,
      });
      expect(res.status, bad).toBe(400);
      expect(await text(res), bad).toContain(message);
      expect(marksOf(entry), bad).toBeNull();
    }
    const zh = await demo.post(`/judge/${ROUND}/${entry}`, sheet(["1e3", "8", "8"], { intent: "submit" }), {
      cookie: judge,
      lang: "zh-Hans",
    });
    expect(await text(zh)).toContain("请输入数字，如 7 或 7.5。");
  });
});

describe("a judge's mark on the stage", () => {
  const until = async (check: () => boolean, what: string) => {
    const end = Date.now() + 5000;
    while (!check()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const socketOf = async (cookie: string) => {
    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie },
    });
    sockets.push(socket);
    let up = false;
    socket.on("connect", () => (up = true));
    await until(() => up, "the connection");
    return socket;
  };
  const command = async (socket: LiveSocket, command: Command) =>
    ackSchema.parse(await socket.timeout(5000).emitWithAck("control", { competition: SLUG, command }));

  it("is refused as invalid_marks naming the criterion when malformed, and counted when written 9.5000", async () => {
    const started = await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie: organizer });
    expect(started.status).toBe(302);
    const final = demo.query<{ round_id: number; control: string }>("SELECT round_id, control FROM live_state")[0]!;
    const order = (JSON.parse(final.control) as { order: number[] }).order;
    const mine = new Set(
      demo
        .query<{ entry_id: number }>(
          "SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id = ?",
          final.round_id,
          judgeId,
        )
        .map((a) => a.entry_id),
    );
    const entryId = order.find((id) => mine.has(id))!;
    const stageCriteria = demo.query<{ id: number; max_milli: number; step_milli: number }>(
      "SELECT id, max_milli, step_milli FROM criteria WHERE round_id = ? ORDER BY position",
      final.round_id,
    );
    // A mark on every criterion's step, written with trailing zeros: "8.5000", "7.000".
    const padded = (milli: number) =>
      formatMilli(milli).includes(".") ? `${formatMilli(milli)}000` : `${formatMilli(milli)}.000`;
    const marks = Object.fromEntries(
      stageCriteria.map((c) => [String(c.id), padded(Math.floor((c.max_milli * 0.8) / c.step_milli) * c.step_milli)]),
    );

    const org = await socketOf(organizer);
    expect(await command(org, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await command(org, { type: "open" })).toEqual({ ok: true });
    const phone = await socketOf(judge);
    const submit = async (key: string, typed: Record<string, string>) =>
      ackSchema.parse(
        await phone
          .timeout(5000)
          .emitWithAck("submit", { competition: SLUG, submissionId: key, entryId, marks: typed }),
      );
    const first = String(stageCriteria[0]!.id);
    for (const [bad, message] of [
      ["1e3", "score.markNotNumber"],
      ["٩", "score.markNotNumber"],
      ["0.0001", "score.markTooPrecise"],
    ]) {
      expect(await submit(`bad-mark-${bad!.charCodeAt(0)}`, { ...marks, [first]: bad! }), bad).toEqual({
        ok: false,
        kind: "invalid",
        code: "live.refusal.invalidMarks",
        field: first,
        fields: { [first]: [message] },
      });
    }
    expect(
      demo.count("SELECT count(*) n FROM scores WHERE round_id = ? AND judge_id = ?", final.round_id, judgeId),
    ).toBe(0);

    expect(await submit("padded-marks-1", marks)).toEqual({ ok: true, duplicate: false });
    const stored = demo.query<{ mark_milli: number }>(
      "SELECT m.mark_milli FROM score_marks m JOIN scores s ON s.id = m.score_id WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ? ORDER BY m.criterion_id",
      final.round_id,
      judgeId,
      entryId,
    );
    expect(stored.map((m) => formatMilli(m.mark_milli))).toEqual(
      stageCriteria.map((c) => marks[String(c.id)]!.replace(/\.?0+$/, "")),
    );
  });
});

describe("a conflict declared after the round closed", () => {
  it("is refused with the reason, and the entry, its draft and the list stay as they were", async () => {
    const entry = unscored()[0]!;
    expect(
      (await demo.post(`/judge/${ROUND}/${entry}`, sheet(["6", "6", "6"], { intent: "draft" }), { cookie: judge }))
        .status,
    ).toBe(302);
    expect(marksOf(entry)).toEqual({ status: "draft", marks: "6000,6000,6000" });
    expect(
      // The round still waits for scores: closing it is confirmed.
      (
        await demo.post(
          `/admin/rounds/${ROUND}?index`,
          new URLSearchParams({ form: "status", to: "closed", confirm: "1" }),
          { cookie: organizer },
        )
      ).status,
    ).toBe(302);
    const conflictsBefore = demo.count("SELECT count(*) n FROM judge_conflicts WHERE judge_id = ?", judgeId);

    const res = await demo.post(
      `/judge/${ROUND}/${entry}`,
      new URLSearchParams({ intent: "declare", conflictReason: "My former student" }),
      { cookie: judge },
    );
    expect(res.status).toBe(409);
    expect(await text(res)).toContain(
      "Scoring for this round is closed: its assignments and scores can no longer change, so nothing was changed.",
    );
    expect(
      demo.count(
        "SELECT count(*) n FROM assignments WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        roundId,
        judgeId,
        entry,
      ),
    ).toBe(1);
    expect(marksOf(entry)).toEqual({ status: "draft", marks: "6000,6000,6000" });
    expect(demo.count("SELECT count(*) n FROM judge_conflicts WHERE judge_id = ?", judgeId)).toBe(conflictsBefore);
    expect(
      demo.count("SELECT count(*) n FROM audit_log WHERE action = 'conflict.declared' AND subject_id = ?", entry),
    ).toBe(0);
  });
});
