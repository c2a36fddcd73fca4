// The meeting schedule service on a copy of the demo (about 460 accepted meetings): the preview's
// numbers, a confirmation that places every feasible meeting with nobody double-booked, a stale
// confirmation refused with nothing written, undo, and publishing that mails only the people whose
// agenda changed — then, after a re-run, only the people it moved. The cases run in order.
import { describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import { addPartner, demoRound, entriesInRound } from "../support/follow-on";
import { servicesForThisFile } from "../support/services";

const h = servicesForThisFile("demo");
const edition = () => demoRound(h.db.sqlite, "final").competitionId;
const followOn = () => h.services.followOn;

type Row = { request_id: number; starts_at: string | null; table_no: number | null; sequence: number };
const placements = () =>
  h.all<Row>(`SELECT request_id, starts_at, table_no, sequence FROM meeting_placements ORDER BY request_id`);
const agendaMail = () =>
  h.all<{ to_user_id: number; locale: string; subject: string }>(
    "SELECT to_user_id, locale, subject FROM outbox WHERE kind = 'meeting.agenda' ORDER BY id",
  );

async function preview() {
  const outcome = await followOn().preview(h.organizer, edition());
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.preview;
}

/** A new partner and an accepted request between it and an entry whose entrant has an account. */
async function newAcceptedMeeting(email: string) {
  const competitionId = edition();
  const entry = h.one<{ id: number; entrantUserId: number }>(
    `SELECT id, entrant_user_id AS entrantUserId FROM entries
     WHERE competition_id = ? AND status = 'submitted' AND entrant_user_id IS NOT NULL ORDER BY id LIMIT 1`,
    competitionId,
  );
  const partner = await addPartner(h.db.sqlite, competitionId, { kind: "investor", email });
  const id = Number(
    h.db.sqlite
      .prepare(
        `INSERT INTO meeting_requests (competition_id, partner_id, entry_id, from_side, state, answered_at)
         VALUES (?, ?, ?, 'partner', 'accepted', datetime('now'))`,
      )
      .run(competitionId, partner.partnerId, entry.id).lastInsertRowid,
  );
  return { requestId: id, people: [partner.userId, entry.entrantUserId].sort((a, b) => a - b) };
}

describe("the meeting schedule service", () => {
  let before: Row[] = [];
  let added: { requestId: number; people: number[] };

  it("previews the run's numbers without writing anything", async () => {
    const accepted = h.one<{ n: number }>(
      `SELECT count(*) n FROM meeting_requests r JOIN entries e ON e.id = r.entry_id JOIN partners p ON p.id = r.partner_id
       WHERE r.competition_id = ? AND r.state = 'accepted' AND e.status = 'submitted' AND p.disabled_at IS NULL`,
      edition(),
    ).n;
    const p = await preview();
    expect(accepted).toBeGreaterThan(100);
    expect(p.meetings).toBe(accepted);
    expect(p.placed + p.unplaced.noCommonTime + p.unplaced.participantsBooked + p.unplaced.tablesFull).toBe(accepted);
    expect(p).toMatchObject({ kept: 0, moved: 0, dropped: 0, added: p.placed });
    expect(p.peopleChanged).toBeGreaterThan(0);
    expect(placements()).toEqual([]);
  });

  it("places every feasible meeting with nobody in two places at once, no table twice and no one pitching", async () => {
    const p = await preview();
    const outcome = await followOn().confirm(h.organizer, edition(), p.fingerprint);
    expect(outcome.ok).toBe(true);
    // Only a meeting whose people share no free slot may be left out; the demo has tables and time enough.
    expect(p.unplaced.participantsBooked + p.unplaced.tablesFull).toBe(0);
    expect(placements().filter((r) => r.starts_at !== null)).toHaveLength(p.placed);
    const doubleBooked = h.one<{ n: number }>(
      `WITH attends AS (
         SELECT mp.starts_at, pp.user_id AS who FROM meeting_placements mp
           JOIN meeting_requests r ON r.id = mp.request_id JOIN partner_people pp ON pp.partner_id = r.partner_id
           WHERE mp.starts_at IS NOT NULL
         UNION ALL
         SELECT mp.starts_at, 'entry:' || r.entry_id FROM meeting_placements mp
           JOIN meeting_requests r ON r.id = mp.request_id WHERE mp.starts_at IS NOT NULL)
       SELECT count(*) n FROM (SELECT 1 FROM attends GROUP BY starts_at, who HAVING count(*) > 1)`,
    ).n;
    expect(doubleBooked).toBe(0);
    const tablesTwice = h.one<{ n: number }>(
      `SELECT count(*) n FROM (SELECT 1 FROM meeting_placements WHERE starts_at IS NOT NULL
         GROUP BY starts_at, table_no HAVING count(*) > 1)`,
    ).n;
    expect(tablesTwice).toBe(0);
    const settings = h.one<{ final_starts_at: string; pitch_minutes: number; tables: number }>(
      "SELECT final_starts_at, pitch_minutes, tables FROM follow_on_settings WHERE competition_id = ?",
      edition(),
    );
    expect(h.one<{ n: number }>("SELECT max(table_no) n FROM meeting_placements").n).toBeLessThanOrEqual(
      settings.tables,
    );
    // The live final's k-th entrant pitches k-1 pitches after the first: none of its meetings overlaps that.
    const { roundId } = demoRound(h.db.sqlite, "final");
    const order = entriesInRound(h.db.sqlite, roundId);
    const first = Date.parse(settings.final_starts_at);
    const length = settings.pitch_minutes * 60_000;
    for (const [i, e] of order.entries()) {
      const from = first + i * length;
      const clash = h.all<{ starts_at: string; ends_at: string }>(
        `SELECT mp.starts_at, mp.ends_at FROM meeting_placements mp JOIN meeting_requests r ON r.id = mp.request_id
         WHERE r.entry_id = ? AND mp.starts_at IS NOT NULL`,
        e.id,
      );
      for (const m of clash)
        expect(Date.parse(m.starts_at) < from + length && from < Date.parse(m.ends_at)).toBe(false);
    }
    expect(h.one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action = 'meeting_schedule.confirmed'").n).toBe(
      1,
    );
    before = placements();
  });

  it("refuses a confirmation of numbers that no longer hold, and writes nothing", async () => {
    const stale = (await preview()).fingerprint;
    added = await newAcceptedMeeting("late@inv.test");
    const runs = h.one<{ n: number }>("SELECT count(*) n FROM meeting_schedule_runs").n;
    const outcome = await followOn().confirm(h.organizer, edition(), stale);
    expect(outcome).toMatchObject({ ok: false, kind: "conflict", code: "schedule.errors.stale" });
    expect(placements()).toEqual(before);
    expect(h.one<{ n: number }>("SELECT count(*) n FROM meeting_schedule_runs").n).toBe(runs);
  });

  it("re-runs moving nobody, and undo puts back what the run replaced", async () => {
    const p = await preview();
    expect(p).toMatchObject({ kept: before.filter((r) => r.starts_at).length, moved: 0, added: 1 });
    expect(p.peopleChanged).toBe(added.people.length);
    expect((await followOn().confirm(h.organizer, edition(), p.fingerprint)).ok).toBe(true);
    const after = placements();
    expect(after.filter((r) => r.request_id !== added.requestId)).toEqual(before);
    expect(after.find((r) => r.request_id === added.requestId)?.starts_at).not.toBeNull();
    const undone = await followOn().undo(h.organizer, edition());
    expect(undone).toMatchObject({ ok: true, mailed: 0 });
    expect(placements()).toEqual(before);
    expect(h.one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action = 'meeting_schedule.undone'").n).toBe(1);
  });

  it("publishes after the organizer confirms how many people it mails, and mails each of them once", async () => {
    const audience = await followOn().audience(h.organizer, edition());
    if (!audience.ok) throw new Error(audience.code);
    const people = h.one<{ n: number }>(
      `SELECT count(DISTINCT who) n FROM (
         SELECT pp.user_id who FROM meeting_placements mp JOIN meeting_requests r ON r.id = mp.request_id
           JOIN partner_people pp ON pp.partner_id = r.partner_id WHERE mp.starts_at IS NOT NULL AND r.state = 'accepted'
         UNION SELECT e.entrant_user_id FROM meeting_placements mp JOIN meeting_requests r ON r.id = mp.request_id
           JOIN entries e ON e.id = r.entry_id WHERE mp.starts_at IS NOT NULL AND e.entrant_user_id IS NOT NULL)`,
    ).n;
    expect(audience.audience).toBe(people);
    // One reader of English among them (the demo's people read Chinese).
    const reader = h.one<{ user_id: number }>(
      `SELECT pp.user_id FROM meeting_placements mp JOIN meeting_requests r ON r.id = mp.request_id
       JOIN partner_people pp ON pp.partner_id = r.partner_id WHERE mp.starts_at IS NOT NULL ORDER BY pp.user_id LIMIT 1`,
    ).user_id;
    h.db.sqlite.prepare("UPDATE users SET locale = 'en' WHERE id = ?").run(reader);
    const wrong = await followOn().publish(h.organizer, edition(), audience.audience + 1);
    expect(wrong).toMatchObject({ ok: false, kind: "conflict" });
    expect(agendaMail()).toEqual([]);
    expect(await followOn().publish(h.organizer, edition(), audience.audience)).toMatchObject({
      ok: true,
      mailed: people,
    });
    const mail = agendaMail();
    expect(new Set(mail.map((m) => m.to_user_id)).size).toBe(people);
    // Each in the reader's language: the demo's people read Chinese or English.
    const wrongLanguage = h.one<{ n: number }>(
      `SELECT count(*) n FROM outbox o JOIN users u ON u.id = o.to_user_id
       WHERE o.kind = 'meeting.agenda' AND o.locale <> u.locale`,
    ).n;
    expect(wrongLanguage).toBe(0);
    const zh = h.one<{ subject: string } | undefined>(
      "SELECT subject FROM outbox WHERE kind = 'meeting.agenda' AND locale = 'zh-Hans' LIMIT 1",
    );
    const en = h.one<{ subject: string } | undefined>(
      "SELECT subject FROM outbox WHERE kind = 'meeting.agenda' AND locale = 'en' LIMIT 1",
    );
    expect(zh?.subject).toMatch(/^您的后续服务会面/);
    expect(en?.subject).toMatch(/^Your follow-on meetings/);
    const again = await followOn().audience(h.organizer, edition());
    expect(again).toMatchObject({ ok: true, audience: 0 });
  });

  it("after publishing, a re-run mails only the people it moved, and an undo mails them again", async () => {
    const sent = agendaMail().length;
    const p = await preview();
    expect(p.moved).toBe(0);
    const outcome = await followOn().confirm(h.organizer, edition(), p.fingerprint);
    expect(outcome).toMatchObject({ ok: true, mailed: added.people.length });
    const fresh = agendaMail().slice(sent);
    expect(fresh.map((m) => m.to_user_id).sort((a, b) => a - b)).toEqual(added.people);
    const undone = await followOn().undo(h.organizer, edition());
    expect(undone).toMatchObject({ ok: true, mailed: added.people.length });
    expect(
      agendaMail()
        .slice(sent + fresh.length)
        .map((m) => m.to_user_id)
        .sort((a, b) => a - b),
    ).toEqual(added.people);
  });

  it("refuses anyone but an organizer", async () => {
    const judge: SessionUser = { ...h.organizer, roles: ["judge"] };
    for (const outcome of [
      await followOn().preview(judge, edition()),
      await followOn().confirm(judge, edition(), "x"),
      await followOn().undo(judge, edition()),
      await followOn().publish(judge, edition(), 0),
      await followOn().settings(judge, edition()),
      await followOn().saveSettings(judge, edition(), {}),
    ])
      expect(outcome).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

describe("the follow-on settings", () => {
  const good = () => {
    const { roundId } = demoRound(h.db.sqlite, "final");
    return {
      needsRoundId: String(roundId),
      capPerPartner: "15",
      capPerEntryPerKind: "4",
      days: "2027-03-19\n2027-03-20",
      dayStarts: "09:30",
      dayEnds: "17:30",
      slotMinutes: "30",
      tables: "25",
      finalStartsAt: "2027-03-19T14:00",
      pitchMinutes: "8",
    };
  };

  it("refuses each bad field at its field and writes nothing", async () => {
    const was = h.one<object>("SELECT * FROM follow_on_settings WHERE competition_id = ?", edition());
    const outcome = await followOn().saveSettings(h.organizer, edition(), {
      ...good(),
      days: "2027-02-30",
      tables: "0",
      capPerPartner: "x",
    });
    expect(outcome).toMatchObject({ ok: false, kind: "invalid" });
    if (outcome.ok) return;
    expect(outcome.fields).toMatchObject({
      days: ["schedule.errors.dayNotReal"],
      tables: ["schedule.errors.tables"],
      capPerPartner: ["schedule.errors.capPerPartner"],
    });
    const outside = await followOn().saveSettings(h.organizer, edition(), {
      ...good(),
      finalStartsAt: "2027-04-01T14:00",
    });
    expect(outside).toMatchObject({ ok: false, fields: { finalStartsAt: ["schedule.errors.finalOutsideDays"] } });
    const otherRound = await followOn().saveSettings(h.organizer, edition(), { ...good(), needsRoundId: "999999" });
    expect(otherRound).toMatchObject({ ok: false, field: "needsRoundId", code: "schedule.errors.needsRound" });
    expect(h.one<object>("SELECT * FROM follow_on_settings WHERE competition_id = ?", edition())).toEqual(was);
  });

  it("saves a good form, the final's time read in the edition's zone, audited", async () => {
    expect(await followOn().saveSettings(h.organizer, edition(), good())).toEqual({ ok: true });
    const row = h.one<{ days: string; tables: number; final_starts_at: string; cap_per_partner: number }>(
      "SELECT days, tables, final_starts_at, cap_per_partner FROM follow_on_settings WHERE competition_id = ?",
      edition(),
    );
    expect(row).toEqual({
      days: '["2027-03-19","2027-03-20"]',
      tables: 25,
      final_starts_at: "2027-03-19T06:00:00.000Z",
      cap_per_partner: 15,
    });
    const page = await followOn().settings(h.organizer, edition());
    expect(page).toMatchObject({
      ok: true,
      values: { finalStartsAt: "2027-03-19T14:00", days: "2027-03-19\n2027-03-20" },
    });
    expect(h.one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action = 'follow_on.settings'").n).toBe(1);
  });
});
