// English messages of a follow-on meeting's recorded outcome (app/domain/meeting-outcomes.ts).
// Merged into `en` as `outcome` (see en.ts).
export const enOutcome = {
  heldRequired: "Say whether the meeting took place",
  kindRequired: "Choose what came of the meeting",
  notHeldNoDeal: "A meeting that did not take place cannot have led to a deal",
  amountNotNumber: "Write the amount as a number of 万元 (ten thousand yuan)",
  amountWhole: "Write the amount in whole 万元",
  amountPositive: "The amount must be at least 1 万元",
  amountTooLarge: "The amount is larger than any single deal could be",
  amountRequired: "An investment needs its amount",
  amountNotForKind: "This outcome has no amount: leave it empty",
  noteTooLong: "Keep the note to 2,000 characters",
  kind: {
    noFollowUp: "Nothing further",
    followUp: "A follow-up",
    termSheet: "A term sheet",
    investment: "An investment",
    parkMoveIn: "Moving into the park",
    pilotContract: "A pilot contract",
  },
};
