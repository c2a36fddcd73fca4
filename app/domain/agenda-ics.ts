// A person's meeting agenda as an iCalendar file (RFC 5545), for the follow-on services' schedule:
// one VEVENT per meeting with a UID that stays the same when the meeting moves, and a SEQUENCE that
// rises with each change, so a calendar that imported the file updates the event instead of adding
// a second one. Written here rather than with the `ics` package, which brings a second schema
// library (yup) for what is some forty lines of escaping and folding.

export type AgendaEvent = {
  /** Stable across changes: e.g. "meeting-812@frontier.example". */
  uid: string;
  /** How many times this meeting changed (0 when first scheduled). */
  sequence: number;
  startsAt: number;
  endsAt: number;
  summary: string;
  location?: string;
  description?: string;
  /** Set when the meeting was cancelled: calendars then strike it out. */
  cancelled?: boolean;
};

export type Agenda = {
  /** The calendar's name in the reader's calendar app. */
  name: string;
  /** When this file was made (DTSTAMP), epoch ms: passed in, this module reads no clock. */
  stampedAt: number;
  events: readonly AgendaEvent[];
};

/** 20270520T010000Z: UTC, so every calendar shows the meeting in its own time zone. */
const utc = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

/**
 * Lines longer than 75 octets are folded: CRLF and a space, never inside a UTF-8 character (a
 * Chinese title is three octets a character).
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines start with a space, so they hold 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function agendaIcs(agenda: Agenda): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Frontier//Follow-on services//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(agenda.name)}`,
  ];
  for (const e of [...agenda.events].sort((a, b) => a.startsAt - b.startsAt || a.uid.localeCompare(b.uid))) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `SEQUENCE:${e.sequence}`,
      `DTSTAMP:${utc(agenda.stampedAt)}`,
      `DTSTART:${utc(e.startsAt)}`,
      `DTEND:${utc(e.endsAt)}`,
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    lines.push(`STATUS:${e.cancelled ? "CANCELLED" : "CONFIRMED"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
