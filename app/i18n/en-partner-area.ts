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
    about: "About the organization",
    offer: "What you offer",
    field: {
      nameZh: "Name in Chinese",
      nameEn: "Name in English",
      aboutZh: "About (Chinese)",
      aboutEn: "About (English)",
      website: "Website",
      country: "Country or region",
      city: "City",
      district: "District",
      tracks: "Tracks",
      regions: "Regions you work in",
      stages: "Stages you invest at",
      ticketMinWan: "Smallest ticket (万元, CNY ten-thousands)",
      ticketMaxWan: "Largest ticket (万元, CNY ten-thousands)",
      areaM2: "Space offered (m²)",
      support: "Support offered",
      customerKinds: "What you buy or pilot: customer kinds",
    },
  },
};
