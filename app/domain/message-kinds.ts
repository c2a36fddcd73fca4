// Every kind of message the outbox holds, once: the outbox's filter and the tests name them. They
// read like message keys (`judge.invitation`) but are not: the key check skips them as it skips audit actions.
export const MESSAGE_KINDS = [
  "judge.invitation",
  "judge.reminder",
  "entry.receipt",
  "round.outcome",
  "password.reset",
  "meeting_request.received",
  "meeting_request.answered",
  "meeting.agenda",
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];
