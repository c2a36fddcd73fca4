// The live final over the real server and real socket.io-clients: ordering, resync after a
// disconnect and after a restart, who may send what, and refusals that change nothing.
import { describe, expect, it } from "vitest";
import { ORGANIZER, until } from "../support/live-harness";
import { liveFinalForThisFile } from "../support/live-final";

const live = liveFinalForThisFile();
const liveSeq = () => live.query<{ seq: number }>(`SELECT seq FROM live_state`)[0]!.seq;

describe("the live channel", () => {
  it("gives the audience the whole final on join: 22 finalists in pitch order, a 9-judge panel, nothing revealed", async () => {
    const state = await live.serverState();
    expect(state.entries.map((e) => e.id)).toEqual(live.order);
    expect(state.entries).toHaveLength(22);
    expect(state.round.panel).toBe(9);
    expect(state.ranking).toEqual([]);
    expect(state.entries[0]).toMatchObject({
      code: expect.any(String),
      organization: expect.any(String),
      country: expect.stringMatching(/^[A-Z]{2}$/),
    });
  });

  it("shows the final's panel on its assignment page, ticked, and refuses to change it once the final is live", async () => {
    const page = await fetch(live.url + "/admin/rounds/final/assignments", {
      headers: { Cookie: live.organizer, "Accept-Language": "en" },
    });
    const html = await page.text();
    expect(html).toContain('data-testid="live-panel-form"');
    const boxes = html.match(/<input[^>]*name="judge"[^>]*>/g) ?? [];
    expect(boxes.length).toBeGreaterThan(100);
    expect(boxes.filter((b) => /\bchecked\b/.test(b))).toHaveLength(9);
    const post = async (body: URLSearchParams) =>
      (
        await fetch(live.url + "/admin/rounds/final/assignments", {
          method: "POST",
          body,
          headers: { Cookie: live.organizer, Origin: live.url, "Accept-Language": "en" },
        })
      ).text();
    expect(await post(new URLSearchParams({ form: "livePanel" }))).toContain("Choose at least one judge.");
    expect(
      await post(
        new URLSearchParams([
          ["form", "livePanel"],
          ["judge", String([...live.judges.keys()][0])],
        ]),
      ),
    ).toContain("The live final has started: its panel can no longer change.");
    expect(
      live.count(
        `SELECT count(DISTINCT judge_id) AS n FROM assignments WHERE round_id = (SELECT round_id FROM live_state)`,
      ),
    ).toBe(9);
    const regional = await (
      await fetch(live.url + "/admin/rounds/regional/assignments", { headers: { Cookie: live.organizer } })
    ).text();
    expect(regional).not.toContain('data-testid="live-panel-form"');
  });

  it("delivers 200 rapid updates to every audience client in order, with no gap in seq", async () => {
    const audience = await Promise.all([live.follower(), live.follower(), live.follower()]);
    const org = await live.connected({ cookie: live.organizer });
    const start = liveSeq();
    const acks = Array.from({ length: 200 }, (_, i) =>
      live.command(org, {
        type: "card",
        card:
          i === 199
            ? null
            : { kind: "notice", title: { zh: `通知 ${i}`, en: `Notice ${i}` }, body: { zh: "", en: "" } },
      }),
    );
    expect((await Promise.all(acks)).every((a) => a.ok)).toBe(true);
    for (const a of audience) {
      await until(() => a.follow.state!.seq === start + 200, "the 200th update");
      expect(a.received.map((u) => u.seq)).toEqual(Array.from({ length: 200 }, (_, i) => start + 1 + i));
      expect(a.follow.state!.card).toBeNull();
    }
  });

  it("sends a client that disconnected mid-stream exactly the events it missed, and it ends on the server's state after three reveals", async () => {
    const away = await live.follower({ reconnection: true });
    const dropped = await live.follower({ reconnection: true });
    const left = away.follow.state!.seq;
    // One client leaves on purpose (its session ends: the app's seq resync brings it back); the
    // other loses its transport (Socket.IO's connection state recovery brings it back).
    away.socket.disconnect();
    dropped.socket.io.engine.close();
    for (const entryId of live.order.slice(0, 3)) await live.playPitch(entryId);
    const now = liveSeq();
    away.received.length = 0;
    away.socket.connect();
    await until(() => away.follow.state!.seq === now && dropped.follow.state!.seq === now, "both clients to catch up");
    expect(away.received.map((u) => u.seq)).toEqual(Array.from({ length: now - left }, (_, i) => left + 1 + i));
    expect(dropped.received.filter((u) => u.seq > left).map((u) => u.seq)).toEqual(
      Array.from({ length: now - left }, (_, i) => left + 1 + i),
    );
    expect(dropped.socket.recovered).toBe(true);
    const truth = await live.serverState();
    expect(away.follow.state).toEqual(truth);
    expect(dropped.follow.state).toEqual(truth);
    expect(truth.ranking.filter((r) => r.rank !== null)).toHaveLength(3);
    // Each reveal shows all nine marks, one highest and one lowest struck out (drops 1/1).
    expect(truth.reveal!.marks).toHaveLength(9);
    expect(truth.reveal!.marks.filter((m) => m.dropped)).toHaveLength(2);
  });

  it("recognises a submission repeated after a reconnect and does not count it twice", async () => {
    const org = await live.connected({ cookie: live.organizer });
    const entryId = live.order[3]!;
    expect(await live.command(org, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org, { type: "open" })).toEqual({ ok: true });
    const [first] = live.judges.keys();
    const repeated = { key: "phone-key-0001" };
    expect(await live.submitAs(first!, entryId, live.marksFor(5), repeated)).toEqual({ ok: true, duplicate: false });
    expect(await live.submitAs(first!, entryId, live.marksFor(5), repeated)).toEqual({ ok: true, duplicate: true });
    expect(
      live.count(
        `SELECT count(*) AS n FROM scores WHERE entry_id = ? AND status = 'submitted' AND round_id = (SELECT round_id FROM live_state)`,
        entryId,
      ),
    ).toBe(1);
    expect((await live.serverState()).stage).toMatchObject({ entryId, phase: "scoring", submitted: 1, of: 9 });
    // A second, different submission by the same judge for the same entry is refused.
    expect(await live.submitAs(first!, entryId, live.marksFor(6), { key: "phone-key-0002" })).toMatchObject({
      ok: false,
      code: "live.refusal.alreadySubmitted",
    });
  });

  it("refuses a submission for an entry not on stage, a reveal before scoring closed, and closing short without a reason", async () => {
    const org = await live.connected({ cookie: live.organizer });
    const before = liveSeq();
    const [, second] = live.judges.keys();
    expect(await live.submitAs(second!, live.order[5]!)).toMatchObject({ ok: false, code: "live.refusal.wrongEntry" });
    expect(await live.command(org, { type: "reveal" })).toMatchObject({ ok: false, code: "live.refusal.notClosed" });
    expect(await live.command(org, { type: "close" })).toMatchObject({ ok: false, code: "live.refusal.tooFewMarks" });
    expect(await live.submitAs(second!, live.order[3]!)).toMatchObject({ ok: true });
    const third = [...live.judges.keys()][2]!;
    const criterion = live.panel.criteria[0]!.id;
    const tooHigh = await live.submitAs(
      third,
      live.order[3]!,
      { ...live.marksFor(1), [String(criterion)]: "999" },
      { key: "too-high-01" },
    );
    expect(tooHigh).toMatchObject({
      ok: false,
      kind: "invalid",
      code: "live.refusal.invalidMarks",
      field: String(criterion),
      fields: { [String(criterion)]: ["score.markAboveMax"] },
    });
    expect(await live.submitAs(third, live.order[3]!)).toMatchObject({ ok: true });
    // Three of nine marks: the rule (drop 1 + 1) allows closing, but only with a reason.
    expect(await live.command(org, { type: "close" })).toMatchObject({
      ok: false,
      code: "live.refusal.reasonRequired",
    });
    expect(await live.command(org, { type: "close", reason: "Judge 4–9 lost their phones' connection" })).toEqual({
      ok: true,
    });
    expect(
      live.count(`SELECT count(*) AS n FROM audit_log WHERE action = 'live.scoring_closed' AND reason LIKE 'Judge 4%'`),
    ).toBe(1);
    expect(await live.command(org, { type: "reveal" })).toEqual({ ok: true });
    expect(liveSeq()).toBeGreaterThan(before);
  });

  it("loses no submitted score in a restart (kill and start again), and clients resync to the same state", async () => {
    const org = await live.connected({ cookie: live.organizer });
    const entryId = live.order[6]!;
    expect(await live.command(org, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org, { type: "open" })).toEqual({ ok: true });
    const some = [...live.judges.keys()].slice(0, 4);
    for (const judgeId of some) expect(await live.submitAs(judgeId, entryId)).toMatchObject({ ok: true });
    const watcher = await live.follower({ reconnection: true });
    const before = watcher.follow.state!;
    const scores = live.query(
      `SELECT judge_id, entry_id, status FROM scores WHERE round_id = (SELECT round_id FROM live_state) ORDER BY id`,
    );

    await live.stop("SIGKILL");
    await live.start();

    await until(() => watcher.socket.connected, "the watcher to reconnect", 15_000);
    expect(
      live.query(
        `SELECT judge_id, entry_id, status FROM scores WHERE round_id = (SELECT round_id FROM live_state) ORDER BY id`,
      ),
    ).toEqual(scores);
    const organizer = await live.signIn(ORGANIZER.email, ORGANIZER.password);
    const { view } = await live.controlRoom(organizer);
    expect(
      view!.panel
        .filter((p) => p.submitted)
        .map((p) => p.judgeId)
        .sort(),
    ).toEqual([...some].sort());
    expect(view!.control).toMatchObject({ current: entryId, phase: "scoring" });
    // Scoring goes on where it stopped: the remaining judges submit, it closes by itself.
    for (const judgeId of [...live.judges.keys()].slice(4))
      expect(await live.submitAs(judgeId, entryId)).toMatchObject({ ok: true });
    const truth = await live.serverState();
    expect(truth.stage).toMatchObject({ entryId, phase: "closed", submitted: 9, of: 9 });
    await until(() => watcher.follow.state!.seq === truth.seq, "the watcher to resync");
    expect(watcher.follow.state).toEqual(truth);
    expect(truth.seq).toBeGreaterThan(before.seq);
  });

  it("tells a judge's phone its seat and what it has already scored", async () => {
    const [judgeId] = live.judges.keys();
    const { view } = await live.judgePhone(judgeId!);
    expect(view!.seat).toBe(1);
    expect(view!.entries).toHaveLength(22);
    expect(view!.submitted).toEqual(expect.arrayContaining(live.order.slice(0, 4)));
    // The round's list on the web sends the judge to the stage view instead of the sheet.
    const page = await fetch(live.url + "/judge/final", {
      headers: { Cookie: live.judges.get(judgeId!)!, "Accept-Language": "en" },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('data-testid="scored-on-stage"');
    expect(html).toContain('href="/judge/live"');
  });
});
