// English words of the partner area (app/routes/partner.tsx and partner.profile.tsx): its
// navigation, and the partner's own profile form. Merged into `en` as `partnerArea` (see en.ts).
export const enPartnerArea = {
  nav: {
    label: "Partner pages",
    entries: "Entries",
    requests: "Requests",
    meetings: "Meetings",
    agenda: "Agenda",
    profile: "Profile",
  },
  actingFor: "Signed in for {{name}}",
  profile: {
    title: "Profile of {{name}}",
    intro:
      "What entrants and the matching read about your organization. Fill it in Chinese, English or both; each entrant reads it in their language.",
    kind: "Kind of partner: {{kind}}",
    kindFixed: "The kind is set by the organizers; ask them if it is wrong.",
    saved: "Profile saved.",
    save: "Save profile",
  },
};
