import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignJudges,
  conflictReason,
  indexConflicts,
  type AssignmentEntry,
  type AssignmentJudge,
  type Conflict,
} from "../../app/domain/assignment";

const ORGS = ["Alpha Lab", "Beta Institute", "Gamma Robotics", "Delta Bio", "Epsilon Optics", "Zeta Energy"];
const TRACKS = ["QI", "PC", "BCI", "SB"];
const COUNTRIES = ["CN", "DE", "US", "SG"];

const instance = fc
  .record({
    entries: fc.array(
      fc.record({
        track: fc.constantFrom(...TRACKS),
        org: fc.constantFrom(...ORGS),
        country: fc.constantFrom(...COUNTRIES),
      }),
      { minLength: 1, maxLength: 60 },
    ),
    judges: fc.array(
      fc.record({
        tracks: fc.subarray(TRACKS, { minLength: 1 }),
        affiliation: fc.constantFrom(...ORGS, "University A", "University B", "Fund C"),
        country: fc.constantFrom(...COUNTRIES),
      }),
      { minLength: 1, maxLength: 25 },
    ),
    k: fc.integer({ min: 1, max: 5 }),
    conflicts: fc.array(fc.record({ judge: fc.nat(), entry: fc.nat(), byOrg: fc.boolean() }), { maxLength: 15 }),
    avoidSameCountry: fc.boolean(),
    seed: fc.integer(),
  })
  .map((x) => {
    const entries: AssignmentEntry[] = x.entries.map((e, i) => ({
      id: `e${i}`,
      trackId: e.track,
      organization: e.org,
      country: e.country,
    }));
    const judges: AssignmentJudge[] = x.judges.map((j, i) => ({
      id: `j${i}`,
      trackIds: j.tracks,
      affiliation: j.affiliation,
      country: j.country,
    }));
    const conflicts: Conflict[] = x.conflicts.map((c) => {
      const judgeId = judges[c.judge % judges.length]!.id;
      const entry = entries[c.entry % entries.length]!;
      return c.byOrg ? { judgeId, organization: entry.organization } : { judgeId, entryId: entry.id };
    });
    return { entries, judges, k: x.k, conflicts, avoidSameCountry: x.avoidSameCountry, seed: x.seed };
  });

describe("automatic assignment over random instances", () => {
  it("never gives a judge an entry they conflict with, nor the same entry twice", () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const { assignments } = assignJudges(inst);
        const index = indexConflicts(inst.conflicts);
        const byId = new Map(inst.entries.map((e) => [e.id, e]));
        const judges = new Map(inst.judges.map((j) => [j.id, j]));
        const seen = new Set<string>();
        for (const p of assignments) {
          expect(conflictReason(judges.get(p.judgeId)!, byId.get(p.entryId)!, index, inst.avoidSameCountry)).toBeNull();
          const key = `${p.judgeId}/${p.entryId}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
    );
  });

  it("gives every entry k judges, or reports exactly how many are missing and only when too few judges may score it", () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const { assignments, unassigned } = assignJudges(inst);
        const index = indexConflicts(inst.conflicts);
        const perEntry = new Map<string, number>();
        for (const p of assignments) perEntry.set(p.entryId, (perEntry.get(p.entryId) ?? 0) + 1);
        const short = new Map(unassigned.map((u) => [u.entryId, u.missing]));
        for (const e of inst.entries) {
          const got = perEntry.get(e.id) ?? 0;
          expect(got + (short.get(e.id) ?? 0)).toBe(inst.k);
          const eligible = inst.judges.filter(
            (j) => conflictReason(j, e, index, inst.avoidSameCountry) === null,
          ).length;
          // Shortfalls come from the constraints, never from the balancing.
          if (eligible >= inst.k) expect(got, `entry ${e.id} has ${eligible} eligible judges`).toBe(inst.k);
          else expect(got).toBe(eligible);
        }
      }),
    );
  });

  it("balances load to within one assignment when no judge is excluded", () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const free = {
          ...inst,
          conflicts: [],
          avoidSameCountry: false,
          judges: inst.judges.map((j, i) => ({ ...j, affiliation: `Independent ${i}` })),
        };
        fc.pre(free.judges.length >= free.k);
        const { load } = assignJudges(free);
        const loads = [...load.values()];
        expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it("gives the same result for the same seed, and keeps pairs that already exist", () => {
    fc.assert(
      fc.property(instance, (inst) => {
        const a = assignJudges(inst);
        const b = assignJudges(inst);
        expect(b.assignments).toEqual(a.assignments);
        if (a.assignments.length === 0) return;
        const kept = a.assignments.slice(0, Math.ceil(a.assignments.length / 2));
        const rerun = assignJudges({ ...inst, existing: kept });
        const keptKeys = new Set(kept.map((p) => `${p.judgeId}/${p.entryId}`));
        expect(rerun.assignments.some((p) => keptKeys.has(`${p.judgeId}/${p.entryId}`))).toBe(false);
        const perEntry = new Map<string, number>();
        for (const p of [...kept, ...rerun.assignments]) perEntry.set(p.entryId, (perEntry.get(p.entryId) ?? 0) + 1);
        for (const [, n] of perEntry) expect(n).toBeLessThanOrEqual(inst.k);
      }),
    );
  });

  it("prefers judges who know the entry's track when load allows", () => {
    const judges: AssignmentJudge[] = [
      { id: "expert1", trackIds: ["QI"], affiliation: "U1", country: "CN" },
      { id: "expert2", trackIds: ["QI"], affiliation: "U2", country: "CN" },
      { id: "other1", trackIds: ["SB"], affiliation: "U3", country: "CN" },
      { id: "other2", trackIds: ["SB"], affiliation: "U4", country: "CN" },
    ];
    const entries: AssignmentEntry[] = [
      { id: "q", trackId: "QI", organization: "X", country: "DE" },
      { id: "s", trackId: "SB", organization: "Y", country: "DE" },
    ];
    const { assignments } = assignJudges({ entries, judges, k: 2, seed: 7 });
    expect(
      assignments
        .filter((p) => p.entryId === "q")
        .map((p) => p.judgeId)
        .sort(),
    ).toEqual(["expert1", "expert2"]);
    expect(
      assignments
        .filter((p) => p.entryId === "s")
        .map((p) => p.judgeId)
        .sort(),
    ).toEqual(["other1", "other2"]);
  });
});
