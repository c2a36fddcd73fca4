import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  scheduleMeetings,
  type Busy,
  type Meeting,
  type ScheduleInput,
  type Slot,
} from "../../app/domain/meeting-schedule";

const MIN = 60_000;
const DAY_START = Date.UTC(2027, 4, 20, 1, 0); // 09:00 in Beijing

/** `count` slots of `minutes`, back to back from the forum's first morning. */
const slotsOf = (count: number, minutes = 20): Slot[] =>
  Array.from({ length: count }, (_, i) => ({
    startsAt: DAY_START + i * minutes * MIN,
    endsAt: DAY_START + (i + 1) * minutes * MIN,
  }));

const arbitraryInput: fc.Arbitrary<ScheduleInput> = fc
  .record({
    slots: fc.integer({ min: 1, max: 12 }),
    tables: fc.integer({ min: 1, max: 4 }),
    people: fc.integer({ min: 2, max: 12 }),
  })
  .chain(({ slots, tables, people }) =>
    fc.record({
      slots: fc.constant(slotsOf(slots)),
      tables: fc.constant(tables),
      meetings: fc
        .array(fc.uniqueArray(fc.integer({ min: 0, max: people - 1 }), { minLength: 2, maxLength: 3 }), {
          maxLength: 40,
        })
        .map((list) => list.map((who, i): Meeting => ({ id: i + 1, participants: who.map((p) => `person:${p}`) }))),
      busy: fc.array(
        fc
          .record({
            p: fc.integer({ min: 0, max: people - 1 }),
            from: fc.integer({ min: 0, max: slots * 20 }),
            length: fc.integer({ min: 1, max: 60 }),
          })
          .map(({ p, from, length }): Busy => ({
            participant: `person:${p}`,
            from: DAY_START + from * MIN,
            to: DAY_START + (from + length) * MIN,
          })),
        { maxLength: 6 },
      ),
    }),
  );

const overlaps = (slot: Slot, busy: Busy) => slot.startsAt < busy.to && busy.from < slot.endsAt;

describe("the meeting schedule", () => {
  it("never books anyone twice at once, never puts two meetings at one table, and accounts for every meeting", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const { placed, unplaced } = scheduleMeetings(input);
        const ids = [...placed.map((p) => p.meetingId), ...unplaced.map((u) => u.meetingId)].sort((a, b) => a - b);
        expect(ids).toEqual(input.meetings.map((m) => m.id));
        const byId = new Map(input.meetings.map((m) => [m.id, m]));
        const seats = new Set<string>();
        const tables = new Set<string>();
        for (const p of placed) {
          expect(p.slot).toBeGreaterThanOrEqual(0);
          expect(p.slot).toBeLessThan(input.slots.length);
          expect(p.table).toBeGreaterThanOrEqual(0);
          expect(p.table).toBeLessThan(input.tables);
          const table = `${p.slot}/${p.table}`;
          expect(tables.has(table), `table ${table} twice`).toBe(false);
          tables.add(table);
          for (const who of byId.get(p.meetingId)!.participants) {
            const seat = `${p.slot}/${who}`;
            expect(seats.has(seat), `${who} twice in slot ${p.slot}`).toBe(false);
            seats.add(seat);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("never places a meeting while one of its people is busy (their pitch in the live final)", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const byId = new Map(input.meetings.map((m) => [m.id, m]));
        for (const p of scheduleMeetings(input).placed) {
          const slot = input.slots[p.slot]!;
          for (const b of input.busy ?? [])
            if (byId.get(p.meetingId)!.participants.includes(b.participant)) expect(overlaps(slot, b)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("says truly why a meeting was not placed", () => {
    fc.assert(
      fc.property(arbitraryInput, (input) => {
        const schedule = scheduleMeetings(input);
        const byId = new Map(input.meetings.map((m) => [m.id, m]));
        const slotOf = new Map(schedule.placed.map((p) => [p.meetingId, p.slot]));
        const used = (slot: number) => schedule.placed.filter((p) => p.slot === slot).length;
        for (const u of schedule.unplaced) {
          const m = byId.get(u.meetingId)!;
          const open = input.slots
            .map((slot, i) => ({ slot, i }))
            .filter(
              ({ slot }) =>
                !(input.busy ?? []).some((b) => m.participants.includes(b.participant) && overlaps(slot, b)),
            )
            .map(({ i }) => i);
          if (u.reason === "noCommonTime") expect(open).toEqual([]);
          else expect(open.length).toBeGreaterThan(0);
          const peopleFree = (slot: number) =>
            !input.meetings.some(
              (o) => slotOf.get(o.id) === slot && o.participants.some((p) => m.participants.includes(p)),
            );
          // Left out although a slot had its people free and a table: the scheduler must not do that.
          for (const slot of open) expect(peopleFree(slot) && used(slot) < input.tables).toBe(false);
          if (u.reason === "participantsBooked") for (const slot of open) expect(peopleFree(slot)).toBe(false);
          if (u.reason === "tablesFull") expect(open.some(peopleFree)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("places every meeting when the people are all different and there are tables enough", () => {
    const meetings = Array.from({ length: 40 }, (_, i) => ({ id: i + 1, participants: [`p:${i}`, `e:${i}`] }));
    const { placed, unplaced } = scheduleMeetings({ slots: slotsOf(4), tables: 10, meetings });
    expect(unplaced).toEqual([]);
    expect(placed).toHaveLength(40);
  });

  it("moves an investor's earlier meeting so that an entrant free only in that slot still meets them", () => {
    // The investor meets A and B; B's entrant pitches in the second slot, so B fits only the first.
    const meetings = [
      { id: 1, participants: ["investor", "entry-a"] },
      { id: 2, participants: ["investor", "entry-b"] },
    ];
    const busy = [{ participant: "entry-b", from: slotsOf(2)[1]!.startsAt, to: slotsOf(2)[1]!.endsAt }];
    const { placed, unplaced } = scheduleMeetings({ slots: slotsOf(2), tables: 1, meetings, busy });
    expect(unplaced).toEqual([]);
    expect(placed).toEqual([
      { meetingId: 1, slot: 1, table: 0 },
      { meetingId: 2, slot: 0, table: 0 },
    ]);
  });

  it("lists a meeting whose entrant pitches whenever the partner could meet, with that reason", () => {
    const slots = slotsOf(1);
    const { placed, unplaced } = scheduleMeetings({
      slots,
      tables: 3,
      meetings: [{ id: 7, participants: ["park", "entry"] }],
      busy: [{ participant: "entry", from: slots[0]!.startsAt, to: slots[0]!.endsAt }],
    });
    expect(placed).toEqual([]);
    expect(unplaced).toEqual([{ meetingId: 7, reason: "noCommonTime" }]);
  });

  it("says the hall is full when two free people find no table", () => {
    const { unplaced } = scheduleMeetings({
      slots: slotsOf(1),
      tables: 1,
      meetings: [
        { id: 1, participants: ["a", "b"] },
        { id: 2, participants: ["c", "d"] },
      ],
    });
    expect(unplaced).toEqual([{ meetingId: 2, reason: "tablesFull" }]);
  });
  it("keeps every earlier placement that still holds exactly where it was when more meetings are accepted", () => {
    fc.assert(
      fc.property(
        arbitraryInput,
        fc.integer({ min: 0, max: 20 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }),
        (input, extra, dropped) => {
          const before = scheduleMeetings(input);
          const gone = new Set(dropped);
          const people = [...new Set(input.meetings.flatMap((m) => m.participants))];
          // Some meetings withdrawn, some newly accepted among the same people.
          const added = Array.from({ length: people.length > 1 ? extra : 0 }, (_, i): Meeting => ({
            id: 1000 + i,
            participants: [people[i % people.length]!, people[(i * 7 + 1) % people.length]!].filter(
              (p, j, all) => all.indexOf(p) === j,
            ),
          }));
          const meetings = [...input.meetings.filter((m) => !gone.has(m.id)), ...added];
          const after = scheduleMeetings({ ...input, meetings, keep: before.placed });
          const now = new Map(after.placed.map((p) => [p.meetingId, p]));
          for (const p of before.placed) {
            if (gone.has(p.meetingId)) expect(now.has(p.meetingId)).toBe(false);
            else expect(now.get(p.meetingId)).toEqual(p);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("with earlier placements kept, still books nobody twice, overfills no slot, uses no busy slot, places only asked meetings", () => {
    fc.assert(
      fc.property(
        arbitraryInput,
        fc.array(
          fc.record({
            meetingId: fc.integer({ min: 1, max: 50 }),
            slot: fc.integer({ min: -1, max: 13 }),
            table: fc.integer({ min: -1, max: 5 }),
          }),
          { maxLength: 30 },
        ),
        (input, keep) => {
          // Arbitrary, partly invalid earlier placements: of meetings no longer asked, slots gone, tables gone.
          const { placed, unplaced } = scheduleMeetings({ ...input, keep });
          const byId = new Map(input.meetings.map((m) => [m.id, m]));
          expect(placed.length + unplaced.length).toBe(byId.size);
          const seats = new Set<string>();
          const tables = new Set<string>();
          const perSlot = new Map<number, number>();
          for (const p of placed) {
            const meeting = byId.get(p.meetingId);
            expect(meeting, `meeting ${p.meetingId} was not asked for`).toBeDefined();
            expect(p.slot).toBeGreaterThanOrEqual(0);
            expect(p.slot).toBeLessThan(input.slots.length);
            expect(p.table).toBeGreaterThanOrEqual(0);
            expect(p.table).toBeLessThan(input.tables);
            expect(tables.has(`${p.slot}/${p.table}`)).toBe(false);
            tables.add(`${p.slot}/${p.table}`);
            perSlot.set(p.slot, (perSlot.get(p.slot) ?? 0) + 1);
            expect(perSlot.get(p.slot)!).toBeLessThanOrEqual(input.tables);
            for (const who of meeting!.participants) {
              expect(seats.has(`${p.slot}/${who}`), `${who} twice in slot ${p.slot}`).toBe(false);
              seats.add(`${p.slot}/${who}`);
              for (const b of input.busy ?? [])
                if (b.participant === who) expect(overlaps(input.slots[p.slot]!, b)).toBe(false);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("moves a kept meeting that has become impossible (its entrant now pitches then), and only that one", () => {
    const slots = slotsOf(3);
    const meetings = [
      { id: 1, participants: ["investor", "entry-a"] },
      { id: 2, participants: ["park", "entry-b"] },
    ];
    const first = scheduleMeetings({ slots, tables: 2, meetings });
    expect(first.placed).toEqual([
      { meetingId: 1, slot: 0, table: 0 },
      { meetingId: 2, slot: 0, table: 1 },
    ]);
    const busy = [{ participant: "entry-a", from: slots[0]!.startsAt, to: slots[0]!.endsAt }];
    const again = scheduleMeetings({ slots, tables: 2, meetings, busy, keep: first.placed });
    expect(again.placed).toEqual([
      { meetingId: 1, slot: 1, table: 0 },
      { meetingId: 2, slot: 0, table: 1 },
    ]);
  });
});
