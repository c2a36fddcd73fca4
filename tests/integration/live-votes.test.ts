// The audience vote over the real server: a phone's device cookie from the live page, votes as
// plain form posts, voting opened and closed by the organizer's `voting` command over a real
// socket, and the fraud panel's discount and "count them again", each audited with its reason.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { BURST_VOTES } from "../../app/domain/vote-fraud";
import { JUDGE, liveHarnessForThisFile, ORGANIZER, SLUG } from "../support/live-harness";

const live = liveHarnessForThisFile();
let organizer = "";
let control: LiveSocket;
let finalists: number[] = [];

const votes = () => live.count(`SELECT count(*) AS n FROM live_votes`);
const counted = () => live.count(`SELECT count(*) AS n FROM live_votes WHERE discounted_at IS NULL`);
const countedFor = (entryId: number) =>
  live.count(`SELECT count(*) AS n FROM live_votes WHERE discounted_at IS NULL AND entry_id = ?`, entryId);

/** A phone opening the live page: the device cookie it is given. */
async function phone(): Promise<string> {
  const res = await live.get(`/live/${SLUG}`);
  expect(res.status).toBe(200);
  const cookie = res.headers.get("set-cookie");
  expect(cookie).toMatch(/^__device=/);
  expect(cookie).toMatch(/HttpOnly/i);
  return cookie!.split(";")[0]!;
}

const vote = (cookie: string, entryId: number | string) =>
  live.post(`/live/${SLUG}`, new URLSearchParams({ intent: "vote", entryId: String(entryId) }), { cookie });

async function voting(state: "open" | "closed") {
  expect(await live.command(control, { type: "voting", voting: state })).toEqual({ ok: true });
}

const panelHtml = async () => {
  const res = await live.get("/admin/live/votes", { cookie: organizer });
  expect(res.status).toBe(200);
  return res.text();
};
const post = (fields: Record<string, string>) =>
  live.post("/admin/live/votes", new URLSearchParams(fields), { cookie: organizer });

beforeAll(async () => {
  organizer = await live.signIn(ORGANIZER.email, ORGANIZER.password);
  control = await live.connected({ cookie: organizer });
  const row = live.query<{ control: string }>(`SELECT control FROM live_state`)[0]!;
  finalists = (JSON.parse(row.control) as { order: number[] }).order;
  expect(finalists.length).toBeGreaterThan(2);
});
afterAll(() => control?.disconnect());

describe("the audience vote", () => {
  it("counts one vote per phone: a second vote from the same device is refused and writes nothing", async () => {
    await voting("open");
    const cookie = await phone();
    const first = await vote(cookie, finalists[0]!);
    expect(first.status).toBe(200);
    expect(votes()).toBe(1);
    const again = await vote(cookie, finalists[1]!);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain("This device has already voted in this final.");
    expect(live.query(`SELECT entry_id, address, network FROM live_votes`)).toEqual([
      { entry_id: finalists[0], address: "127.0.0.1", network: "127.0.0.0/24" },
    ]);
    // The same phone reloading the page keeps its pass, and the page says what it voted for.
    const reload = await live.get(`/live/${SLUG}`, { cookie });
    expect(reload.headers.get("set-cookie")).toBeNull();
    expect(await reload.text()).toMatch(/data-voted="\d+"/);
  });

  it("refuses a vote for an entry that is not a finalist, a vote without a device pass, and a malformed form", async () => {
    const outsider = live.query<{ id: number }>(
      `SELECT id FROM entries WHERE id NOT IN (${finalists.join(",")}) LIMIT 1`,
    )[0]!.id;
    const cookie = await phone();
    const before = votes();
    const notFinalist = await vote(cookie, outsider);
    expect(notFinalist.status).toBe(400);
    expect(await notFinalist.text()).toContain("That entry is not a finalist.");
    const forged = await vote("__device=eyJkIjoieCJ9.forged", finalists[0]!);
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain("Reload the page to vote");
    expect((await vote(cookie, "first")).status).toBe(400);
    expect((await live.post(`/live/${SLUG}`, new URLSearchParams({ intent: "cheer" }), { cookie })).status).toBe(400);
    expect(votes()).toBe(before);
  });

  it("flags a burst of votes from one address range, discounts exactly those with a reason, and counts them again", async () => {
    const favourite = finalists[2]!;
    for (let i = 0; i < BURST_VOTES + 5; i++) expect((await vote(await phone(), favourite)).status).toBe(200);
    const html = await panelHtml();
    expect(html).toContain(`votes from 127.0.0.0/24 within a minute`);
    const form =
      /name="flag" value="(burst:127\.0\.0\.0\/24:\d+)"\/><input type="hidden" name="count" value="(\d+)"/.exec(html);
    expect(form).not.toBeNull();
    const [, flag, shown] = form!;
    const flagged = Number(shown);
    expect(flagged).toBeGreaterThanOrEqual(BURST_VOTES + 5);
    const tally = counted();

    // A number that no longer matches what was confirmed, or no reason: refused, nothing changes.
    const stale = await post({
      intent: "discount",
      flag: flag!,
      count: String(flagged - 1),
      reason: "bot",
      confirm: "on",
    });
    expect(stale.status).toBe(409);
    const unexplained = await post({ intent: "discount", flag: flag!, count: shown!, reason: " ", confirm: "on" });
    expect(unexplained.status).toBe(400);
    expect(counted()).toBe(tally);

    const reason = "one script, thirty phones in four seconds";
    const discounted = await post({ intent: "discount", flag: flag!, count: shown!, reason, confirm: "on" });
    expect(discounted.status).toBe(200);
    expect(counted()).toBe(tally - flagged);
    expect(countedFor(favourite)).toBe(0);
    const audit = live.query<{ reason: string; after: string }>(
      `SELECT reason, after FROM audit_log WHERE action = 'live.vote_discounted'`,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe(reason);
    expect(JSON.parse(audit[0]!.after)).toMatchObject({ flag, votes: flagged });
    expect(live.query(`SELECT discount_reason AS r FROM live_votes WHERE discounted_at IS NOT NULL LIMIT 1`)).toEqual([
      { r: reason },
    ]);

    const batch = live.query<{ at: string }>(
      `SELECT DISTINCT discounted_at AS at FROM live_votes WHERE discounted_at IS NOT NULL`,
    )[0]!.at;
    expect(await panelHtml()).toContain(`value="${batch}"`);
    const restored = await post({
      intent: "restore",
      batch,
      count: shown!,
      reason: "checked: a school class",
      confirm: "on",
    });
    expect(restored.status).toBe(200);
    expect(counted()).toBe(tally);
    expect(countedFor(favourite)).toBe(BURST_VOTES + 5);
    expect(live.query(`SELECT reason FROM audit_log WHERE action = 'live.vote_restored'`)).toEqual([
      { reason: "checked: a school class" },
    ]);
  });

  it("refuses a vote after voting closed, and shows the award from counted votes only", async () => {
    await voting("closed");
    const cookie = await phone();
    const before = votes();
    const late = await vote(cookie, finalists[0]!);
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("Voting is closed.");
    expect(votes()).toBe(before);

    // A discounted vote never reaches the award: discount the favourite's votes, and the award goes elsewhere.
    const favourite = finalists[2]!;
    live.run(
      `UPDATE live_votes SET discounted_at = '2026-12-02T09:00:00.000Z', discount_reason = 'test' WHERE entry_id = ?`,
      favourite,
    );
    expect(await live.command(control, { type: "audienceAward", show: true })).toEqual({ ok: true });
    const award = (
      JSON.parse(live.query<{ public: string }>(`SELECT public FROM live_state`)[0]!.public) as {
        audienceAward: { entryIds: number[]; votes: number };
      }
    ).audienceAward;
    expect(award).toEqual({ entryIds: [finalists[0]], votes: countedFor(finalists[0]!) });
  });

  it("keeps the fraud panel from judges and anonymous visitors", async () => {
    const judge = await live.signIn(JUDGE.email, JUDGE.password);
    expect((await live.get("/admin/live/votes", { cookie: judge })).status).toBe(403);
    const anonymous = await live.get("/admin/live/votes");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login/);
    const tally = counted();
    const batch = live.query<{ at: string }>(
      `SELECT DISTINCT discounted_at AS at FROM live_votes WHERE discounted_at IS NOT NULL`,
    )[0]!.at;
    const fields = new URLSearchParams({ intent: "restore", batch, count: "1", reason: "x", confirm: "on" });
    expect((await live.post("/admin/live/votes", fields, { cookie: judge })).status).toBe(403);
    expect((await live.post("/admin/live/votes", fields)).status).toBe(302);
    expect(counted()).toBe(tally);
  });
});
