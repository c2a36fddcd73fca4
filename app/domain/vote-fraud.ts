// The fraud panel's flags over an audience vote: pure, from the votes alone. A flag marks votes
// for an organizer to judge afterwards (a whole hall behind one address is normal); nothing here
// blocks or discounts a vote by itself.

/** Votes from one network range within BURST_WINDOW_MS that make a burst. */
export const BURST_VOTES = 25;
export const BURST_WINDOW_MS = 60_000;
/** Devices voting from one address that are worth a look (a venue's NAT will reach it too). */
export const DEVICES_PER_ADDRESS = 40;
/** A vote this soon after its device first loaded the page is faster than a person reads and taps. */
export const FASTEST_HUMAN_MS = 1_500;

export type VoteSample = {
  id: number;
  address: string;
  network: string;
  /** Epoch ms the vote was cast. */
  createdAt: number;
  /** Epoch ms the device first loaded the page; null when unknown. */
  deviceSeenAt: number | null;
};

export type VoteFlag =
  | { kind: "burst"; key: string; network: string; from: number; to: number; voteIds: number[] }
  | { kind: "sharedAddress"; key: string; address: string; voteIds: number[] }
  | { kind: "fast"; key: string; voteIds: number[] };

const byTime = (a: VoteSample, b: VoteSample) => a.createdAt - b.createdAt || a.id - b.id;

function groupBy<K>(votes: readonly VoteSample[], key: (v: VoteSample) => K): Map<K, VoteSample[]> {
  const groups = new Map<K, VoteSample[]>();
  for (const v of votes) groups.set(key(v), [...(groups.get(key(v)) ?? []), v]);
  return groups;
}

/** The runs of one network's votes (in time order) that lie in some window of BURST_VOTES within BURST_WINDOW_MS. */
function burstsOf(network: string, votes: VoteSample[]): VoteFlag[] {
  const sorted = [...votes].sort(byTime);
  const marked = new Array<boolean>(sorted.length).fill(false);
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]!.createdAt - sorted[start]!.createdAt > BURST_WINDOW_MS) start++;
    if (end - start + 1 >= BURST_VOTES) marked.fill(true, start, end + 1);
  }
  const flags: VoteFlag[] = [];
  let run: VoteSample[] = [];
  const close = () => {
    if (run.length) {
      const first = run[0]!;
      const last = run[run.length - 1]!;
      const voteIds = run.map((v) => v.id);
      flags.push({
        kind: "burst",
        key: `burst:${network}:${first.id}`,
        network,
        from: first.createdAt,
        to: last.createdAt,
        voteIds,
      });
    }
    run = [];
  };
  sorted.forEach((v, i) => {
    // Two bursts with nothing between them but more than a window apart are two flags.
    const last = run[run.length - 1];
    if (!marked[i] || (last && v.createdAt - last.createdAt > BURST_WINDOW_MS)) close();
    if (marked[i]) run.push(v);
  });
  close();
  return flags;
}

/** Every flag over the votes, the largest first; a vote may carry several. */
export function voteFlags(votes: readonly VoteSample[]): VoteFlag[] {
  const flags: VoteFlag[] = [];
  for (const [network, group] of groupBy(votes, (v) => v.network)) flags.push(...burstsOf(network, group));
  for (const [address, group] of groupBy(votes, (v) => v.address)) {
    if (group.length >= DEVICES_PER_ADDRESS)
      flags.push({
        kind: "sharedAddress",
        key: `address:${address}`,
        address,
        voteIds: group.sort(byTime).map((v) => v.id),
      });
  }
  const fast = votes.filter((v) => v.deviceSeenAt !== null && v.createdAt - v.deviceSeenAt < FASTEST_HUMAN_MS);
  if (fast.length) flags.push({ kind: "fast", key: "fast", voteIds: [...fast].sort(byTime).map((v) => v.id) });
  return flags.sort((a, b) => b.voteIds.length - a.voteIds.length || a.key.localeCompare(b.key));
}
