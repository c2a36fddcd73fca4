// A published round's judging is the record: the assignment service itself refuses to run, seat
// a panel or swap a judge there, whichever page (or script) asks, and nothing changes.
import { describe, expect, it } from "vitest";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();
const { one, all } = harness;
const pairs = (roundId: number) =>
  one<{ n: number }>("SELECT count(*) n FROM assignments WHERE round_id = ?", roundId).n;

describe("assignment of a published round", () => {
  it("refuses a run, a panel and a swap in the service, and keeps every pair", async () => {
    const round = one<{ id: number; competition_id: number; status: string }>(
      "SELECT id, competition_id, status FROM rounds WHERE slug = 'regional'",
    );
    expect(round.status).toBe("published");
    const before = pairs(round.id);
    const refused = { ok: false, kind: "conflict", code: "round.publishedLocked" };
    const { services, organizer } = harness;
    expect(await services.assignment.run(organizer, round.id, { seed: 1, resetUnscored: true })).toEqual(refused);
    const judges = all<{ id: number }>("SELECT id FROM judges LIMIT 3").map((j) => j.id);
    expect(await services.assignment.seatPanel(organizer, round.id, judges)).toEqual(refused);
    const seat = one<{ code: string; judge_id: number }>(
      "SELECT e.code, a.judge_id FROM assignments a JOIN entries e ON e.id = a.entry_id WHERE a.round_id = ? LIMIT 1",
      round.id,
    );
    const other = one<{ id: number }>("SELECT id FROM judges WHERE id <> ? LIMIT 1", seat.judge_id).id;
    const swap = await services.assignment.swap(
      organizer,
      round.competition_id,
      round.id,
      seat.code,
      seat.judge_id,
      other,
      "x",
    );
    expect(swap).toEqual(refused);
    expect(pairs(round.id)).toBe(before);
  });
});
