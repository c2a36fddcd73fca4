// English messages the follow-on services share (access refusals, the area's name). Each area of
// follow-on keeps its own words in its own file: en-partners.ts, en-needs.ts, en-matching.ts,
// en-meetings.ts, en-outcome.ts. Merged into `en` as `followOn` (see en.ts).
export const enFollowOn = {
  area: "Follow-on services",
  partnerOnly: "Only the people of a partner of this edition can open this page.",
  /** The organizers' links to the follow-on pages, in the admin bar. */
  adminNav: { label: "Organizer pages", partners: "Partners", meetings: "Follow-on meetings" },
  entryNotFound: "There is no such entry in follow-on, or its team has not agreed to show it.",
};
