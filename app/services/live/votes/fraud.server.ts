// The organizer's fraud panel: the count per finalist (counted and discounted), the flags the pure
// vote-fraud rules raise, and discounting a flag's votes (or counting a discounted batch again),
// each with its reason in the audit log. Organizers only, checked here and not just by the route.
import type { Voting } from "../../../domain/live-final";
import { refuseLive, type LiveRefusal } from "../../../domain/live-refusals";
import { voteFlags, type VoteFlag } from "../../../domain/vote-fraud";
import { recordAudit } from "../../audit.server";
import type { SessionUser } from "../../auth.server";
import { inTransaction } from "../../db-helpers.server";
import { finalistsOf, finalOf, type Final, type VoteDeps } from "./deps.server";
import { discountBatches, discountVotes, entryLabels, restoreBatch, votesOfRound } from "./queries.server";

type Row = Awaited<ReturnType<typeof votesOfRound>>[number];
export type PanelVote = {
  id: number;
  entryId: number;
  address: string;
  createdAt: string;
  gapMs: number | null;
  discounted: boolean;
};
/** A flag as the panel shows it (Omit distributed over the kinds, so each keeps its own fields). */
export type PanelFlag = (VoteFlag extends infer F ? (F extends VoteFlag ? Omit<F, "voteIds"> : never) : never) & {
  counted: number;
  discounted: number;
  votes: PanelVote[];
};
export type FraudPanel = {
  voting: Voting;
  entries: { id: number; code: string; title: { zh: string; en: string }; counted: number; discounted: number }[];
  totals: { counted: number; discounted: number };
  flags: PanelFlag[];
  batches: { at: string; reason: string; by: string | null; votes: number }[];
};
type Refused = LiveRefusal;

async function organizersFinal(deps: VoteDeps, actor: SessionUser, slug: string): Promise<Final | Refused> {
  if (!actor.roles.includes("organizer")) return refuseLive("forbidden");
  const final = await finalOf(deps, slug);
  if (final === undefined) return refuseLive("unknownCompetition");
  return final ?? refuseLive("notStarted");
}

const ms = (iso: string) => Date.parse(iso);
const panelVote = (v: Row): PanelVote => ({
  id: v.id,
  entryId: v.entry_id,
  address: v.address,
  createdAt: v.created_at,
  gapMs: v.device_seen_at === null ? null : ms(v.created_at) - ms(v.device_seen_at),
  discounted: v.discounted_at !== null,
});

function flagsOf(rows: readonly Row[]): PanelFlag[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const samples = rows.map((r) => ({
    id: r.id,
    address: r.address,
    network: r.network,
    createdAt: ms(r.created_at),
    deviceSeenAt: r.device_seen_at === null ? null : ms(r.device_seen_at),
  }));
  return voteFlags(samples).map(({ voteIds, ...flag }) => {
    const votes = voteIds.map((id) => panelVote(byId.get(id)!));
    const discounted = votes.filter((v) => v.discounted).length;
    return { ...flag, counted: votes.length - discounted, discounted, votes };
  });
}

/** The panel of the competition's audience vote. */
export async function fraudPanel(deps: VoteDeps, actor: SessionUser, slug: string): Promise<FraudPanel | Refused> {
  const final = await organizersFinal(deps, actor, slug);
  if ("ok" in final) return final;
  const rows = await votesOfRound(deps.db, final.roundId);
  const voted = new Set(rows.map((r) => r.entry_id));
  const ids = [...finalistsOf(final.control), ...[...voted].filter((id) => !finalistsOf(final.control).includes(id))];
  const labels = new Map((await entryLabels(deps.db, ids)).map((e) => [e.id, e]));
  const entries = ids.map((id) => {
    const mine = rows.filter((r) => r.entry_id === id);
    const discounted = mine.filter((r) => r.discounted_at !== null).length;
    const label = labels.get(id);
    const title = { zh: label?.title_zh ?? label?.title_en ?? "", en: label?.title_en ?? label?.title_zh ?? "" };
    return { id, code: label?.code ?? String(id), title, counted: mine.length - discounted, discounted };
  });
  entries.sort((a, b) => b.counted - a.counted || ids.indexOf(a.id) - ids.indexOf(b.id));
  const discounted = rows.filter((r) => r.discounted_at !== null).length;
  const batches = (await discountBatches(deps.db, final.roundId)).map((b) => ({
    at: b.discounted_at!,
    reason: b.discount_reason ?? "",
    by: b.display_name,
    votes: Number(b.votes),
  }));
  return {
    voting: final.control.voting,
    entries,
    totals: { counted: rows.length - discounted, discounted },
    flags: flagsOf(rows),
    batches,
  };
}

export type DiscountRequest = { flag: string; count: number; reason: string };
export type RestoreRequest = { batch: string; count: number; reason: string };
export type VoteChangeOutcome = { ok: true; votes: number } | Refused;

/** Discounts the counted votes of one flag; the organizer confirmed their number, so a changed flag is refused. */
export async function discountFlag(
  deps: VoteDeps,
  actor: SessionUser,
  slug: string,
  request: DiscountRequest,
): Promise<VoteChangeOutcome> {
  const final = await organizersFinal(deps, actor, slug);
  if ("ok" in final) return final;
  const reason = request.reason.trim();
  if (!reason) return refuseLive("reasonRequired", { field: "reason" });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const flag = flagsOf(await votesOfRound(trx, final.roundId)).find((f) => f.key === request.flag);
    const ids = flag?.votes.filter((v) => !v.discounted).map((v) => v.id) ?? [];
    if (!ids.length || ids.length !== request.count) return refuseLive("votesChanged");
    const at = deps.clock().toISOString();
    const votes = await discountVotes(trx, final.roundId, ids, { at, userId: actor.id, reason });
    await recordAudit(trx, {
      at,
      actor_user_id: actor.id,
      action: "live.vote_discounted",
      subject_type: "competition",
      subject_id: final.competitionId,
      after: JSON.stringify({ flag: request.flag, votes, voteIds: ids }),
      reason,
    });
    return { ok: true as const, votes };
  });
  if (outcome.ok) deps.countMoved(final.slug);
  return outcome;
}

/** Counts again the votes one discount took out. */
export async function restoreDiscount(
  deps: VoteDeps,
  actor: SessionUser,
  slug: string,
  request: RestoreRequest,
): Promise<VoteChangeOutcome> {
  const final = await organizersFinal(deps, actor, slug);
  if ("ok" in final) return final;
  const reason = request.reason.trim();
  if (!reason) return refuseLive("reasonRequired", { field: "reason" });
  const outcome = await inTransaction(deps.db, async (trx) => {
    const batch = (await discountBatches(trx, final.roundId)).find((b) => b.discounted_at === request.batch);
    if (!batch || Number(batch.votes) !== request.count) return refuseLive("votesChanged");
    const votes = await restoreBatch(trx, final.roundId, request.batch);
    await recordAudit(trx, {
      at: deps.clock().toISOString(),
      actor_user_id: actor.id,
      action: "live.vote_restored",
      subject_type: "competition",
      subject_id: final.competitionId,
      after: JSON.stringify({ discountedAt: request.batch, votes }),
      reason,
    });
    return { ok: true as const, votes };
  });
  if (outcome.ok) deps.countMoved(final.slug);
  return outcome;
}
