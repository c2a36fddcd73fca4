// Casting an audience vote: one finalist, while voting is open, once per device per final. Every
// refusal changes nothing; the device's first visit is what "faster than a person taps" measures from.
import { RateLimiterRes } from "rate-limiter-flexible";
import { refuseLive, type LiveRefusal } from "../../../domain/live-refusals";
import { canonicalAddress, networkOf } from "../../../domain/vote-network";
import { deviceOf, issueDevice } from "./device.server";
import { finalistsOf, finalOf, type VoteDeps } from "./deps.server";
import { insertVote, voteOfDevice } from "./queries.server";

export type VoteRequest = {
  slug: string;
  entryId: number;
  cookieHeader: string | null;
  address: string;
  userAgent: string | null;
};

export type CastOutcome = { ok: true; entryId: number } | LiveRefusal;

/** What the live page needs about this phone: its vote, and a cookie to set on its first visit. */
export async function visit(deps: VoteDeps, slug: string, cookieHeader: string | null) {
  const known = await deviceOf(deps.devices, cookieHeader);
  const issued = known ? null : await issueDevice(deps.devices, deps.clock());
  const device = known ?? issued!.device;
  const final = await finalOf(deps, slug);
  const votedFor = final && known ? await voteOfDevice(deps.db, final.roundId, deps.devices.hash(device)) : null;
  return { votedFor, setCookie: issued?.setCookie ?? null };
}

async function withinLimit(deps: VoteDeps, address: string): Promise<boolean> {
  try {
    await deps.limiter.consume(address);
    return true;
  } catch (error) {
    if (error instanceof RateLimiterRes) return false;
    throw error;
  }
}

export async function castVote(deps: VoteDeps, request: VoteRequest): Promise<CastOutcome> {
  const address = canonicalAddress(request.address);
  if (!(await withinLimit(deps, address))) return refuseLive("rateLimited");
  const final = await finalOf(deps, request.slug);
  if (final === undefined) return refuseLive("unknownCompetition");
  if (final === null) return refuseLive("notStarted");
  const device = await deviceOf(deps.devices, request.cookieHeader);
  if (!device) return refuseLive("noDevice");
  if (final.control.voting !== "open") return refuseLive("votingClosed");
  if (!finalistsOf(final.control).includes(request.entryId)) return refuseLive("notAFinalist", { field: "entryId" });
  const written = await insertVote(deps.db, {
    competition_id: final.competitionId,
    round_id: final.roundId,
    entry_id: request.entryId,
    device_hash: deps.devices.hash(device),
    address,
    network: networkOf(address),
    user_agent: request.userAgent?.slice(0, 400) ?? null,
    device_seen_at: device.issuedAt,
    created_at: deps.clock().toISOString(),
  });
  if (!written) return refuseLive("alreadyVoted");
  deps.countMoved(final.slug);
  return { ok: true, entryId: request.entryId };
}
