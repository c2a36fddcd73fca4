// English messages of the entrant's path: confirmation after submitting, registering, ranks and group hints. Merged into `en` as `entrant` (see en.ts).
export const enEntrant = {
  title: "Your entry",
  submitted: {
    pageTitle: "Entry submitted",
    heading: "Your entry has been submitted",
    code: "Entry code",
    entryTitle: "Title",
    codeHint: "Quote this code whenever you write to the organizers.",
    next: "What happens next",
    editUntil: "You may still change your entry until {{date}}, when registration closes.",
    editClosed: "Registration has closed: your entry stays as you submitted it.",
    roundBoth: "{{round}}: judges score the entries from {{opens}} to {{closes}}.",
    roundOpens: "{{round}}: judges start scoring on {{opens}}.",
    roundCloses: "{{round}}: judges score the entries until {{closes}}.",
    roundUndated: "{{round}}: the organizers will announce its dates.",
    noRound: "The organizers will announce the rounds and their dates.",
    resultsAfter:
      "Results of the {{round}} are expected after {{closes}}: you will get an e-mail when they are published.",
    resultsPublished: "Results of the {{round}} were published on {{date}}.",
    resultsLater: "You will get an e-mail when results are published.",
    receipt: "We have sent a receipt to {{email}}.",
    timeZone: "Times are shown in the competition's time zone ({{zone}}).",
    viewEntry: "View or edit your entry",
    allEntries: "All my entries",
  },
  register: {
    button: "Register now",
    homeButton: "Register an entry",
    closes: "Registration is open until {{date}}.",
    opens: "Registration opens on {{date}}.",
    closed: "Registration closed on {{date}}.",
  },
  rank: {
    inUnit: "Rank {{rank}} of {{total}} in {{unit}}",
    overall: "Rank {{rank}} of {{total}} overall",
  },
  hint: {
    useGroup: "{{country}} enters in the {{groups}} group.",
    useOneOf: "{{country}} enters in one of these groups: {{groups}}.",
    noGroup: "No group of this competition takes entries from {{country}}.",
  },
};
