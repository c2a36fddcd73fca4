// Which of a judge's entries in a round their list shows: what is still to do, drafts, submitted, or all.

/** The list's filters; "todo" is every entry not submitted yet (drafts included): what is left to do. */
export const SHEET_FILTERS = ["todo", "draft", "submitted", "all"] as const;
export type SheetFilter = (typeof SHEET_FILTERS)[number];

/** The state of the judge's own sheet for an entry: none started, a draft, or submitted. */
export type SheetState = "draft" | "submitted" | null;

/** The filter a list address asks for (`?show=todo`); anything else shows all. */
export function readSheetFilter(value: string | null | undefined): SheetFilter {
  return (SHEET_FILTERS as readonly string[]).includes(value ?? "") ? (value as SheetFilter) : "all";
}

export function inFilter(state: SheetState, filter: SheetFilter): boolean {
  if (filter === "all") return true;
  if (filter === "todo") return state !== "submitted";
  return state === filter;
}

/** How many entries each filter shows, so each choice says what it holds before it is taken. */
export function filterCounts(states: readonly SheetState[]): Record<SheetFilter, number> {
  const counts = { todo: 0, draft: 0, submitted: 0, all: states.length };
  for (const s of states) {
    if (s !== "submitted") counts.todo++;
    if (s === "draft") counts.draft++;
    if (s === "submitted") counts.submitted++;
  }
  return counts;
}

/**
 * The entry "submit and next" goes to: the first one after `currentId` in the list's order that
 * still needs a submission and can be scored, wrapping round to those skipped earlier; null when
 * none is left.
 */
export function nextToScore<T extends { id: number; state: SheetState; scorable: boolean }>(
  ordered: readonly T[],
  currentId: number,
): T | null {
  const at = ordered.findIndex((e) => e.id === currentId);
  const rotated = at < 0 ? ordered : [...ordered.slice(at + 1), ...ordered.slice(0, at)];
  return rotated.find((e) => e.id !== currentId && e.state !== "submitted" && e.scorable) ?? null;
}
