// Public on purpose: these are the demo's sign-ins, printed by the start command.
export const DEMO_ACCOUNTS = [
  { role: "organizer", email: "organizer@frontier.demo", password: "frontier-organizer" },
  { role: "judge", email: "judge@frontier.demo", password: "frontier-judge" },
  { role: "entrant", email: "entrant@frontier.demo", password: "frontier-entrant" },
  { role: "partner", email: "investor@frontier.demo", password: "frontier-investor" },
  { role: "partner", email: "park@frontier.demo", password: "frontier-park" },
  { role: "partner", email: "corporate@frontier.demo", password: "frontier-corporate" },
] as const;
