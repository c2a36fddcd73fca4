// English messages of the follow-on services' matching (app/domain/partner-matching.ts). Merged
// into `en` as `matching` (see en.ts).
export const enMatching = {
  refusal: {
    partnerCapReached: "You have sent as many meeting requests as you may ({{cap}}): withdraw one to send another",
    entryCapReached: "This entry already has as many requests from partners of your kind as it may receive ({{cap}})",
    alreadyRequested: "A request between you and this entry is already open",
    noConsent: "This entry has not agreed to be shown to partners",
    notAParty: "This request is not yours",
    notTheReceiver: "Only the side that received the request can accept or decline it",
    notTheSender: "Only the side that sent the request can withdraw it",
    requestWithdrawn: "This request was withdrawn",
    requestDeclined: "This request was declined",
    requestAccepted: "This request was already accepted: the meeting stands",
  },
};
