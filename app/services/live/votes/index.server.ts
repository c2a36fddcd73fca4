// The audience vote's service: casting a vote from a phone, and the organizer's fraud panel,
// bound to one database, the device cookie signed with the session secret, the clock and the publisher.
import type { Db } from "../../../../db/client";
import type { Competition } from "../../../../db/schema";
import type { LivePublisher } from "../../../live/publisher.server";
import type { SessionUser } from "../../auth.server";
import { castVote, visit, type VoteRequest } from "./cast.server";
import type { Limiters } from "../../limiter-store.server";
import { createVoteDeps } from "./deps.server";
import { createDeviceCookies } from "./device.server";
import { discountFlag, fraudPanel, restoreDiscount, type DiscountRequest, type RestoreRequest } from "./fraud.server";

export type { FraudPanel, PanelFlag, PanelVote } from "./fraud.server";

export function createVoteService(
  db: Db,
  options: {
    secret: string;
    secureCookies: boolean;
    clock: () => Date;
    publisher: LivePublisher;
    competitionBySlug: (slug: string) => Promise<Pick<Competition, "id" | "slug"> | undefined>;
    limiters?: Limiters;
  },
) {
  const deps = createVoteDeps({ db, devices: createDeviceCookies(options), ...options });
  return {
    /** This phone's vote, and the device cookie to set when it has none yet. */
    visit: (slug: string, cookieHeader: string | null) => visit(deps, slug, cookieHeader),
    cast: (request: VoteRequest) => castVote(deps, request),
    panel: (actor: SessionUser, slug: string) => fraudPanel(deps, actor, slug),
    discount: (actor: SessionUser, slug: string, request: DiscountRequest) => discountFlag(deps, actor, slug, request),
    restore: (actor: SessionUser, slug: string, request: RestoreRequest) => restoreDiscount(deps, actor, slug, request),
  };
}

export type VoteService = ReturnType<typeof createVoteService>;
