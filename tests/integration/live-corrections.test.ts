// Corrections on the live final over the real server and real socket.io-clients: the organizer
// reopens scoring after an undo, a judge revises with a reason, the result is recomputed and the
// withdrawn mark is never shown again; stale control rooms, a lifted freeze and an undone
// ceremony start, each refused or audited as the final needs.
import { describe, expect, it } from "vitest";
import { fromScaledInt } from "../../app/domain/decimal";
import { formatMilli } from "../../app/domain/score-sheet";
import { weightedMark } from "../../app/domain/scoring";
import { until } from "../support/live-harness";
import { liveFinalForThisFile } from "../support/live-final";

const live = liveFinalForThisFile();
const liveRow = () => live.query<{ seq: number; control: string }>(`SELECT seq, control FROM live_state`)[0]!;
const marksOf = (judgeId: number, entryId: number) =>
  live.query<{ criterion_id: number; mark_milli: number }>(
    `SELECT m.criterion_id, m.mark_milli FROM score_marks m JOIN scores s ON s.id = m.score_id
     WHERE s.judge_id = ? AND s.entry_id = ? AND s.round_id = (SELECT round_id FROM live_state) ORDER BY m.criterion_id`,
    judgeId,
    entryId,
  );
const auditRows = (action: string) =>
  live.query<{ before: string | null; after: string | null; reason: string | null; subject_id: number }>(
    `SELECT before, after, reason, subject_id FROM audit_log WHERE action = ? ORDER BY id`,
    action,
  );

describe("correcting a judge's mark on the live final", () => {
  it("reveals the revised mark and a recomputed result after undo, reopen for one judge and a revision with a reason; the withdrawn mark is never shown again", async () => {
    const entryId = live.order[0]!;
    const org = await live.controlRoom(live.organizer);
    const hall = await live.follower();
    const [judgeId, otherJudge] = [...live.judges.keys()];
    expect(await live.command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "open" })).toEqual({ ok: true });
    await live.everyJudgeSubmits(entryId);
    expect(await live.command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.stage.phase === "revealed", "the reveal on the big screen");
    const device = await live.judgePhone(judgeId!);
    const seat = device.view!.seat;
    const firstReveal = hall.received.flatMap((u) => (u.change.type === "reveal" ? [u.change.reveal] : [])).at(-1)!;
    const oldMark = firstReveal.marks.find((m) => m.seat === seat)!.mark;

    expect(await live.command(org.socket, { type: "undoReveal", reason: "Judge 1 typed 2 for 9" })).toEqual({
      ok: true,
    });
    const undoneAt = liveRow().seq;
    expect(
      await live.command(org.socket, { type: "reopen", judgeId: judgeId!, reason: "Judge 1 typed 2 for 9" }),
    ).toEqual({
      ok: true,
    });
    // The phone learns of the correction by itself, with the judge's own marks to start from.
    await until(() => device.view?.correction !== null, "the correction on the judge's phone");
    const before = marksOf(judgeId!, entryId);
    expect(device.view!.correction).toEqual({
      entryId,
      marks: Object.fromEntries(before.map((m) => [String(m.criterion_id), formatMilli(m.mark_milli)])),
      comment: "",
      reason: "Judge 1 typed 2 for 9",
    });
    await until(() => hall.follow.state?.stage.phase === "scoring", "the stage reopened on the big screen");

    // A judge who was not reopened cannot resubmit; the reopened one must say why.
    expect(await live.submitAs(otherJudge!, entryId, live.marksFor(77), { reason: "I changed my mind" })).toMatchObject(
      {
        ok: false,
        code: "live.refusal.alreadySubmitted",
      },
    );
    const seqBefore = liveRow().seq;
    expect(await live.submitAs(judgeId!, entryId, live.marksFor(3), { reason: "  " })).toMatchObject({
      ok: false,
      code: "live.refusal.revisionReasonRequired",
      field: "reason",
    });
    expect(marksOf(judgeId!, entryId)).toEqual(before);
    expect(liveRow().seq).toBe(seqBefore);

    // A revision that changes the judge's total: every criterion one step off where it was.
    const revised = Object.fromEntries(
      live.panel.criteria.map((c) => {
        const was = before.find((m) => m.criterion_id === c.id)!.mark_milli;
        return [String(c.id), formatMilli(was + c.step_milli <= c.max_milli ? was + c.step_milli : was - c.step_milli)];
      }),
    );
    expect(await live.submitAs(judgeId!, entryId, revised, { reason: "Typed 2 for 9" })).toMatchObject({
      ok: true,
      duplicate: false,
    });
    // Every reopened judge has revised: scoring closes again by itself, and the correction is over.
    await until(() => org.view?.control.phase === "closed" && org.view.control.reopened === null, "closed again");
    await until(() => device.view?.correction === null, "the correction gone from the phone");
    const preview = org.view!.preview!;
    expect(preview.marks.find((m) => m.seat === seat)!.mark).not.toBe(oldMark);

    expect(await live.command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.stage.phase === "revealed", "the corrected reveal");
    const after = hall.received.filter((u) => u.seq > undoneAt);
    const reveals = after.flatMap((u) => (u.change.type === "reveal" ? [u.change.reveal] : []));
    expect(reveals).toHaveLength(1);
    expect(reveals[0]).toEqual(preview);
    expect(reveals[0]!.marks.find((m) => m.seat === seat)!.mark).not.toBe(oldMark);
    expect(reveals[0]!.result).not.toBe(firstReveal.result);
    expect(hall.follow.state!.ranking.find((r) => r.entryId === entryId)!.result).toBe(reveals[0]!.result);
    // No public event after the undo carries the withdrawn marks of this entry.
    const withdrawn = JSON.stringify(firstReveal.marks);
    expect(after.some((u) => JSON.stringify(u.change).includes(withdrawn))).toBe(false);

    const revision = auditRows("score.revised").at(-1)!;
    expect(revision.subject_id).toBe(entryId);
    expect(revision.reason).toBe("Typed 2 for 9");
    expect(JSON.parse(revision.before!)).toMatchObject({
      judgeId,
      marks: Object.fromEntries(before.map((m) => [String(m.criterion_id), formatMilli(m.mark_milli)])),
    });
    expect(JSON.parse(revision.after!)).toMatchObject({ judgeId, marks: revised, revision: 1, stage: true });
    expect(auditRows("live.scoring_reopened").at(-1)).toMatchObject({ reason: "Judge 1 typed 2 for 9" });
    expect(auditRows("live.reveal_undone").at(-1)).toMatchObject({ reason: "Judge 1 typed 2 for 9" });
    // Every stage score, first submissions and the revision, keeps the total the domain makes of its marks.
    const sheets = live.query<{ stored: string | null; marks: string }>(
      `SELECT s.weighted_total stored, (SELECT json_group_array(json_array(m.mark_milli, c.weight_bp)) FROM score_marks m
         JOIN criteria c ON c.id = m.criterion_id WHERE m.score_id = s.id) marks
         FROM scores s WHERE s.round_id = (SELECT round_id FROM live_state) AND s.status = 'submitted'`,
    );
    expect(sheets.length).toBeGreaterThan(1);
    for (const sheet of sheets) {
      const marks = JSON.parse(sheet.marks) as [number, number][];
      expect(sheet.stored).toBe(
        weightedMark(marks.map(([m, w]) => ({ mark: fromScaledInt(m, 3), weightPercent: fromScaledInt(w, 2) }))),
      );
    }
  });

  it("reopens scoring for the whole panel and closes by itself once every judge has revised", async () => {
    const entryId = live.order[1]!;
    const org = await live.controlRoom(live.organizer);
    expect(await live.command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "open" })).toEqual({ ok: true });
    await live.everyJudgeSubmits(entryId);
    expect(await live.command(org.socket, { type: "reopen", reason: "The rubric was read out wrong" })).toEqual({
      ok: true,
    });
    await until(() => org.view?.control.reopened?.judgeIds.length === live.judges.size, "the reopen for all");
    const ids = [...live.judges.keys()];
    for (const judgeId of ids.slice(0, -1))
      expect(
        await live.submitAs(judgeId, entryId, live.marksFor(judgeId + 1), { reason: "Re-read the rubric" }),
      ).toMatchObject({ ok: true });
    await until(() => org.view?.control.reopened?.revised.length === ids.length - 1, "all but one revised");
    expect(org.view!.control.phase).toBe("scoring");
    expect(await live.submitAs(ids.at(-1)!, entryId, live.marksFor(2), { reason: "Re-read the rubric" })).toMatchObject(
      { ok: true },
    );
    await until(() => org.view?.control.phase === "closed", "closed again");
    expect(org.view!.control.reopened).toBeNull();
    expect(auditRows("score.revised").filter((r) => r.subject_id === entryId)).toHaveLength(ids.length);
  });

  it("ends a reopen when the organizer closes it early: the judges not yet revised can no longer change their mark", async () => {
    const entryId = live.order[1]!;
    const org = await live.controlRoom(live.organizer);
    const [judgeId] = live.judges.keys();
    const device = await live.judgePhone(judgeId!);
    expect(await live.command(org.socket, { type: "reopen", reason: "One more look" })).toEqual({ ok: true });
    await until(() => device.view?.correction?.entryId === entryId, "the correction on the phone");
    expect(await live.command(org.socket, { type: "close" })).toEqual({ ok: true });
    await until(() => device.view?.correction === null, "the correction withdrawn from the phone");
    const before = marksOf(judgeId!, entryId);
    expect(await live.submitAs(judgeId!, entryId, live.marksFor(9), { reason: "Too late" })).toMatchObject({
      ok: false,
      code: "live.refusal.scoringClosed",
    });
    expect(marksOf(judgeId!, entryId)).toEqual(before);
    expect(await live.command(org.socket, { type: "reveal" })).toEqual({ ok: true });
  });

  it("refuses a reopen for a judge who did not submit and a reopen while scoring is open", async () => {
    const entryId = live.order[2]!;
    const org = await live.controlRoom(live.organizer);
    const [judgeId, otherJudge] = [...live.judges.keys()];
    expect(await live.command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "open" })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "reopen", reason: "Too soon" })).toMatchObject({
      ok: false,
      code: "live.refusal.notClosed",
    });
    // Closed short (seven of nine), then a reopen for one of the two who never submitted.
    for (const id of [...live.judges.keys()].slice(2))
      expect(await live.submitAs(id, entryId, live.marksFor(id))).toMatchObject({ ok: true });
    expect(await live.command(org.socket, { type: "close", reason: "Two judges left early" })).toEqual({ ok: true });
    const seq = liveRow().seq;
    expect(await live.command(org.socket, { type: "reopen", judgeId: judgeId!, reason: "Fix" })).toMatchObject({
      ok: false,
      code: "live.refusal.judgeNotSubmitted",
    });
    expect(liveRow().seq).toBe(seq);
    // Reopened for all who submitted: the two without a mark still cannot add one.
    expect(await live.command(org.socket, { type: "reopen", reason: "Check the marks" })).toEqual({ ok: true });
    expect(await live.submitAs(otherJudge!, entryId, live.marksFor(4))).toMatchObject({
      ok: false,
      code: "live.refusal.scoringClosed",
    });
    for (const id of [...live.judges.keys()].slice(2))
      expect(await live.submitAs(id, entryId, live.marksFor(id), { reason: "Checked" })).toMatchObject({ ok: true });
    // The panel was short before the reopen; it closes again by itself all the same.
    await until(() => org.view?.control.phase === "closed", "closed again after a short panel");
    expect(await live.command(org.socket, { type: "reveal" })).toEqual({ ok: true });
  });
});

describe("the control room's forgiving commands", () => {
  it("refuses a command from a stale control room (a second organizer who saw an older version) and changes nothing", async () => {
    const first = await live.controlRoom(live.organizer);
    const second = await live.controlRoom(live.secondOrganizer);
    const version = first.view!.control.version;
    expect(second.view!.control.version).toBe(version);
    expect(await live.command(first.socket, { type: "autoReveal", on: true }, { version })).toEqual({
      ok: true,
    });
    const row = liveRow();
    expect(await live.command(second.socket, { type: "autoReveal", on: false }, { version })).toMatchObject({
      ok: false,
      code: "live.refusal.staleControl",
    });
    expect(liveRow()).toEqual(row);
    expect(JSON.parse(row.control)).toMatchObject({ autoReveal: true, version: version + 1 });
    // Once it has seen the new version, the same command goes through.
    await until(() => second.view?.control.version === version + 1, "the second room's new version");
    expect(await live.command(second.socket, { type: "autoReveal", on: false }, { version: version + 1 })).toEqual({
      ok: true,
    });
  });

  it("undoes a ceremony started by mistake and lifts a freeze, each with a reason in the audit log", async () => {
    const org = await live.controlRoom(live.organizer);
    const hall = await live.follower();
    const entryId = live.order[3]!;
    expect(await live.command(org.socket, { type: "freeze" })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "stage", entryId })).toEqual({ ok: true });
    expect(await live.command(org.socket, { type: "ceremonyStep" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.ceremony === "running", "the ceremony on the big screen");
    expect(await live.command(org.socket, { type: "undoCeremonyStart", reason: " " })).toMatchObject({
      ok: false,
      code: "live.refusal.reasonRequired",
    });
    expect(await live.command(org.socket, { type: "undoCeremonyStart", reason: "Clicked by mistake" })).toEqual({
      ok: true,
    });
    await until(() => hall.follow.state?.stage.entryId === entryId, "the ceremony undone");
    expect(hall.follow.state!.ceremony).toBe("none");
    expect(hall.follow.state!.stage).toMatchObject({ entryId, phase: "pitching" });
    expect(auditRows("live.ceremony_start_undone").at(-1)).toMatchObject({ reason: "Clicked by mistake" });

    // The final goes on while frozen: the result is sealed, then the freeze is lifted.
    expect(await live.command(org.socket, { type: "open" })).toEqual({ ok: true });
    await live.everyJudgeSubmits(entryId);
    await until(() => hall.follow.state?.stage.phase !== "scoring", "scoring closed");
    if (hall.follow.state!.stage.phase === "closed")
      expect(await live.command(org.socket, { type: "reveal" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.sealed.includes(entryId) === true, "the sealed result");
    expect(hall.follow.state!.ranking.some((r) => r.entryId === entryId)).toBe(false);
    expect(await live.command(org.socket, { type: "unfreeze", reason: "" })).toMatchObject({
      ok: false,
      code: "live.refusal.reasonRequired",
    });
    expect(await live.command(org.socket, { type: "unfreeze", reason: "Froze too early" })).toEqual({ ok: true });
    await until(() => hall.follow.state?.frozen === false, "the freeze lifted");
    expect(hall.follow.state!.sealed).toEqual([]);
    expect(hall.follow.state!.ranking.some((r) => r.entryId === entryId && r.result !== null)).toBe(true);
    expect(auditRows("live.freeze_lifted").at(-1)).toMatchObject({ reason: "Froze too early" });
    expect(await live.command(org.socket, { type: "unfreeze", reason: "Again" })).toMatchObject({
      ok: false,
      code: "live.refusal.notFrozen",
    });
  });
});
