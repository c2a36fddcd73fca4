// The control room's commands as pure decisions, one function per command: each checks the command
// against the control state and the facts, and says the next state, the public changes and what the
// audit log records, or which refusal. The caller persists and broadcasts.
import {
  initialTimer,
  type AwardTier,
  type Awards,
  type Change,
  type Command,
  type ControlState,
  type Decision,
  type Facts,
  type PitchTimer,
  type RankingRow,
} from "./live-final";
import { refuseLive } from "./live-refusals";

export const AWARD_TIERS: readonly AwardTier[] = ["champion", "runnerUp", "third"];

type Of<T extends Command["type"]> = Extract<Command, { type: T }>;
type Decide<T extends Command["type"]> = (control: ControlState, command: Of<T>, facts: Facts) => Decision;

/** Revealed results the public sees: those not kept back by the freeze. */
const publicIds = (c: ControlState) => c.revealed.filter((id) => !c.sealed.includes(id));

/** The stage as the control state now has it, with the facts' counter of the entry on stage. */
const stageChange = (c: ControlState, facts: Facts, submitted = 0): Change => ({
  type: "stage",
  stage: { entryId: c.current, phase: c.phase, submitted, of: facts.panel },
});

const accepted = (
  control: ControlState,
  changes: Change[],
  audit: Extract<Decision, { ok: true }>["audit"] = null,
): Decision => ({ ok: true, control, changes, audit });

const reorder: Decide<"reorder"> = (control, command) => {
  const same =
    command.order.length === control.order.length &&
    new Set(command.order).size === command.order.length &&
    command.order.every((id) => control.order.includes(id));
  if (!same) return refuseLive("badOrder");
  const next = { ...control, order: [...command.order] };
  return accepted(next, [{ type: "order", order: next.order }]);
};

const putOnStage: Decide<"stage"> = (control, command, facts) => {
  if (!control.order.includes(command.entryId)) return refuseLive("notInFinal");
  if (control.phase === "scoring" || control.phase === "closed") return refuseLive("scoringInProgress");
  if (control.ceremony !== "none") return refuseLive("ceremonyStarted");
  const next: ControlState = {
    ...control,
    current: command.entryId,
    phase: control.revealed.includes(command.entryId) ? "revealed" : "pitching",
  };
  // The counter is the new entry's: nobody has scored a pitch before scoring opens, and its panel
  // may differ (a judge's conflict) from the entry before it, whose count must not carry over.
  const { submitted, of } = facts.progressOf(command.entryId);
  const stage = { entryId: next.current, phase: next.phase, submitted: next.phase === "pitching" ? 0 : submitted, of };
  const changes: Change[] = [{ type: "stage", stage }];
  // Each pitch starts with a full timer; a timer untouched since its reset needs no change.
  const fresh = initialTimer(control.pitchSeconds);
  if (!sameTimer(control.timer, fresh)) {
    next.timer = fresh;
    changes.push({ type: "timer", timer: fresh });
  }
  return accepted(next, changes);
};

const sameTimer = (a: PitchTimer, b: PitchTimer) =>
  a.durationMs === b.durationMs && a.elapsedMs === b.elapsedMs && a.startedAt === b.startedAt;

/** The timer stopped at `now`, its run so far kept. */
const paused = (timer: PitchTimer, now: number): PitchTimer =>
  timer.startedAt === null
    ? timer
    : {
        ...timer,
        elapsedMs: Math.min(timer.durationMs, timer.elapsedMs + Math.max(0, now - timer.startedAt)),
        startedAt: null,
      };

const openScoring: Decide<"open"> = (control, _command, facts) => {
  if (control.current === null) return refuseLive("noEntryOnStage");
  if (control.phase !== "pitching") return refuseLive("notPitching");
  const next: ControlState = { ...control, phase: "scoring" };
  const changes: Change[] = [stageChange(next, facts, facts.submitted)];
  // The pitch is over once scoring opens: a running timer stops where it is.
  if (control.timer.startedAt !== null) {
    next.timer = paused(control.timer, facts.now);
    changes.push({ type: "timer", timer: next.timer });
  }
  return accepted(next, changes, { action: "live.scoring_opened", reason: null });
};

const closeScoring: Decide<"close"> = (control, command, facts) => {
  if (control.phase !== "scoring") return refuseLive("notScoring");
  if (facts.submitted < facts.minMarks) return refuseLive("tooFewMarks");
  const reason = command.reason?.trim() || null;
  if (facts.submitted < facts.panel && !reason) return refuseLive("reasonRequired");
  const next: ControlState = { ...control, phase: "closed", reopened: null };
  return accepted(next, [stageChange(next, facts, facts.submitted)], { action: "live.scoring_closed", reason });
};

const reveal: Decide<"reveal"> = (control, _command, facts) => {
  if (control.phase !== "closed" || control.current === null) return refuseLive("notClosed");
  const id = control.current;
  const next: ControlState = {
    ...control,
    phase: "revealed",
    revealed: [...control.revealed, id],
    sealed: control.frozen ? [...control.sealed, id] : control.sealed,
  };
  const change: Change = control.frozen
    ? { type: "sealed", entryId: id }
    : { type: "reveal", reveal: facts.reveal(id), ranking: facts.rank(publicIds(next)) };
  return accepted(next, [change], { action: "live.revealed", reason: null });
};

const undoReveal: Decide<"undoReveal"> = (control, command, facts) => {
  // Only the last reveal, and only while it is still on stage: the next step makes it final.
  const last = control.revealed.at(-1);
  if (control.phase !== "revealed" || last === undefined || last !== control.current || control.ceremony !== "none")
    return refuseLive("nothingToUndo");
  if (!command.reason.trim()) return refuseLive("reasonRequired");
  const next: ControlState = {
    ...control,
    phase: "closed",
    revealed: control.revealed.slice(0, -1),
    sealed: control.sealed.filter((id) => id !== last),
  };
  return accepted(next, [{ type: "unreveal", entryId: last, ranking: facts.rank(publicIds(next)) }], {
    action: "live.reveal_undone",
    reason: command.reason.trim(),
  });
};

const freeze: Decide<"freeze"> = (control) => {
  if (control.frozen) return refuseLive("alreadyFrozen");
  if (control.ceremony !== "none") return refuseLive("ceremonyOver");
  return accepted({ ...control, frozen: true }, [{ type: "freeze", frozen: true }], {
    action: "live.frozen",
    reason: null,
  });
};

/** Lifting a freeze before the ceremony: the results it kept back go on the board at once. */
const unfreeze: Decide<"unfreeze"> = (control, command, facts) => {
  if (!control.frozen) return refuseLive("notFrozen");
  if (control.ceremony !== "none") return refuseLive("ceremonyStarted");
  const reason = command.reason.trim();
  if (!reason) return refuseLive("reasonRequired");
  const next: ControlState = { ...control, frozen: false, sealed: [] };
  return accepted(next, [{ type: "freeze", frozen: false, ranking: facts.rank(next.revealed) }], {
    action: "live.freeze_lifted",
    reason,
  });
};

/** A ceremony started by mistake goes back to the final, as long as it has not shown anything yet. */
const undoCeremonyStart: Decide<"undoCeremonyStart"> = (control, command, facts) => {
  if (control.ceremony !== "running" || control.ceremonySteps > 0) return refuseLive("ceremonyStepTaken");
  const reason = command.reason.trim();
  if (!reason) return refuseLive("reasonRequired");
  const before = control.beforeCeremony ?? { current: null, phase: "idle" as const, card: null };
  const next: ControlState = { ...control, ceremony: "none", beforeCeremony: null, ...before };
  const progress = next.current === null ? { submitted: 0, of: facts.panel } : facts.progressOf(next.current);
  const changes: Change[] = [
    { type: "ceremony", ceremony: "none" },
    {
      type: "stage",
      stage: {
        entryId: next.current,
        phase: next.phase,
        submitted: next.phase === "pitching" ? 0 : progress.submitted,
        of: progress.of,
      },
    },
  ];
  if (before.card) changes.push({ type: "card", card: before.card });
  return accepted(next, changes, { action: "live.ceremony_start_undone", reason });
};

/**
 * A correction before the reveal (or after an undo): scoring opens again for the entry on stage,
 * for every judge who submitted or for one, and each of them may revise their mark with a reason.
 */
const reopen: Decide<"reopen"> = (control, command, facts) => {
  if (control.phase !== "closed" || control.current === null) return refuseLive("notClosed");
  const reason = command.reason.trim();
  if (!reason) return refuseLive("reasonRequired");
  if (command.judgeId !== undefined && !facts.submittedBy.includes(command.judgeId))
    return refuseLive("judgeNotSubmitted");
  const judgeIds = command.judgeId !== undefined ? [command.judgeId] : [...facts.submittedBy];
  if (judgeIds.length === 0) return refuseLive("judgeNotSubmitted");
  const next: ControlState = { ...control, phase: "scoring", reopened: { judgeIds, revised: [], reason } };
  return accepted(next, [stageChange(next, facts, facts.submitted)], {
    action: "live.scoring_reopened",
    reason,
  });
};

const timer: Decide<"timer"> = (control, command, facts) => {
  let next: PitchTimer;
  if (command.action === "start") {
    if (control.timer.startedAt !== null) return refuseLive("timerRunning");
    next = { ...control.timer, startedAt: facts.now };
  } else if (command.action === "pause") {
    if (control.timer.startedAt === null) return refuseLive("timerNotRunning");
    next = paused(control.timer, facts.now);
  } else next = initialTimer(command.seconds ?? control.pitchSeconds);
  const pitchSeconds = command.action === "reset" && command.seconds ? command.seconds : control.pitchSeconds;
  return accepted({ ...control, timer: next, pitchSeconds }, [{ type: "timer", timer: next }]);
};

const revealMode: Decide<"revealMode"> = (control, command) =>
  accepted({ ...control, revealMode: command.mode }, [{ type: "revealMode", mode: command.mode }], {
    action: "live.reveal_mode",
    reason: null,
  });

const voting: Decide<"voting"> = (control, command) => {
  if (control.voting === command.voting) return refuseLive("votingUnchanged");
  return accepted({ ...control, voting: command.voting }, [{ type: "voting", voting: command.voting }], {
    action: command.voting === "open" ? "live.voting_opened" : "live.voting_closed",
    reason: null,
  });
};

/** The audience's award is its own: shown (or taken down) apart from the jury's tiers, after voting closes. */
const audienceAward: Decide<"audienceAward"> = (control, command, facts) => {
  if (!command.show)
    return accepted(control, [{ type: "audienceAward", award: null }], {
      action: "live.audience_award_hidden",
      reason: null,
    });
  if (control.voting === "open") return refuseLive("votingOpen");
  const leaders = facts.audienceLeaders();
  if (!leaders) return refuseLive("noVotes");
  return accepted(control, [{ type: "audienceAward", award: leaders }], {
    action: "live.audience_award_shown",
    reason: null,
  });
};

const showCard: Decide<"card"> = (control, command) =>
  accepted({ ...control, card: command.card }, [{ type: "card", card: command.card }]);

const configureAwards: Decide<"awards"> = (control, command) => {
  if (control.ceremony === "done") return refuseLive("ceremonyOver");
  const next = { ...control, awardCounts: command.counts, trackTop: command.trackTop ?? control.trackTop ?? 0 };
  return accepted(next, [], { action: "live.awards_configured", reason: null });
};

const setAutoReveal: Decide<"autoReveal"> = (control, command) =>
  accepted({ ...control, autoReveal: command.on }, [], {
    action: command.on ? "live.auto_reveal_on" : "live.auto_reveal_off",
    reason: null,
  });

const hide: Decide<"hide"> = (control, command, facts) => {
  if (!control.order.includes(command.entryId)) return refuseLive("notInFinal");
  if (!command.reason.trim()) return refuseLive("reasonRequired");
  const id = command.entryId;
  const next: ControlState = {
    ...control,
    order: control.order.filter((x) => x !== id),
    revealed: control.revealed.filter((x) => x !== id),
    sealed: control.sealed.filter((x) => x !== id),
    hidden: [...control.hidden, id],
    ...(control.current === id ? { current: null, phase: "idle" as const } : {}),
  };
  return accepted(next, [{ type: "hidden", entryId: id, ranking: facts.rank(publicIds(next)) }], {
    action: "live.entry_hidden",
    reason: command.reason.trim(),
  });
};

/**
 * One step of the ceremony: the first starts it; each next one reveals the sealed result that ranks
 * lowest among those still sealed (bottom up); when none is left, the awards are shown and the board
 * thaws. Entries hidden in the meantime are simply no longer among the sealed ones.
 */
const ceremonyStep: Decide<"ceremonyStep"> = (control, _command, facts) => {
  if (control.ceremony === "done") return refuseLive("ceremonyOver");
  if (!control.frozen) return refuseLive("notFrozen");
  if (control.phase === "scoring" || control.phase === "closed") return refuseLive("scoringInProgress");
  if (control.ceremony === "none") return startCeremony(control, facts);
  if (control.sealed.length > 0) return revealLowestSealed(control, facts);
  return showAwards(control, facts);
};

function startCeremony(control: ControlState, facts: Facts): Decision {
  const next: ControlState = {
    ...control,
    ceremony: "running",
    card: null,
    current: null,
    phase: "idle",
    ceremonySteps: 0,
    awardsShown: 0,
    beforeCeremony: { current: control.current, phase: control.phase, card: control.card },
  };
  const changes: Change[] = [
    { type: "card", card: null },
    { type: "stage", stage: { entryId: null, phase: "idle", submitted: 0, of: facts.panel } },
    { type: "ceremony", ceremony: "running" },
  ];
  return accepted(next, changes, { action: "live.ceremony_started", reason: null });
}

function revealLowestSealed(control: ControlState, facts: Facts): Decision {
  const full = facts.rank(control.revealed);
  const position = new Map(full.map((r, i) => [r.entryId, i]));
  const lowest = [...control.sealed].sort((a, b) => (position.get(b) ?? -1) - (position.get(a) ?? -1))[0]!;
  const next: ControlState = {
    ...control,
    sealed: control.sealed.filter((id) => id !== lowest),
    ceremonySteps: control.ceremonySteps + 1,
  };
  return accepted(next, [{ type: "reveal", reveal: facts.reveal(lowest), ranking: facts.rank(publicIds(next)) }], {
    action: "live.ceremony_revealed",
    reason: null,
  });
}

/** The award tiers in the order the ceremony reveals them: the tracks' best, then third, runner-up, champion. */
export function awardsInRevealOrder(
  ranking: readonly RankingRow[],
  control: Pick<ControlState, "awardCounts" | "trackTop">,
  trackOf: (entryId: number) => string,
): Awards {
  const tiers = awardTiers(ranking, control.awardCounts).filter((t) => t.entryIds.length > 0);
  return [...trackTopAwards(ranking, control.trackTop ?? 0, trackOf), ...tiers.reverse()];
}

/** One award tier per step; the last one (the champion) ends the ceremony and thaws the board. */
function showAwards(control: ControlState, facts: Facts): Decision {
  const order = awardsInRevealOrder(facts.rank(control.revealed), control, facts.trackOf);
  const shown = Math.min(order.length, control.awardsShown + 1);
  const done = shown >= order.length;
  const next: ControlState = {
    ...control,
    awardsShown: shown,
    ceremonySteps: control.ceremonySteps + 1,
    ...(done ? { ceremony: "done" as const, frozen: false } : {}),
  };
  const changes: Change[] = [{ type: "awards", awards: order.slice(0, shown) }];
  if (done) changes.push({ type: "ceremony", ceremony: "done" });
  return accepted(next, changes, { action: "live.awards_shown", reason: null });
}

const DECIDERS: { [T in Command["type"]]: Decide<T> } = {
  reorder,
  stage: putOnStage,
  open: openScoring,
  close: closeScoring,
  reveal,
  undoReveal,
  freeze,
  ceremonyStep,
  card: showCard,
  awards: configureAwards,
  autoReveal: setAutoReveal,
  hide,
  unfreeze,
  undoCeremonyStart,
  reopen,
  timer,
  revealMode,
  voting,
  audienceAward,
};

/** The control room's commands, checked against the state. Pure: the caller persists and broadcasts. */
export function decide(control: ControlState, command: Command, facts: Facts): Decision {
  const decider = DECIDERS[command.type] as (control: ControlState, command: Command, facts: Facts) => Decision;
  const decision = decider(control, command, facts);
  // Every accepted command moves the version on, so a control room that saw an older one is stale.
  return decision.ok ? { ...decision, control: { ...decision.control, version: control.version + 1 } } : decision;
}

/** The award tiers from a ranking: the top `counts[0]` champions, then runners-up, then thirds; a tie at a tier's edge shares it. */
export function awardTiers(ranking: readonly RankingRow[], counts: readonly [number, number, number]): Awards {
  const ranked = ranking.filter((r) => r.rank !== null);
  const out: Awards = [];
  let i = 0;
  AWARD_TIERS.forEach((tier, t) => {
    const entryIds: number[] = [];
    while (
      i < ranked.length &&
      (entryIds.length < counts[t]! || (entryIds.length > 0 && ranked[i]!.rank === ranked[i - 1]!.rank))
    ) {
      entryIds.push(ranked[i]!.entryId);
      i++;
    }
    out.push({ tier, entryIds });
  });
  return out;
}

/** The top `n` of each track by the final ranking (ties at the edge share), tracks in order of their best entry. */
export function trackTopAwards(
  ranking: readonly RankingRow[],
  n: number,
  trackOf: (entryId: number) => string,
): Awards {
  if (n <= 0) return [];
  const byTrack = new Map<string, RankingRow[]>();
  for (const row of ranking) {
    if (row.rank === null) continue;
    const track = trackOf(row.entryId);
    byTrack.set(track, [...(byTrack.get(track) ?? []), row]);
  }
  return [...byTrack].map(([track, rows]) => {
    const cut = rows[Math.min(n, rows.length) - 1]!.rank;
    return {
      tier: "trackTop" as const,
      track,
      entryIds: rows.filter((r, i) => i < n || r.rank === cut).map((r) => r.entryId),
    };
  });
}
