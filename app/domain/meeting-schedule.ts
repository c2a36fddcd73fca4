// The follow-on services' meeting schedule: accepted meetings (a partner's people and an entry's
// people) placed into the forum's slots and tables so that nobody is in two places at once and
// nobody meets while they are busy (their own pitch in the live final, or any time they blocked).
// What cannot be placed is listed with the reason. Pure: no I/O, no clock; the same input always
// gives the same schedule.

/** One slot of the forum's grid, in epoch milliseconds, [startsAt, endsAt). */
export type Slot = { startsAt: number; endsAt: number };

export type Meeting = {
  id: number;
  /** Everyone who must attend: e.g. "person:12" for each of the partner's and the entry's people. */
  participants: readonly string[];
};

/** A time a participant cannot meet, [from, to) in epoch ms. */
export type Busy = { participant: string; from: number; to: number };

export type ScheduleInput = {
  slots: readonly Slot[];
  /** Tables in the meeting hall: at most this many meetings share a slot. */
  tables: number;
  meetings: readonly Meeting[];
  busy?: readonly Busy[];
  /**
   * An earlier run's placements. Each that is still valid (its meeting is still asked for, its slot
   * still open to its people, its table still in the hall and not taken by another kept one) stays
   * exactly where it was, and no repair moves it: a re-run after new acceptances moves nobody who
   * need not move.
   */
  keep?: readonly Placement[];
};

export type Placement = { meetingId: number; slot: number; table: number };

/**
 * Why a meeting found no place: its people have no slot in common (they are busy, e.g. pitching,
 * whenever the others could), every common slot already holds another meeting of one of them, or
 * every such slot's tables are taken.
 */
export type UnplacedReason = "noCommonTime" | "participantsBooked" | "tablesFull";
export type Unplaced = { meetingId: number; reason: UnplacedReason };

export type Schedule = { placed: Placement[]; unplaced: Unplaced[] };

/** Slot indices each participant is busy in (a busy time overlapping a slot at all blocks it). */
function blockedSlots(slots: readonly Slot[], busy: readonly Busy[]): Map<string, Set<number>> {
  const blocked = new Map<string, Set<number>>();
  for (const b of busy) {
    const set = blocked.get(b.participant) ?? new Set<number>();
    slots.forEach((s, i) => {
      if (s.startsAt < b.to && b.from < s.endsAt) set.add(i);
    });
    blocked.set(b.participant, set);
  }
  return blocked;
}

/** The slots where none of a meeting's people is busy, ignoring other meetings. */
function openSlots(meeting: Meeting, slotCount: number, blocked: Map<string, Set<number>>): number[] {
  const open: number[] = [];
  for (let s = 0; s < slotCount; s++) if (!meeting.participants.some((p) => blocked.get(p)?.has(s))) open.push(s);
  return open;
}

/** The schedule being built: who is booked when, and how many tables each slot has used. */
class Board {
  readonly bookedBy = new Map<string, Map<number, number>>(); // participant → slot → meeting id
  readonly used: Int32Array;
  readonly slotOf = new Map<number, number>();

  constructor(slotCount: number) {
    this.used = new Int32Array(slotCount);
  }

  freeFor(meeting: Meeting, slot: number): boolean {
    return meeting.participants.every((p) => !this.bookedBy.get(p)?.has(slot));
  }

  place(meeting: Meeting, slot: number) {
    for (const p of meeting.participants) {
      const booked = this.bookedBy.get(p) ?? new Map<number, number>();
      booked.set(slot, meeting.id);
      this.bookedBy.set(p, booked);
    }
    this.used[slot]! += 1;
    this.slotOf.set(meeting.id, slot);
  }

  remove(meeting: Meeting) {
    const slot = this.slotOf.get(meeting.id);
    if (slot === undefined) return;
    for (const p of meeting.participants) this.bookedBy.get(p)?.delete(slot);
    this.used[slot]! -= 1;
    this.slotOf.delete(meeting.id);
  }

  /** The meetings of this meeting's people already in the slot. */
  blockers(meeting: Meeting, slot: number): Set<number> {
    const ids = new Set<number>();
    for (const p of meeting.participants) {
      const id = this.bookedBy.get(p)?.get(slot);
      if (id !== undefined) ids.add(id);
    }
    return ids;
  }
}

/**
 * Fixes the earlier placements that still hold onto the board first, in meeting id order: each
 * one's table is remembered so no other meeting takes it.
 */
function placeKept(
  input: ScheduleInput,
  byId: ReadonlyMap<number, Meeting>,
  open: ReadonlyMap<number, number[]>,
  board: Board,
) {
  const tableLeft = (slot: number) => board.used[slot]! < input.tables;
  const keptTable = new Map<number, number>();
  const tablesTaken = new Map<number, Set<number>>(); // slot → tables of kept meetings
  for (const k of [...(input.keep ?? [])].sort((a, b) => a.meetingId - b.meetingId)) {
    const meeting = byId.get(k.meetingId);
    const taken = tablesTaken.get(k.slot) ?? new Set<number>();
    const valid =
      meeting !== undefined &&
      !keptTable.has(k.meetingId) &&
      open.get(k.meetingId)!.includes(k.slot) &&
      Number.isInteger(k.table) &&
      k.table >= 0 &&
      k.table < input.tables &&
      !taken.has(k.table) &&
      tableLeft(k.slot) &&
      board.freeFor(meeting, k.slot);
    if (!valid) continue;
    board.place(meeting, k.slot);
    keptTable.set(k.meetingId, k.table);
    tablesTaken.set(k.slot, taken.add(k.table));
  }

  return { keptTable, tablesTaken };
}

/**
 * Places every meeting it can. Meetings with the fewest open slots go first (they have the least
 * choice), each in its earliest slot with its people free and a table left. A meeting that then
 * finds no place tries one repair: a slot where a single meeting of its people stands in the way,
 * and that meeting can move to another slot of its own; the two trade. Tables are numbered per
 * slot at the end, in meeting id order, so a re-run with one meeting more moves few people; with
 * `keep`, the earlier run's placements that still hold are fixed first and nobody in them moves.
 */
export function scheduleMeetings(input: ScheduleInput): Schedule {
  const slotCount = input.slots.length;
  const blocked = blockedSlots(input.slots, input.busy ?? []);
  const unique = [
    ...new Map(input.meetings.map((m) => [m.id, { ...m, participants: [...new Set(m.participants)] }])).values(),
  ];
  const open = new Map(unique.map((m) => [m.id, openSlots(m, slotCount, blocked)]));
  const byId = new Map(unique.map((m) => [m.id, m]));
  const order = [...unique].sort((a, b) => open.get(a.id)!.length - open.get(b.id)!.length || a.id - b.id);
  const board = new Board(slotCount);
  const tableLeft = (slot: number) => board.used[slot]! < input.tables;
  const { keptTable, tablesTaken } = placeKept(input, byId, open, board);

  const tryPlace = (meeting: Meeting): boolean => {
    for (const slot of open.get(meeting.id)!)
      if (tableLeft(slot) && board.freeFor(meeting, slot)) {
        board.place(meeting, slot);
        return true;
      }
    return false;
  };

  /** One meeting in the way moves elsewhere, so this one takes its slot. */
  const tryRepair = (meeting: Meeting): boolean => {
    for (const slot of open.get(meeting.id)!) {
      const blockers = board.blockers(meeting, slot);
      if (blockers.size !== 1) continue;
      const other = byId.get([...blockers][0]!)!;
      if (keptTable.has(other.id)) continue; // a kept meeting stays where it was
      board.remove(other);
      // The slot the other meeting leaves frees its table too, so this one fits whenever its people do.
      if (tableLeft(slot) && board.freeFor(meeting, slot)) {
        board.place(meeting, slot);
        if (tryPlace(other)) return true;
        board.remove(meeting);
      }
      board.place(other, slot);
    }
    return false;
  };

  // A repair can free a slot for a meeting that failed earlier: go round again while that helps.
  let waiting = order.filter((m) => !keptTable.has(m.id) && !(tryPlace(m) || tryRepair(m)));
  for (let before = Infinity; waiting.length > 0 && waiting.length < before;) {
    before = waiting.length;
    waiting = waiting.filter((m) => !(tryPlace(m) || tryRepair(m)));
  }
  const unplaced = waiting.map((meeting): Unplaced => {
    const slots = open.get(meeting.id)!;
    const reason: UnplacedReason =
      slots.length === 0
        ? "noCommonTime"
        : slots.some((s) => board.freeFor(meeting, s))
          ? "tablesFull"
          : "participantsBooked";
    return { meetingId: meeting.id, reason };
  });

  // Kept meetings keep their tables; the others take each slot's lowest free tables in id order.
  const placed: Placement[] = [];
  const nextTable = new Int32Array(slotCount);
  for (const id of [...board.slotOf.keys()].sort((a, b) => a - b)) {
    const slot = board.slotOf.get(id)!;
    let table = keptTable.get(id);
    if (table === undefined) {
      const taken = tablesTaken.get(slot);
      while (taken?.has(nextTable[slot]!)) nextTable[slot]!++;
      table = nextTable[slot]!++;
    }
    placed.push({ meetingId: id, slot, table });
  }
  return { placed, unplaced: unplaced.sort((a, b) => a.meetingId - b.meetingId) };
}
