// The fraud panel's service decides who may read and change the vote, not only its route: a judge
// (or any account without the organizer role) calling it directly is refused and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();
const SLUG = "zgc2026";

beforeAll(async () => {
  expect(await harness.services.live.start(harness.organizer, SLUG)).toMatchObject({ ok: true });
});

describe("the vote's fraud panel service", () => {
  it("answers only organizers", async () => {
    const judgeId = harness.one<{ id: number }>("SELECT id FROM judges LIMIT 1").id;
    const judge = harness.judgeUser(judgeId);
    const votes = harness.services.votes;
    const forbidden = { ok: false, kind: "forbidden", code: "live.refusal.forbidden" };
    expect(await votes.panel(judge, SLUG)).toEqual(forbidden);
    const request = { flag: "fast", count: 1, reason: "x" };
    expect(await votes.discount(judge, SLUG, request)).toEqual(forbidden);
    const restore = { batch: "2026-12-02T09:00:00.000Z", count: 1, reason: "x" };
    expect(await votes.restore(judge, SLUG, restore)).toEqual(forbidden);
    expect(await votes.panel(harness.organizer, SLUG)).toMatchObject({ voting: "closed", flags: [], batches: [] });
    expect(harness.one<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action LIKE 'live.vote_%'").n).toBe(0);
  });
});
