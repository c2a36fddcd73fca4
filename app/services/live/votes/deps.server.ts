// What the audience vote's use cases share: the database, the device cookie, the clock, the
// publisher (the control room's live count), the competitions, and the per-address limit.
import type { RateLimiterAbstract } from "rate-limiter-flexible";
import { memoryLimiters, type Limiters } from "../../limiter-store.server";
import type { Db } from "../../../../db/client";
import type { Competition } from "../../../../db/schema";
import { upgradeControl, type ControlState } from "../../../domain/live-final";
import type { LivePublisher } from "../../../live/publisher.server";
import { liveStateOf } from "../../queries/live-state.server";
import type { DeviceCookies } from "./device.server";

/**
 * Votes one address may send a minute. High on purpose: a hall of phones behind one venue NAT is
 * normal, so this only stops a script hammering the form; fraud is judged afterwards on the panel.
 */
export const VOTES_PER_ADDRESS_PER_MINUTE = 600;
/** The control room's count is refreshed at most this often while votes pour in. */
const REFRESH_MS = 500;

export type VoteDeps = {
  db: Db;
  devices: DeviceCookies;
  clock: () => Date;
  competitionBySlug: (slug: string) => Promise<Pick<Competition, "id" | "slug"> | undefined>;
  limiter: RateLimiterAbstract;
  /** Tells the control room the count moved, at most once per REFRESH_MS per competition. */
  countMoved(slug: string): void;
};

export function createVoteDeps(
  options: Omit<VoteDeps, "limiter" | "countMoved"> & { publisher: LivePublisher; limiters?: Limiters },
): VoteDeps {
  const pending = new Set<string>();
  const { publisher, limiters = memoryLimiters, ...rest } = options;
  return {
    ...rest,
    limiter: limiters({ keyPrefix: "live-vote", points: VOTES_PER_ADDRESS_PER_MINUTE, duration: 60 }),
    countMoved(slug) {
      if (pending.has(slug)) return;
      pending.add(slug);
      // A broadcast without updates sends the audience nothing; it only refreshes open control rooms.
      setTimeout(() => {
        pending.delete(slug);
        publisher.publish({ slug, updates: [] });
      }, REFRESH_MS).unref();
    },
  };
}

/** The competition's live final as the vote needs it: its round and control state; null before it starts. */
export async function finalOf(deps: VoteDeps, slug: string) {
  const competition = await deps.competitionBySlug(slug);
  if (!competition) return undefined;
  const row = await liveStateOf(deps.db, competition.id);
  if (!row) return null;
  const control: ControlState = upgradeControl(JSON.parse(row.control) as ControlState);
  return { competitionId: competition.id, slug: competition.slug, roundId: row.round_id, control };
}

export type Final = NonNullable<Awaited<ReturnType<typeof finalOf>>>;

/** The entries the audience may vote for: the pitch order without the hidden ones. */
export const finalistsOf = (control: ControlState) => control.order.filter((id) => !control.hidden.includes(id));
