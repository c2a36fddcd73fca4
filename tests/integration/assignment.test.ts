import { describe, expect, it } from "vitest";
import { servicesForThisFile } from "../support/services";

const demo = servicesForThisFile();
const { all, one } = demo;

describe("running the automatic assignment for a round", () => {
  it("fills what is missing without touching scored pairs, and never assigns a conflict", async () => {
    const services = demo.services;
    const { id: roundId } = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'");
    const scoredBefore = all<{ judge_id: number; entry_id: number }>(
      "SELECT judge_id, entry_id FROM scores WHERE round_id = ? ORDER BY judge_id, entry_id",
      roundId,
    );
    // A judge declares a conflict with an entry they have not scored yet: that pair goes.
    const pair = one<{ judge_id: number; entry_id: number }>(
      `SELECT a.judge_id, a.entry_id FROM assignments a WHERE a.round_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id) LIMIT 1`,
      roundId,
    );
    demo.db.sqlite
      .prepare(
        "INSERT INTO judge_conflicts (judge_id, entry_id, source, status, reason) VALUES (?, ?, 'declared', 'confirmed', 'Former student')",
      )
      .run(pair.judge_id, pair.entry_id);
    demo.db.sqlite
      .prepare("DELETE FROM assignments WHERE round_id = ? AND judge_id = ? AND entry_id = ?")
      .run(roundId, pair.judge_id, pair.entry_id);

    const run = await services.assignment.run(null, roundId, { seed: 42 });
    if (!run.ok) throw new Error(run.code);
    expect(run.added).toBe(1);
    expect(run.unassigned).toEqual([]);
    const perEntry = all<{ n: number }>(
      "SELECT count(*) n FROM assignments WHERE round_id = ? GROUP BY entry_id",
      roundId,
    );
    expect(perEntry.every((r) => r.n === 5)).toBe(true);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM assignments WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        roundId,
        pair.judge_id,
        pair.entry_id,
      ).n,
    ).toBe(0);
    expect(
      all("SELECT judge_id, entry_id FROM scores WHERE round_id = ? ORDER BY judge_id, entry_id", roundId),
    ).toEqual(scoredBefore);
  });

  it("re-assigns every unscored pair afresh on request, keeping the scored ones, with no conflict", async () => {
    const services = demo.services;
    const { id: roundId } = one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'");
    const scored = one<{ n: number }>("SELECT count(*) n FROM scores WHERE round_id = ?", roundId).n;
    const progress: number[] = [];
    const run = await services.assignment.run(null, roundId, {
      seed: 7,
      resetUnscored: true,
      onProgress: (d) => progress.push(d),
    });
    const total = one<{ n: number }>("SELECT count(*) n FROM assignments WHERE round_id = ?", roundId).n;
    if (!run.ok) throw new Error(run.code);
    expect(run.removed).toBe(total - scored);
    expect(run.added).toBe(run.removed);
    expect(progress.at(-1)).toBe(1);
    const conflicts = one<{ n: number }>(
      `SELECT count(*) n FROM assignments a JOIN entries e ON e.id = a.entry_id JOIN judges j ON j.id = a.judge_id
       WHERE a.round_id = ? AND (lower(j.affiliation) = lower(e.organization) OR EXISTS (SELECT 1 FROM judge_conflicts c WHERE c.judge_id = j.id AND c.status = 'confirmed'
         AND (c.entry_id = e.id OR lower(c.organization) = lower(e.organization))))`,
      roundId,
    ).n;
    expect(conflicts).toBe(0);
    expect(
      one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action = 'round.assigned' AND subject_id = ?", roundId)
        .n,
    ).toBe(2);
  });
});
