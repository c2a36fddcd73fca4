import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pitchBusy, scheduleSettingsSchema, slotGrid } from "../../app/domain/schedule-grid";
import { scheduleMeetings } from "../../app/domain/meeting-schedule";

const form = (over: Record<string, string> = {}) => ({
  days: "2027-05-20\n2027-05-21",
  dayStarts: "09:00",
  dayEnds: "12:00",
  slotMinutes: "20",
  tables: "10",
  finalStartsAt: "2027-05-21T10:00",
  pitchMinutes: "6",
  ...over,
});
const fieldOf = (over: Record<string, string>) => {
  const r = scheduleSettingsSchema.safeParse(form(over));
  return r.success ? null : r.error.issues.map((i) => [String(i.path[0]), i.message]);
};

describe("the grid settings form", () => {
  it("accepts a good grid and sorts its days", () => {
    const r = scheduleSettingsSchema.parse(form({ days: "2027-05-21, 2027-05-20" }));
    expect(r.days).toEqual(["2027-05-20", "2027-05-21"]);
  });
  it("refuses each bad value at its field", () => {
    expect(fieldOf({ dayEnds: "08:00" })).toEqual([["dayEnds", "schedule.errors.endBeforeStart"]]);
    expect(fieldOf({ slotMinutes: "4" })).toEqual([["slotMinutes", "schedule.errors.slotMinutes"]]);
    expect(fieldOf({ slotMinutes: "121" })).toEqual([["slotMinutes", "schedule.errors.slotMinutes"]]);
    expect(fieldOf({ tables: "501" })).toEqual([["tables", "schedule.errors.tables"]]);
    expect(fieldOf({ days: "2027-02-30" })?.[0]).toEqual(["days", "schedule.errors.dayNotReal"]);
    // At the field itself, where the form shows it (not at "days[0]").
    const bad = scheduleSettingsSchema.safeParse(form({ days: "2027-05-21\n2027-02-30" }));
    expect(bad.success ? null : bad.error.issues.map((i) => i.path)).toEqual([["days"]]);
    expect(fieldOf({ finalStartsAt: "2027-05-22T10:00" })).toEqual([
      ["finalStartsAt", "schedule.errors.finalOutsideDays"],
    ]);
  });
});

describe("the slot grid", () => {
  it("reads the day's hours in the edition's zone", () => {
    const slots = slotGrid(
      { days: ["2027-05-20"], dayStarts: "09:00", dayEnds: "10:00", slotMinutes: 20 },
      "Asia/Shanghai",
    );
    expect(slots.map((s) => new Date(s.startsAt).toISOString())).toEqual([
      "2027-05-20T01:00:00.000Z",
      "2027-05-20T01:20:00.000Z",
      "2027-05-20T01:40:00.000Z",
    ]);
  });
  it("keeps a clock change's day at its wall-clock start", () => {
    const [first] = slotGrid(
      { days: ["2027-03-28"], dayStarts: "09:00", dayEnds: "10:00", slotMinutes: 30 },
      "Europe/Berlin",
    );
    expect(new Date(first!.startsAt).toISOString()).toBe("2027-03-28T07:00:00.000Z");
  });
});

describe("pitch windows", () => {
  it("puts the k-th pitch k-1 pitches after the first", () => {
    const busy = pitchBusy("2027-05-21T02:00:00.000Z", 6, [{ participant: "e:7", stageOrder: 3 }]);
    expect(busy).toEqual([
      { participant: "e:7", from: Date.parse("2027-05-21T02:12:00Z"), to: Date.parse("2027-05-21T02:18:00Z") },
    ]);
  });
  it("never lets the scheduler place a finalist during their pitch", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 30 }), (order, pitch) => {
        const slots = slotGrid({ days: ["2027-05-21"], dayStarts: "09:00", dayEnds: "17:00", slotMinutes: 20 }, "UTC");
        const busy = pitchBusy("2027-05-21T10:00:00.000Z", pitch, [{ participant: "e:1", stageOrder: order }]);
        const meetings = Array.from({ length: 30 }, (_, i) => ({ id: i + 1, participants: ["e:1", `p:${i}`] }));
        const { placed } = scheduleMeetings({ slots, tables: 3, meetings, busy });
        for (const p of placed) {
          const s = slots[p.slot]!;
          expect(s.startsAt < busy[0]!.to && busy[0]!.from < s.endsAt).toBe(false);
        }
      }),
    );
  });
});
