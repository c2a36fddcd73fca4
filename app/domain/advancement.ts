// Who advances from a ranking unit: the top N by rank, optionally at most M per organization.

export type RankedEntry = { entryId: number; rank: number | null; organization: string };

const orgKey = (organization: string) => organization.trim().toLowerCase();

/**
 * Walks a unit in rank order. An entry advances while fewer than `count` have, or when it shares
 * the rank of the last one admitted (a tie at the cut-off is not broken by chance). With a cap, an
 * entry whose organization already has `perOrganization` advancing is passed over and the next
 * one takes the place. Unranked entries never advance.
 */
export function chooseAdvancing(
  unit: readonly RankedEntry[],
  count: number,
  perOrganization: number | null,
): Set<number> {
  const ranked = unit.filter((e) => e.rank !== null).sort((a, b) => a.rank! - b.rank! || a.entryId - b.entryId);
  const chosen = new Set<number>();
  const perOrg = new Map<string, number>();
  let lastRank: number | null = null;
  for (const e of ranked) {
    const full = chosen.size >= count;
    if (full && e.rank !== lastRank) break;
    const org = orgKey(e.organization);
    if (perOrganization !== null && (perOrg.get(org) ?? 0) >= perOrganization) continue;
    chosen.add(e.entryId);
    perOrg.set(org, (perOrg.get(org) ?? 0) + 1);
    lastRank = e.rank;
  }
  return chosen;
}

export type RankMove = { entryId: number; rankA: number | null; rankB: number | null; delta: number | null };

/** How each entry's rank differs between two rankings of the same unit (positive: moved up in B). */
export function compareRankings(
  a: readonly { entryId: number; rank: number | null }[],
  b: readonly { entryId: number; rank: number | null }[],
): RankMove[] {
  const rankB = new Map(b.map((r) => [r.entryId, r.rank]));
  return a.map((r) => {
    const other = rankB.get(r.entryId) ?? null;
    return {
      entryId: r.entryId,
      rankA: r.rank,
      rankB: other,
      delta: r.rank !== null && other !== null ? r.rank - other : null,
    };
  });
}
