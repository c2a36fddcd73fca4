// The follow-on matching use cases as one service (`context.services.matching`): an entry's needs
// and consent, the ranked lists both ways, a partner's shortlist and the entry's deck, and meeting
// requests (each sent or answered one mails the other side through the outbox). Each function checks
// who is asking itself (access.server.ts).
import type { Db } from "../../../db/client";
import type { NeedsForm } from "../../domain/needs-form";
import type { PartnerKind, RequestAction } from "../../domain/partner-vocabulary";
import type { SessionUser } from "../auth/deps.server";
import { createFileStore } from "../files/index.server";
import {
  entriesForPartner,
  partnerDeck,
  partnerEntry,
  partnersForEntry,
  setShortlisted,
  type PartnerListFilters,
} from "./matching.server";
import { inFollowOn, needsPage, saveNeeds } from "./needs.server";
import {
  actOnRequest,
  allRequests,
  requestFromEntry,
  requestFromPartner,
  requestsOfEntry,
  requestsOfPartner,
  type RequestAsker,
} from "./requests.server";

export type MatchingOptions = {
  clock: () => Date;
  dataDir: string | undefined;
  /** Where the links of request mail point (PUBLIC_URL); the local default without one. */
  publicOrigin?: () => string;
  /** Told after a request's mail is committed, so the outbox worker sends it soon. */
  onMessageQueued?: () => void;
};

export function createMatchingService(db: Db, options: MatchingOptions) {
  const { clock } = options;
  const store = createFileStore(options.dataDir);
  const mail = { publicOrigin: options.publicOrigin ?? (() => "http://localhost:3000") };
  // Every request sent or answered queues mail in its transaction: nudge the worker once it committed.
  const nudged = async <T extends { ok: boolean }>(outcome: Promise<T>): Promise<T> => {
    const out = await outcome;
    if (out.ok) options.onMessageQueued?.();
    return out;
  };
  return {
    needsPage: (user: SessionUser, entryId: number) => needsPage(db, user, entryId),
    inFollowOn: (user: SessionUser, entryId: number) => inFollowOn(db, user, entryId),
    saveNeeds: (user: SessionUser, entryId: number, form: NeedsForm) => saveNeeds(db, clock, user, entryId, form),
    partnersForEntry: (user: SessionUser, entryId: number, kind?: PartnerKind) =>
      partnersForEntry(db, user, entryId, kind),
    entriesForPartner: (user: SessionUser, filters: PartnerListFilters) => entriesForPartner(db, user, filters),
    partnerEntry: (user: SessionUser, code: string) => partnerEntry(db, user, code),
    setShortlisted: (user: SessionUser, entryId: number, on: boolean) => setShortlisted(db, user, entryId, on),
    /** The deck's bytes for a partner that may see the entry, each access logged; null (404) otherwise. */
    partnerDeck: (user: SessionUser, code: string) => partnerDeck(db, store, user, code),
    requestFromPartner: (user: SessionUser, entryId: number, message?: string) =>
      nudged(requestFromPartner(db, mail, user, entryId, message)),
    requestFromEntry: (user: SessionUser, entryId: number, partnerId: number, message?: string) =>
      nudged(requestFromEntry(db, mail, user, entryId, partnerId, message)),
    actOnRequest: (user: SessionUser, asker: RequestAsker, requestId: number, action: RequestAction) =>
      nudged(actOnRequest(db, clock, mail, user, asker, requestId, action)),
    requestsOfPartner: (user: SessionUser) => requestsOfPartner(db, user),
    requestsOfEntry: (user: SessionUser, entryId: number) => requestsOfEntry(db, user, entryId),
    /** Every request of an edition: organizers only (the schedule and the outcomes build on it). */
    allRequests: (user: SessionUser, competitionId: number) => allRequests(db, user, competitionId),
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
