import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEAL_KINDS,
  OUTCOME_KINDS,
  meetingResult,
  outcomeDashboard,
  outcomeFormSchema,
  type MeetingRecord,
} from "../../app/domain/meeting-outcomes";

const errorsOf = (form: Record<string, string>) => {
  const parsed = outcomeFormSchema.safeParse(form);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("recording what came of a meeting", () => {
  it("accepts an investment with its amount in 万元", () => {
    expect(outcomeFormSchema.parse({ meetingId: "4", held: "yes", kind: "investment", amountWan: "500" })).toEqual({
      meetingId: 4,
      held: true,
      kind: "investment",
      amountWan: 500,
    });
  });

  it("asks for the amount of an investment at the amount, and refuses one for a follow-up", () => {
    expect(errorsOf({ meetingId: "4", held: "yes", kind: "investment", amountWan: "" })).toEqual({
      amountWan: "outcome.amountRequired",
    });
    expect(errorsOf({ meetingId: "4", held: "yes", kind: "followUp", amountWan: "20" })).toEqual({
      amountWan: "outcome.amountNotForKind",
    });
    expect(errorsOf({ meetingId: "4", held: "yes", kind: "investment", amountWan: "12.5" })).toEqual({
      amountWan: "outcome.amountWhole",
    });
    expect(errorsOf({ meetingId: "4", held: "yes", kind: "investment", amountWan: "lots" })).toEqual({
      amountWan: "outcome.amountNotNumber",
    });
  });

  it("refuses a deal from a meeting that did not take place, at the outcome", () => {
    expect(errorsOf({ meetingId: "4", held: "no", kind: "pilotContract" })).toEqual({ kind: "outcome.notHeldNoDeal" });
    expect(errorsOf({ meetingId: "4", held: "no", kind: "noFollowUp" })).toEqual({});
  });
});

describe("the organizers' outcome dashboard", () => {
  it("counts a meeting's deal once when both sides record it, the furthest and the larger amount", () => {
    const record: MeetingRecord = {
      meetingId: 1,
      track: "QI",
      group: "EU",
      country: "DE",
      outcomes: [
        { held: true, kind: "termSheet", amountWan: 800 },
        { held: true, kind: "investment", amountWan: 600 },
      ],
    };
    expect(meetingResult(record)).toEqual({ held: true, deal: "investment", amountWan: 600 });
    const both = {
      ...record,
      outcomes: [...record.outcomes, { held: true, kind: "investment" as const, amountWan: 650 }],
    };
    expect(meetingResult(both).amountWan).toBe(650);
  });

  it("totals meetings held, deals and amounts by track, group and country, and the totals agree", () => {
    const kind = fc.constantFrom(...OUTCOME_KINDS);
    const record = fc.record({
      meetingId: fc.nat(),
      track: fc.constantFrom("QI", "PC", "6G"),
      group: fc.constantFrom("BJ", "EU", "NA"),
      country: fc.constantFrom("CN", "DE", "US", "SG"),
      outcomes: fc.array(
        fc.record({
          held: fc.boolean(),
          kind,
          amountWan: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
        }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(fc.array(record, { maxLength: 60 }), (records) => {
        const d = outcomeDashboard(records);
        expect(d.total.meetings).toBe(records.length);
        for (const by of [d.byTrack, d.byGroup, d.byCountry]) {
          const sum = [...by.values()].reduce(
            (a, t) => ({
              meetings: a.meetings + t.meetings,
              held: a.held + t.held,
              deals: a.deals + t.deals,
              amountWan: a.amountWan + t.amountWan,
            }),
            { meetings: 0, held: 0, deals: 0, amountWan: 0 },
          );
          expect(sum).toEqual(d.total);
        }
        expect([...d.byKind.values()].reduce((a, n) => a + n, 0)).toBe(d.total.deals);
        expect(d.total.deals).toBeLessThanOrEqual(d.total.held);
        for (const k of d.byKind.keys()) expect(DEAL_KINDS.has(k)).toBe(true);
      }),
    );
  });
});
