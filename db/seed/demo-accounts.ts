// Public on purpose: these are the demo's sign-ins, printed by the start command.
export const DEMO_ACCOUNTS = [
  { role: "organizer", email: "organizer@frontier.demo", password: "frontier-organizer" },
  { role: "judge", email: "judge@frontier.demo", password: "frontier-judge" },
  { role: "entrant", email: "entrant@frontier.demo", password: "frontier-entrant" },
] as const;
