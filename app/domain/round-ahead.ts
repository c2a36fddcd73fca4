// Which round an entrant waits for next: the first not yet published (in a fresh edition, simply the
// first). The confirmation page and the receipt both name it, so they never disagree.
export function roundAhead<R extends { position: number; status: string }>(rounds: readonly R[]): R | null {
  const ordered = [...rounds].sort((a, b) => a.position - b.position);
  return ordered.find((r) => r.status !== "published") ?? ordered[0] ?? null;
}
