import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agendaIcs, escapeText, foldLine } from "../../app/domain/agenda-ics";

const unfold = (ics: string) => ics.replace(/\r\n /g, "");
const octets = (line: string) => new TextEncoder().encode(line).length;

const meeting = {
  uid: "meeting-812@frontier.example",
  sequence: 0,
  startsAt: Date.UTC(2027, 4, 20, 1, 0),
  endsAt: Date.UTC(2027, 4, 20, 1, 20),
  summary: "面向电网调峰的规模化绿氢电解槽系统 × Zhongguancun Capital, seed round; table 12",
  location: "Hall B, table 12",
};

describe("the agenda as a calendar file", () => {
  it("gives each meeting its UTC start and end, its stable UID and its sequence, with CRLF line ends", () => {
    const ics = agendaIcs({ name: "ZGC 2027 meetings", stampedAt: Date.UTC(2027, 4, 1), events: [meeting] });
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.split("\r\n").every((l) => !l.includes("\n"))).toBe(true);
    const text = unfold(ics);
    expect(text).toContain("DTSTART:20270520T010000Z\r\n");
    expect(text).toContain("DTEND:20270520T012000Z\r\n");
    expect(text).toContain("UID:meeting-812@frontier.example\r\n");
    expect(text).toContain("SEQUENCE:0\r\n");
    expect(text).toContain("STATUS:CONFIRMED\r\n");
    // The comma and semicolon of the title are escaped, and it comes back whole once unfolded.
    expect(text).toContain(
      "SUMMARY:面向电网调峰的规模化绿氢电解槽系统 × Zhongguancun Capital\\, seed round\\; table 12\r\n",
    );
  });

  it("updates a moved meeting in the reader's calendar: same UID, higher sequence; a cancelled one is struck", () => {
    const moved = agendaIcs({
      name: "ZGC",
      stampedAt: 0,
      events: [
        {
          ...meeting,
          sequence: 2,
          startsAt: meeting.startsAt + 3_600_000,
          endsAt: meeting.endsAt + 3_600_000,
          cancelled: true,
        },
      ],
    });
    expect(unfold(moved)).toContain("UID:meeting-812@frontier.example\r\nSEQUENCE:2\r\n");
    expect(moved).toContain("DTSTART:20270520T020000Z");
    expect(moved).toContain("STATUS:CANCELLED");
  });

  it("folds every line to 75 octets without splitting a character, and unfolds to the same text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const line = `SUMMARY:${escapeText(text)}`;
        const folded = foldLine(line);
        for (const part of folded.split("\r\n")) expect(octets(part)).toBeLessThanOrEqual(75);
        expect(unfold(folded)).toBe(line);
      }),
    );
  });

  it("escapes backslashes and line breaks so a description cannot start a property of its own", () => {
    expect(escapeText("a\\b\nEND:VEVENT")).toBe("a\\\\b\\nEND:VEVENT");
  });
});
