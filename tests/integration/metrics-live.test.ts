// /metrics over the live channel: the sockets open on this process and each command and stage
// score handled, accepted or refused, counted as the real server handles them.
import { describe, expect, it } from "vitest";
import { JUDGE, liveHarnessForThisFile, ORGANIZER, SLUG } from "../support/live-harness";

const TOKEN = "metrics-token-for-the-live-test-0123";
const live = liveHarnessForThisFile({ METRICS_TOKEN: TOKEN });

async function scrape() {
  const res = await fetch(live.url + "/metrics", { headers: { Authorization: `Bearer ${TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}
const sample = (text: string, series: string) => {
  const line = text.split("\n").find((l) => l.startsWith(series + " "));
  return line ? Number(line.slice(series.length + 1)) : 0;
};
const commands = (kind: string, outcome: string) => `frontier_live_commands_total{kind="${kind}",outcome="${outcome}"}`;

describe("the live channel on /metrics", () => {
  it("counts the open sockets when scraped", async () => {
    const before = sample(await scrape(), "frontier_live_sockets");
    const sockets = await Promise.all([live.connected(), live.connected(), live.connected()]);
    expect(sample(await scrape(), "frontier_live_sockets")).toBe(before + 3);
    for (const s of sockets) s.disconnect();
    await new Promise((r) => setTimeout(r, 200));
    expect(sample(await scrape(), "frontier_live_sockets")).toBe(before);
  });

  it("counts control commands and stage scores by outcome", async () => {
    const before = await scrape();
    const organizer = await live.connected({ cookie: await live.signIn(ORGANIZER.email, ORGANIZER.password) });
    const card = { kind: "notice", title: { zh: "通知", en: "Notice" }, body: { zh: "", en: "" } };
    expect(await live.command(organizer, { type: "card", card })).toEqual({ ok: true });
    expect(await live.command(organizer, { type: "stage", entryId: 999_999 })).toMatchObject({ ok: false });
    const judge = await live.connected({ cookie: await live.signIn(JUDGE.email, JUDGE.password) });
    const refused = (await judge.timeout(5000).emitWithAck("submit", {
      competition: SLUG,
      submissionId: "metrics-nothing-on-stage",
      entryId: 999_999,
      marks: {},
    } as never)) as { ok: boolean };
    expect(refused.ok).toBe(false);
    const after = await scrape();
    expect(sample(after, commands("control", "ok"))).toBe(sample(before, commands("control", "ok")) + 1);
    expect(sample(after, commands("control", "refused"))).toBe(sample(before, commands("control", "refused")) + 1);
    expect(sample(after, commands("submit", "refused"))).toBe(sample(before, commands("submit", "refused")) + 1);
    expect(sample(after, commands("submit", "ok"))).toBe(sample(before, commands("submit", "ok")));
  });
});
