// English messages of the guardrails around a round's status: what closing, publishing and taking a
// publication back will do, and the confirmations they ask for. Merged into `en` as `guards`.
export const enRoundGuards = {
  organizerOnly: "Only an organizer may change a round's status.",
  waitingCol: "Waiting",
  judgeCol: "Judge",
  draftsCol: "Drafts",
  missingCol: "Missing",
  entryCol: "Entry",
  andMore: "and {{count}} more",
  close: {
    title: "Before closing scoring",
    allIn: "Every assigned score is submitted: closing only stops further changes.",
    summary:
      "{{drafts}} drafts (started, not submitted) and {{missing}} missing scores (assigned, never started) from {{judges}} judges, on {{entries}} entries.",
    consequence:
      "Once closed, judges can no longer submit: drafts are not counted and missing scores stay missing. The results are computed from the submitted scores only. You can reopen the round later, with a reason.",
    judgesTitle: "Judges with scores waiting",
    entriesTitle: "Entries affected",
    confirm: "Close anyway, with {{drafts}} drafts and {{missing}} missing scores not counted.",
    confirmNeeded:
      "This round still waits for {{drafts}} drafts and {{missing}} missing scores: tick the confirmation to close it anyway.",
  },
  reopen: {
    guard:
      "Reopening lets judges submit and revise scores again, and the results change with them. Say why: the reason is kept in the round's history.",
  },
  publish: {
    title: "Before publishing",
    entries: "Entries ranked",
    noScore: "Without any score",
    shortOfJudges: "Fewer judges than the round asks ({{k}})",
    tooFewToRank: "Too few marks to rank ({{drops}} or fewer)",
    waiting: "Scores waiting (drafts and missing)",
    tooFewHint:
      "The rule drops {{high}} highest and {{low}} lowest marks: an entry with {{drops}} marks or fewer has nothing left to rank and cannot advance by the rule.",
    lineupTitle_one: "Who advances: {{count}} entry",
    lineupTitle_other: "Who advances: {{count}} entries",
    unit: "Ranking unit",
    advancing: "Advancing",
    lastIn: "Last in",
    firstOut: "First out",
    why: {
      rank: "below the line",
      cap: "passed over: the organization's cap",
      override: "an organizer's decision",
    },
    overridesTitle: "Organizers' decisions (kept as they are)",
    noOverrides: "No organizer has changed the rule's decision.",
    nextTitle: "The next round: {{name}}",
    next: {
      none: "This is the last round: no entries are carried anywhere.",
      fill: "It is empty: publishing enters the advancing entries ({{after}}) into it.",
      refill:
        "It already holds {{before}} entries: publishing refills it with the advancing entries, {{before}} → {{after}} ({{added}} added, {{removed}} removed).",
      keep: "It has already started ({{status}}): publishing leaves its {{before}} entries as they are. {{added}} advancing entries are not in it and {{removed}} of its entries did not advance here.",
      same: "Its line-up is already exactly the advancing entries.",
    },
    addedTitle: "Added to the next round",
    removedTitle: "Removed from the next round",
    notCarriedTitle: "Advancing, not in the next round",
    notAdvancingTitle: "In the next round, not advancing here",
    judgedThere: "judges assigned there",
    wouldRemoveJudged:
      "Publishing would remove {{count}} entries that judges are assigned to or have scored in the next round ({{codes}}). Keep them advancing (an organizer's decision) or take their judges off first.",
    confirmNextLabel: "I have read what happens to the next round.",
    confirmNext: "Confirm what publishing does to the next round.",
    waitingWarning:
      "{{count}} scores are still waiting. Publishing now freezes the ranking without them: they will never count.",
    typeCountLabel: "Type the number of scores still waiting ({{count}}) to publish without them",
    typeCount: "Type {{count}}, the number of scores still waiting, to publish without them.",
    reasonLabel: "Why publish with scores missing?",
    reasonNeeded: "Say why the round is published with scores missing: the reason is kept in its history.",
    planChanged: "Something changed since this page was loaded: read the preview again before publishing.",
  },
  unpublish: {
    title: "Take the publication back",
    help: "The round goes back to closed: the public results page and the API stop showing it, and entrants no longer see their outcome or the organizers' feedback for it. Partners' caches may keep the last answer for up to a minute.",
    summary:
      '{{takenBack}} entries leave {{name}}, {{putBack}} places it held before are put back, {{resetToIn}} rule decisions return to "in", {{overridesKept}} organizers\' decisions stay with their reasons.',
    last: "This is the last round: only the round itself goes back to closed.",
    nextOpened: "The next round has opened: this publication can no longer be taken back.",
    nextJudged:
      "Judges are already assigned ({{assignments}}) or have scored ({{scores}}) in the next round: take the assignments back first.",
    notPublished: "This round is not published.",
    reasonLabel: "Why take it back?",
    reasonNeeded: "Say why the publication is taken back: the reason is kept in the round's history.",
    submit: "Take the publication back",
    done: "The publication was taken back: the round is closed again.",
  },
};
