// Automatic assignment of judges to entries for a round. Pure and deterministic for a seed.
//
// Every entry gets k judges; no judge gets an entry they conflict with; load is balanced so that
// judges' counts differ by at most one wherever the constraints allow; among judges who may still
// take work, experts in the entry's track come first. Entries are served most-constrained first
// (fewest eligible judges), so the scarce judges are not used up by entries with many options.
import { uniformInt } from "pure-rand/distribution/uniformInt";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";

export type AssignmentEntry = { id: string; trackId: string; organization: string; country: string };
export type AssignmentJudge = { id: string; trackIds: readonly string[]; affiliation: string; country: string };
export type Conflict = { judgeId: string; entryId?: string; organization?: string };
export type Pair = { judgeId: string; entryId: string };

export type AssignmentInput = {
  entries: readonly AssignmentEntry[];
  judges: readonly AssignmentJudge[];
  k: number;
  conflicts?: readonly Conflict[];
  /** Per round: no judge scores an entry from their own country. */
  avoidSameCountry?: boolean;
  /** Pairs that stay as they are (already scored, or kept by the organizer); they count as load. */
  existing?: readonly Pair[];
  seed: number;
  /** Called now and then with the share done (0..1), for a progress bar. */
  onProgress?: (done: number) => void;
};

export type ExclusionReason = "declared_entry" | "declared_organization" | "affiliation" | "same_country";
export type ShortEntry = {
  entryId: string;
  missing: number;
  reason: "not_enough_eligible_judges" | "no_judges";
  /** The k the round asks for, and how many the entry has now. */
  needed: number;
  assigned: number;
  /** How many judges of the pool are kept off the entry, by why (a judge counts once, for the first rule). */
  excluded: Partial<Record<ExclusionReason, number>>;
};
export type AssignmentResult = {
  /** The new pairs (the existing ones are not repeated). */
  assignments: Pair[];
  /** Entries that could not get k judges, and how many are missing. */
  unassigned: ShortEntry[];
  load: Map<string, number>;
};

const norm = (text: string) => text.trim().toLowerCase();

/** Why a judge may not score an entry, or null when they may. */
export function conflictReason(
  judge: AssignmentJudge,
  entry: AssignmentEntry,
  conflicts: { byEntry: Set<string>; byOrganization: Set<string> },
  avoidSameCountry: boolean,
): ExclusionReason | null {
  if (conflicts.byEntry.has(`${judge.id}\u0000${entry.id}`)) return "declared_entry";
  if (conflicts.byOrganization.has(`${judge.id}\u0000${norm(entry.organization)}`)) return "declared_organization";
  if (norm(judge.affiliation) === norm(entry.organization)) return "affiliation";
  if (avoidSameCountry && judge.country === entry.country) return "same_country";
  return null;
}

export function indexConflicts(conflicts: readonly Conflict[]) {
  const byEntry = new Set<string>();
  const byOrganization = new Set<string>();
  for (const c of conflicts) {
    if (c.entryId) byEntry.add(`${c.judgeId}\u0000${c.entryId}`);
    if (c.organization) byOrganization.add(`${c.judgeId}\u0000${norm(c.organization)}`);
  }
  return { byEntry, byOrganization };
}

/** Why an entry stays short of judges: how many of the pool each rule keeps off it. */
export function shortfall(
  entry: AssignmentEntry,
  judges: readonly AssignmentJudge[],
  rules: { conflicts: ReturnType<typeof indexConflicts>; avoidSameCountry: boolean },
  k: number,
  missing: number,
): ShortEntry {
  const excluded: Partial<Record<ExclusionReason, number>> = {};
  for (const j of judges) {
    const why = conflictReason(j, entry, rules.conflicts, rules.avoidSameCountry);
    if (why) excluded[why] = (excluded[why] ?? 0) + 1;
  }
  return {
    entryId: entry.id,
    missing,
    reason: judges.length === 0 ? "no_judges" : "not_enough_eligible_judges",
    needed: k,
    assigned: k - missing,
    excluded,
  };
}

export function assignJudges(input: AssignmentInput): AssignmentResult {
  const { entries, judges, k } = input;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number ≥ 1, got ${k}`);
  const rng = xoroshiro128plus(input.seed);
  const conflicts = indexConflicts(input.conflicts ?? []);
  const avoidSameCountry = input.avoidSameCountry ?? false;

  const load = new Map<string, number>(judges.map((j) => [j.id, 0]));
  const onEntry = new Map<string, Set<string>>(entries.map((e) => [e.id, new Set()]));
  for (const p of input.existing ?? []) {
    if (!onEntry.has(p.entryId)) continue;
    // A pair of a judge outside the pool (say, one who has not accepted yet) still fills a seat.
    onEntry.get(p.entryId)!.add(p.judgeId);
    if (load.has(p.judgeId)) load.set(p.judgeId, load.get(p.judgeId)! + 1);
  }

  // A random but fixed tie-break order per judge, so equal judges are not always taken by index.
  const tieOrder = new Map(judges.map((j) => [j.id, uniformInt(rng, 0, 1_000_000_000)]));
  const eligible = new Map(
    entries.map((e) => [e.id, judges.filter((j) => conflictReason(j, e, conflicts, avoidSameCountry) === null)]),
  );

  // The balance target: the total load spread as evenly as possible.
  const total =
    [...load.values()].reduce((a, b) => a + b, 0) +
    entries.reduce((sum, e) => sum + Math.max(0, k - onEntry.get(e.id)!.size), 0);
  const floor = Math.floor(total / Math.max(1, judges.length));
  let extraSlots = total - floor * judges.length; // judges that may carry floor + 1
  for (const l of load.values()) if (l > floor) extraSlots -= l - floor;

  const order = [...entries]
    .map((e) => ({ e, options: eligible.get(e.id)!.length, tie: uniformInt(rng, 0, 1_000_000_000) }))
    .sort((a, b) => a.options - b.options || a.tie - b.tie)
    .map((x) => x.e);

  const assignments: Pair[] = [];
  const unassigned: ShortEntry[] = [];
  order.forEach((entry, index) => {
    const chosen = onEntry.get(entry.id)!;
    let missing = k - chosen.size;
    if (missing > 0) {
      const candidates = eligible
        .get(entry.id)!
        .filter((j) => !chosen.has(j.id))
        .map((j) => ({ j, expert: j.trackIds.includes(entry.trackId) ? 0 : 1 }))
        // Least loaded first keeps the spread within one; expertise decides among equal loads.
        .sort(
          (a, b) =>
            load.get(a.j.id)! - load.get(b.j.id)! ||
            a.expert - b.expert ||
            tieOrder.get(a.j.id)! - tieOrder.get(b.j.id)!,
        );
      const take = (judgeId: string) => {
        chosen.add(judgeId);
        load.set(judgeId, load.get(judgeId)! + 1);
        assignments.push({ judgeId, entryId: entry.id });
        missing--;
      };
      // First within the balance (under the floor, or one above it while such slots remain)...
      for (const c of candidates) {
        if (missing === 0) break;
        const l = load.get(c.j.id)!;
        if (l < floor) take(c.j.id);
        else if (l === floor && extraSlots > 0) {
          extraSlots--;
          take(c.j.id);
        }
      }
      // ...then beyond it: an entry is never left short while someone may still score it.
      for (const c of candidates) {
        if (missing === 0) break;
        if (!chosen.has(c.j.id)) take(c.j.id);
      }
      if (missing > 0) unassigned.push(shortfall(entry, judges, { conflicts, avoidSameCountry }, k, missing));
    }
    if (input.onProgress && (index % 250 === 0 || index === order.length - 1))
      input.onProgress((index + 1) / order.length);
  });
  unassigned.sort((a, b) => (a.entryId < b.entryId ? -1 : 1));
  return { assignments, unassigned, load };
}
