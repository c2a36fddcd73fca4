// Reads the before/after of a score submission or revision in the audit log into the lines an
// organizer checks: which criterion changed from what to what.
import { z } from "zod";

const snapshot = z.object({
  scoreId: z.number(),
  judgeId: z.number(),
  roundId: z.number(),
  marks: z.record(z.string(), z.string()),
  comment: z.string().nullable(),
  revision: z.number().optional(),
});
export type ScoreSnapshot = z.infer<typeof snapshot>;

export function readScoreSnapshot(json: string | null): ScoreSnapshot | null {
  if (!json) return null;
  try {
    const parsed = snapshot.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type MarkChange = { criterionId: number; before: string | null; after: string | null; changed: boolean };

/** One line per criterion named in either snapshot, in the rubric's order. */
export function markChanges(
  before: ScoreSnapshot | null,
  after: ScoreSnapshot | null,
  criterionOrder: readonly number[],
): MarkChange[] {
  const ids = new Set([...Object.keys(before?.marks ?? {}), ...Object.keys(after?.marks ?? {})].map(Number));
  const rank = (id: number) => {
    const i = criterionOrder.indexOf(id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return [...ids]
    .sort((a, b) => rank(a) - rank(b) || a - b)
    .map((id) => {
      const b = before?.marks[String(id)] ?? null;
      const a = after?.marks[String(id)] ?? null;
      return { criterionId: id, before: b, after: a, changed: before !== null && b !== a };
    });
}
