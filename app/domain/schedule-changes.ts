// What a scheduling run changes: which meetings keep their time and table, which move, which are new
// and which drop out, and each person's agenda as one canonical line, so that a change of it (and
// only a change) is mailed. Pure: the services hash the lines and read the rows.

/** One meeting's place as stored: its time and table, or none (unplaced). */
export type PlacementView = { requestId: number; startsAt: string | null; tableNo: number | null };

export type RunChanges = {
  /** Placed before and now at the same time and table. */
  kept: number;
  /** Placed before and now at another time or table, or no longer placed. */
  moved: number;
  /** Placed now and not before. */
  added: number;
  /** Placed before, and its meeting is no longer asked for (withdrawn since). */
  dropped: number;
};

const placedOnly = (rows: readonly PlacementView[]) =>
  new Map(rows.filter((r) => r.startsAt !== null).map((r) => [r.requestId, r]));

/** How `next` differs from `previous`, meeting by meeting. */
export function compareRuns(previous: readonly PlacementView[], next: readonly PlacementView[]): RunChanges {
  const before = placedOnly(previous);
  const asked = new Set(next.map((r) => r.requestId));
  const changes: RunChanges = { kept: 0, moved: 0, added: 0, dropped: 0 };
  for (const row of next) {
    const was = before.get(row.requestId);
    if (!was) {
      if (row.startsAt !== null) changes.added++;
    } else if (was.startsAt === row.startsAt && was.tableNo === row.tableNo) changes.kept++;
    else changes.moved++;
  }
  for (const id of before.keys()) if (!asked.has(id)) changes.dropped++;
  return changes;
}

/** Whether a meeting's time or table differs between two placements (the calendar's SEQUENCE rises). */
export function placeChanged(a: Omit<PlacementView, "requestId">, b: Omit<PlacementView, "requestId">): boolean {
  return a.startsAt !== b.startsAt || a.tableNo !== b.tableNo;
}

/**
 * Each person's agenda as one line: their placed meetings in request order with time and table.
 * People with no placed meeting have no line. `peopleOf` names who attends each meeting.
 */
export function agendaLines(
  placements: readonly PlacementView[],
  peopleOf: ReadonlyMap<number, readonly number[]>,
): Map<number, string> {
  const parts = new Map<number, string[]>();
  const sorted = placements.filter((p) => p.startsAt !== null).sort((a, b) => a.requestId - b.requestId);
  for (const p of sorted)
    for (const person of new Set(peopleOf.get(p.requestId) ?? [])) {
      const list = parts.get(person) ?? [];
      list.push(`${p.requestId}@${p.startsAt}#${p.tableNo}`);
      parts.set(person, list);
    }
  return new Map([...parts].map(([person, list]) => [person, list.join(";")]));
}

/** The people whose line differs between two sets of agendas (a missing line is an empty agenda). */
export function changedPeople(before: ReadonlyMap<number, string>, after: ReadonlyMap<number, string>): number[] {
  const people = new Set([...before.keys(), ...after.keys()]);
  return [...people].filter((p) => (before.get(p) ?? "") !== (after.get(p) ?? "")).sort((a, b) => a - b);
}
