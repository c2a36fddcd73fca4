// The follow-on matching use cases as one service (`context.services.matching`): an entry's needs
// and consent, the ranked lists both ways, a partner's shortlist and the entry's deck, and meeting
// requests. Each function checks who is asking itself (access.server.ts).
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

export function createMatchingService(db: Db, options: { clock: () => Date; dataDir: string | undefined }) {
  const { clock } = options;
  const store = createFileStore(options.dataDir);
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
      requestFromPartner(db, user, entryId, message),
    requestFromEntry: (user: SessionUser, entryId: number, partnerId: number, message?: string) =>
      requestFromEntry(db, user, entryId, partnerId, message),
    actOnRequest: (user: SessionUser, asker: RequestAsker, requestId: number, action: RequestAction) =>
      actOnRequest(db, clock, user, asker, requestId, action),
    requestsOfPartner: (user: SessionUser) => requestsOfPartner(db, user),
    requestsOfEntry: (user: SessionUser, entryId: number) => requestsOfEntry(db, user, entryId),
    /** Every request of an edition: organizers only (the schedule and the outcomes build on it). */
    allRequests: (user: SessionUser, competitionId: number) => allRequests(db, user, competitionId),
  };
}

export type MatchingService = ReturnType<typeof createMatchingService>;
