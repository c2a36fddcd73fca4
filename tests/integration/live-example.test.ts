// The example client in docs/live-protocol.md runs as printed: partners can start from it.
import { spawn } from "node:child_process";
import path from "node:path";
import { io as connect } from "socket.io-client";
import { afterAll, describe, expect, it } from "vitest";
import type { LiveSocket } from "../../app/live/follower";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
const example = path.resolve(import.meta.dirname, "../../docs/examples/follow-live.mjs");
const children: ReturnType<typeof spawn>[] = [];
afterAll(() => children.forEach((c) => c.kill()));

describe("docs/examples/follow-live.mjs", () => {
  it("prints the snapshot when the final starts and then each change in seq order", async () => {
    const child = spawn(process.execPath, [example, demo.url, "zgc2026"], { stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    const lines: unknown[] = [];
    let buffered = "";
    child.stdout!.on("data", (d: Buffer) => {
      buffered += d.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      for (const line of parts) lines.push(JSON.parse(line));
    });
    const until = async (n: number) => {
      const end = Date.now() + 10_000;
      while (lines.length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(lines.length).toBeGreaterThanOrEqual(n);
    };
    await until(1);
    expect(lines[0]).toEqual({ snapshot: 0, onStage: null, ranking: [] });

    const organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    expect(
      (await demo.post("/admin/live", new URLSearchParams({ intent: "start" }), { cookie: organizer })).status,
    ).toBe(302);
    await until(2);
    expect(lines[1]).toEqual({ snapshot: 0, onStage: null, ranking: [] });

    const socket: LiveSocket = connect(demo.url + "/live", {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: organizer },
    });
    await new Promise<void>((resolve) => socket.on("connect", () => resolve()));
    const entryId = demo.query<{ entry_id: number }>(
      `SELECT entry_id FROM round_entries WHERE round_id = (SELECT round_id FROM live_state) ORDER BY stage_order LIMIT 1`,
    )[0]!.entry_id;
    await socket.timeout(5000).emitWithAck("control", { competition: "zgc2026", command: { type: "stage", entryId } });
    await socket.timeout(5000).emitWithAck("control", { competition: "zgc2026", command: { type: "open" } });
    socket.disconnect();
    await until(4);
    expect(lines.slice(2)).toEqual([
      { seq: 1, change: { type: "stage", stage: { entryId, phase: "pitching", submitted: 0, of: 9 } } },
      { seq: 2, change: { type: "stage", stage: { entryId, phase: "scoring", submitted: 0, of: 9 } } },
    ]);
  });
});
