// A judge's declared conflict, in the service: it takes an entry off their list only while the
// round is open and the pair has no submitted score. Once a round is closed or published, or its
// panel sits on stage, nothing about its assignments or drafts changes — whoever asks.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import type { Services } from "../../app/services/index.server";
import { servicesForThisFile } from "../support/services";

const demo = servicesForThisFile();
const { one, all } = demo;
let services: Services;
let organizer: SessionUser;
let judge: SessionUser;
let judgeId = 0;
let competitionId = 0;
const roundId = (slug: string) => one<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug).id;
const userOf = (email: string, role: "organizer" | "judge"): SessionUser => {
  const u = one<{ id: number; email: string; display_name: string }>(
    "SELECT id, email, display_name FROM users WHERE email = ?",
    email,
  );
  return { id: u.id, email: u.email, displayName: u.display_name, locale: "en", roles: [role] };
};

/** Everything a declaration could touch for this judge and entry in this round. */
const footprint = (round: number, entryId: number) => ({
  assigned: one<{ n: number }>(
    "SELECT count(*) n FROM assignments WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
    round,
    judgeId,
    entryId,
  ).n,
  score:
    one<{ status: string; marks: string } | undefined>(
      "SELECT s.status, (SELECT group_concat(mark_milli, ',') FROM score_marks WHERE score_id = s.id) AS marks FROM scores s WHERE s.round_id = ? AND s.judge_id = ? AND s.entry_id = ?",
      round,
      judgeId,
      entryId,
    ) ?? null,
  conflicts: one<{ n: number }>(
    "SELECT count(*) n FROM judge_conflicts WHERE judge_id = ? AND entry_id = ?",
    judgeId,
    entryId,
  ).n,
  declared: one<{ n: number }>(
    "SELECT count(*) n FROM audit_log WHERE action = 'conflict.declared' AND subject_id = ?",
    entryId,
  ).n,
});
/** The judge's pairs in a round, with or without a sheet of the given status. */
const pairs = (round: number, sheet: "none" | "draft" | "submitted") =>
  all<{ entry_id: number }>(
    `SELECT a.entry_id FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted' LEFT JOIN scores s ON s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id
     WHERE a.round_id = ? AND a.judge_id = ? AND ${sheet === "none" ? "s.id IS NULL" : `s.status = '${sheet}'`} ORDER BY a.entry_id`,
    round,
    judgeId,
  ).map((p) => p.entry_id);

beforeAll(() => {
  services = demo.services;
  organizer = demo.organizer;
  judge = userOf("judge@frontier.demo", "judge");
  judgeId = one<{ id: number }>("SELECT id FROM judges WHERE user_id = ?", judge.id).id;
  competitionId = one<{ id: number }>("SELECT id FROM competitions LIMIT 1").id;
});

const draft = async (entryId: number) => {
  const marks = Object.fromEntries(
    all<{ id: number }>("SELECT id FROM criteria WHERE round_id = ?", roundId("domain")).map((c) => [`m${c.id}`, "6"]),
  );
  expect(
    await services.judging.save(judge, competitionId, "domain", entryId, { intent: "draft", ...marks }),
  ).toMatchObject({ ok: true, status: "draft" });
};

describe("declaring a conflict on a submitted score", () => {
  it("is refused and keeps the score counted: it changes only through the organizers", async () => {
    const domain = roundId("domain");
    const entryId = pairs(domain, "none")[0]!;
    const marks = Object.fromEntries(
      all<{ id: number }>("SELECT id FROM criteria WHERE round_id = ?", domain).map((c) => [`m${c.id}`, "7"]),
    );
    expect(
      await services.judging.save(judge, competitionId, "domain", entryId, { intent: "submit", ...marks }),
    ).toMatchObject({ ok: true, status: "submitted" });
    const before = footprint(domain, entryId);
    expect(await services.judging.declareConflict(judge, competitionId, "domain", entryId, "Co-author")).toEqual({
      ok: false,
      kind: "conflict",
      code: "score.conflictAfterSubmit",
    });
    expect(footprint(domain, entryId)).toEqual(before);
    expect(before).toMatchObject({ assigned: 1, score: { status: "submitted" }, conflicts: 0 });
  });
});

describe("declaring a conflict once the round is closed or published", () => {
  it("is refused in a closed round, keeping the pair and its draft", async () => {
    const domain = roundId("domain");
    const entryId = pairs(domain, "none")[0]!;
    await draft(entryId);
    // The domain round still waits for scores: closing it is confirmed.
    expect(await services.rounds.setStatus(organizer, competitionId, "domain", "closed", null, true)).toEqual({
      ok: true,
    });
    const before = footprint(domain, entryId);
    expect(before).toMatchObject({
      assigned: 1,
      score: { status: "draft", marks: expect.stringContaining("6000") },
      conflicts: 0,
    });
    expect(
      await services.judging.declareConflict(judge, competitionId, "domain", entryId, "My former student"),
    ).toEqual({ ok: false, kind: "conflict", code: "score.conflictRoundClosed" });
    expect(footprint(domain, entryId)).toEqual(before);
  });

  it("is refused in a published round, for a scored or unscored pair alike", async () => {
    const regional = roundId("regional");
    expect(one<{ status: string }>("SELECT status FROM rounds WHERE id = ?", regional).status).toBe("published");
    const [entryId] = [...pairs(regional, "submitted"), ...pairs(regional, "none"), ...pairs(regional, "draft")];
    const before = footprint(regional, entryId!);
    expect(await services.judging.declareConflict(judge, competitionId, "regional", entryId!, "Same lab")).toEqual({
      ok: false,
      kind: "conflict",
      code: "score.conflictRoundClosed",
    });
    expect(footprint(regional, entryId!)).toEqual(before);
  });

  it("leaves a closed round's pair and draft in place when the organizer confirms a suggested conflict", async () => {
    const domain = roundId("domain");
    const entryId = pairs(domain, "draft")[0]!;
    const conflict = demo.db.sqlite
      .prepare(
        "INSERT INTO judge_conflicts (judge_id, entry_id, source, status, reason) VALUES (?, ?, 'detected', 'pending', 'same organization')",
      )
      .run(judgeId, entryId);
    const before = footprint(domain, entryId);
    expect(
      await services.judges.decideConflict(
        organizer,
        competitionId,
        Number(conflict.lastInsertRowid),
        "confirmed",
        null,
      ),
    ).toEqual({ ok: true, unassigned: 0 });
    expect(footprint(domain, entryId)).toMatchObject({ assigned: before.assigned, score: before.score });
    // Reopened, the round is judged again: the same confirmed conflict now takes the unscored pair off.
    expect(await services.rounds.setStatus(organizer, competitionId, "domain", "open", "late score")).toEqual({
      ok: true,
    });
    demo.db.sqlite.prepare("UPDATE judge_conflicts SET status = 'pending' WHERE id = ?").run(conflict.lastInsertRowid);
    expect(
      await services.judges.decideConflict(
        organizer,
        competitionId,
        Number(conflict.lastInsertRowid),
        "confirmed",
        null,
      ),
    ).toEqual({ ok: true, unassigned: 1 });
    expect(footprint(domain, entryId)).toMatchObject({ assigned: 0, score: null });
  });
});

describe("declaring a conflict in the live final", () => {
  it("is refused once the final is played on stage: its panel is locked", async () => {
    expect(await services.live.start(organizer, "zgc2026")).toEqual({ ok: true });
    const final = roundId("final");
    const entryId = one<{ entry_id: number }>(
      "SELECT entry_id FROM assignments WHERE round_id = ? AND judge_id = ? ORDER BY entry_id LIMIT 1",
      final,
      judgeId,
    ).entry_id;
    const before = footprint(final, entryId);
    expect(await services.judging.declareConflict(judge, competitionId, "final", entryId, "Advised the team")).toEqual({
      ok: false,
      kind: "conflict",
      code: "score.conflictOnStage",
    });
    expect(footprint(final, entryId)).toEqual(before);
    expect(before.assigned).toBe(1);
  });
});

describe("declaring a conflict while the round is open", () => {
  it("still takes an unscored entry off the judge's list, with its draft", async () => {
    const domain = roundId("domain");
    const entryId = pairs(domain, "none")[0]!;
    await draft(entryId);
    expect(
      await services.judging.declareConflict(judge, competitionId, "domain", entryId, "Family member on the team"),
    ).toEqual({ ok: true });
    expect(footprint(domain, entryId)).toEqual({ assigned: 0, score: null, conflicts: 1, declared: 1 });
  });
});
