// The live final's server side: the control state and the public state of each competition,
// persisted with every change (live_state + append-only live_events, one transaction), commands
// decided by the pure domain, and judges' stage submissions. One writer per competition at a time:
// commands and submissions are queued per competition, so seq never skips or repeats.
import type { Db } from "../../db/client";
import type { Competition } from "../../db/schema";
import {
  applyChange,
  decide,
  initialControl,
  initialPublicState,
  seatMarks,
  type Change,
  type Command,
  type ControlState,
  type Facts,
  type LiveEntry,
  type PublicState,
  type RankingRow,
  type RefusalCode,
} from "../domain/live-final";
import { normalizeMarks, rankEntries, type RankingEntry } from "../domain/ranking";
import { markField, scoreSheetSchema } from "../domain/score-sheet";
import type { ControlView, JudgeView, SubmitMessage, UpdateEvent } from "../live/protocol";
import type { SessionUser } from "./auth.server";
import { createCompetitionService } from "./competitions.server";
import { inTransaction } from "./db-helpers.server";
import { createResultsService, roundRule } from "./results.server";
import { recordAudit } from "./audit.server";
import type { AuditAction } from "../domain/audit-actions";
import { writeScore } from "./scores.server";

/** Past this many missed events a client gets a snapshot instead: cheaper than replaying them. */
export const MAX_REPLAY = 500;

type Live = { competitionId: number; slug: string; roundId: number; control: ControlState; state: PublicState };

/** What the hub sends out: updates in seq order, or (when a live final starts) a whole snapshot. */
export type LiveBroadcast = { slug: string; updates: UpdateEvent[]; snapshot?: PublicState };
export type Refusal = {
  ok: false;
  code: RefusalCode | SubmitRefusal | "not_started" | "unknown_competition" | "no_rubric" | "no_panel";
  field?: string;
  message?: string;
};
export type SubmitRefusal =
  "not_on_panel" | "wrong_entry" | "scoring_closed" | "already_submitted" | "invalid_marks" | "entry_withdrawn";
export type CommandOutcome = { ok: true; updates: UpdateEvent[] } | Refusal;
export type SubmitOutcome = { ok: true; duplicate: boolean; updates: UpdateEvent[] } | Refusal;

/** Whether a round is played live: its scores come from the stage, not the web sheet. */
export async function isPlayedLive(db: Db, roundId: number): Promise<boolean> {
  return Boolean(
    await db.selectFrom("live_state").select("competition_id").where("round_id", "=", roundId).executeTakeFirst(),
  );
}

/** Which of these entries no longer compete (withdrawn or disqualified). */
async function withdrawnAmong(db: Db, ids: readonly number[]): Promise<number[]> {
  if (ids.length === 0) return [];
  return (
    await db
      .selectFrom("entries")
      .select("id")
      .where("id", "in", [...ids])
      .where("status", "!=", "submitted")
      .execute()
  ).map((e) => e.id);
}

export function createLiveService(db: Db, clock: () => Date) {
  const cache = new Map<number, Live>();
  const queues = new Map<number, Promise<unknown>>();
  const listeners = new Set<(event: LiveBroadcast) => void>();

  /** Runs `task` after every earlier task of the same competition has finished. */
  function queued<T>(competitionId: number, task: () => Promise<T>): Promise<T> {
    const previous = queues.get(competitionId) ?? Promise.resolve();
    const run = previous.then(task, task);
    queues.set(
      competitionId,
      run.catch(() => undefined),
    );
    return run;
  }

  /** Sent even without public updates: the control room must see every accepted command. */
  function publish(live: Live, updates: UpdateEvent[]) {
    for (const listener of listeners) listener({ slug: live.slug, updates });
  }

  async function load(competition: Pick<Competition, "id" | "slug">): Promise<Live | null> {
    const cached = cache.get(competition.id);
    if (cached) return cached;
    const row = await db
      .selectFrom("live_state")
      .selectAll()
      .where("competition_id", "=", competition.id)
      .executeTakeFirst();
    if (!row) return null;
    const live: Live = {
      competitionId: competition.id,
      slug: competition.slug,
      roundId: row.round_id,
      control: JSON.parse(row.control) as ControlState,
      state: JSON.parse(row.public) as PublicState,
    };
    cache.set(competition.id, live);
    return live;
  }

  const competitionBySlug = createCompetitionService(db).bySlug;

  /** The round played live: the one whose kind says so (the last of them, should there be two). */
  async function finalRound(trx: Db, competitionId: number) {
    return trx
      .selectFrom("rounds")
      .selectAll()
      .where("competition_id", "=", competitionId)
      .where("kind", "=", "stage")
      .orderBy("position", "desc")
      .limit(1)
      .executeTakeFirst();
  }

  /** Panel seats: the round's judges in id order, numbered from 1, the same for every entry. */
  async function panelOf(trx: Db, roundId: number) {
    const rows = await trx
      .selectFrom("assignments as a")
      .innerJoin("judges as j", "j.id", "a.judge_id")
      .where("a.round_id", "=", roundId)
      .select(["a.judge_id", "a.entry_id", "j.name", "j.user_id"])
      .orderBy("a.judge_id")
      .execute();
    const judges = [
      ...new Map(rows.map((r) => [r.judge_id, { judgeId: r.judge_id, name: r.name, userId: r.user_id }])).values(),
    ];
    const seats = new Map(judges.map((j, i) => [j.judgeId, i + 1]));
    const perEntry = new Map<number, number[]>();
    for (const r of rows) perEntry.set(r.entry_id, [...(perEntry.get(r.entry_id) ?? []), r.judge_id]);
    return { judges: judges.map((j) => ({ ...j, seat: seats.get(j.judgeId)! })), seats, perEntry };
  }

  async function liveEntries(trx: Db, ids: readonly number[]): Promise<LiveEntry[]> {
    if (ids.length === 0) return [];
    const rows = await trx
      .selectFrom("entries as e")
      .innerJoin("groups as g", "g.id", "e.group_id")
      .innerJoin("tracks as t", "t.id", "e.track_id")
      .where("e.id", "in", [...ids])
      .select([
        "e.id",
        "e.code",
        "e.title_zh",
        "e.title_en",
        "e.organization",
        "e.country",
        "g.name_zh as groupZh",
        "g.name_en as groupEn",
        "t.name_zh as trackZh",
        "t.name_en as trackEn",
      ])
      .execute();
    const team = await trx
      .selectFrom("team_members")
      .select(["entry_id", "name"])
      .where("entry_id", "in", [...ids])
      .orderBy("position")
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => {
      const r = byId.get(id);
      if (!r) return [];
      const title = { zh: r.title_zh ?? r.title_en ?? r.code, en: r.title_en ?? r.title_zh ?? r.code };
      return [
        {
          id,
          code: r.code,
          title,
          organization: r.organization,
          country: r.country,
          team: team.filter((m) => m.entry_id === id).map((m) => m.name),
          group: { zh: r.groupZh, en: r.groupEn },
          track: { zh: r.trackZh, en: r.trackEn },
        },
      ];
    });
  }

  /** What a decision needs to know, read inside the transaction that will write its outcome. */
  async function factsFor(trx: Db, live: Live) {
    const inputs = await createResultsService(trx).loadInputs(live.roundId);
    const rule = roundRule(inputs.round);
    const panel = await panelOf(trx, live.roundId);
    const raw = [...inputs.units.values()].flat();
    const ranked: RankingEntry[] = inputs.round.normalization === "zscore" ? normalizeMarks(raw) : raw;
    const byId = new Map(ranked.map((e) => [Number(e.id), e]));
    const tracks = new Map(
      (
        await trx
          .selectFrom("round_entries as re")
          .innerJoin("entries as e", "e.id", "re.entry_id")
          .innerJoin("tracks as t", "t.id", "e.track_id")
          .where("re.round_id", "=", live.roundId)
          .select(["e.id", "t.code"])
          .execute()
      ).map((r) => [r.id, r.code]),
    );
    const current = live.control.current;
    const progressOf = (entryId: number) => ({
      submitted: byId.get(entryId)?.marks.length ?? 0,
      of: panel.perEntry.get(entryId)?.length ?? 0,
    });
    const facts: Facts = {
      panel: current !== null ? progressOf(current).of : panel.judges.length,
      submitted: current !== null ? progressOf(current).submitted : 0,
      progressOf,
      minMarks: rule.dropHighest + rule.dropLowest + 1,
      reveal(entryId) {
        const entry = byId.get(entryId) ?? { id: String(entryId), marks: [] };
        const [row] = rankEntries({ entries: [entry], rule, normalization: "none" });
        const marks = entry.marks.map((m) => ({ seat: panel.seats.get(Number(m.judgeId)) ?? 0, mark: m.mark }));
        return { entryId, result: row?.result ?? "0", marks: seatMarks(marks, rule) };
      },
      rank(ids) {
        const entries = ids.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
        return rankEntries({ entries, rule, normalization: "none", tieBreaks: inputs.tieBreaks }).map(
          (r): RankingRow => ({ entryId: Number(r.id), rank: r.rank, result: r.result }),
        );
      },
      trackOf: (entryId) => tracks.get(entryId) ?? "",
    };
    return { facts, panel, round: inputs.round };
  }

  /** Appends the changes as events, folds them into the public state, and stores both states. */
  async function persist(trx: Db, live: Live, control: ControlState, changes: readonly Change[]) {
    let state = live.state;
    const updates: UpdateEvent[] = [];
    const at = clock().toISOString();
    for (const change of changes) {
      const seq = state.seq + 1;
      state = applyChange(state, seq, change);
      updates.push({ competition: live.slug, seq, change });
    }
    if (updates.length > 0) {
      await trx
        .insertInto("live_events")
        .values(
          updates.map((u) => ({
            competition_id: live.competitionId,
            seq: u.seq,
            type: u.change.type,
            payload: JSON.stringify(u.change),
            created_at: at,
          })),
        )
        .execute();
    }
    await trx
      .updateTable("live_state")
      .set({ control: JSON.stringify(control), public: JSON.stringify(state), seq: state.seq, updated_at: at })
      .where("competition_id", "=", live.competitionId)
      .execute();
    return { next: { ...live, control, state }, updates };
  }

  async function audit(
    trx: Db,
    actor: SessionUser | null,
    live: Live,
    action: AuditAction,
    reason: string | null,
    after: unknown,
  ) {
    await recordAudit(trx, {
      at: clock().toISOString(),
      actor_user_id: actor?.id ?? null,
      action,
      subject_type: "competition",
      subject_id: live.competitionId,
      after: JSON.stringify(after),
      reason,
    });
  }

  /**
   * Decides one command and, when it is accepted, writes it. Entries withdrawn or disqualified
   * since the last step are hidden first, so a reveal or the ceremony never meets an entry that
   * no longer competes.
   */
  async function runCommand(
    trx: Db,
    actor: SessionUser | null,
    live: Live,
    command: Command,
  ): Promise<{ live: Live; updates: UpdateEvent[]; refused: RefusalCode | null }> {
    let current = live;
    const updates: UpdateEvent[] = [];
    for (const id of await withdrawnAmong(trx, current.control.order)) {
      const { facts } = await factsFor(trx, current);
      const decision = decide(current.control, { type: "hide", entryId: id, reason: "withdrawn" }, facts);
      if (!decision.ok) continue;
      await audit(trx, null, current, "live.entry_hidden", "withdrawn", { entryId: id });
      const written = await persist(trx, current, decision.control, decision.changes);
      current = written.next;
      updates.push(...written.updates);
    }
    const { facts } = await factsFor(trx, current);
    const decision = decide(current.control, command, facts);
    if (!decision.ok) {
      // The automatic hides still stand: they are true whatever the organizer meant to do.
      return { live: current, updates, refused: decision.code };
    }
    if (decision.audit)
      await audit(trx, actor, current, decision.audit.action, decision.audit.reason, {
        command,
        entryId: current.control.current,
      });
    const written = await persist(trx, current, decision.control, decision.changes);
    return { live: written.next, updates: [...updates, ...written.updates], refused: null };
  }

  async function controlView(live: Live): Promise<ControlView> {
    const { facts, panel } = await factsFor(db, live);
    const current = live.control.current;
    const submittedBy = new Set(
      current === null
        ? []
        : (
            await db
              .selectFrom("scores")
              .select("judge_id")
              .where("round_id", "=", live.roundId)
              .where("entry_id", "=", current)
              .where("status", "=", "submitted")
              .execute()
          ).map((s) => s.judge_id),
    );
    const onPanel =
      current === null ? panel.judges : panel.judges.filter((j) => panel.perEntry.get(current)?.includes(j.judgeId));
    const sealed = new Set(live.control.sealed);
    const withdrawn = await withdrawnAmong(db, live.control.order);
    return {
      competition: live.slug,
      control: live.control,
      panel: onPanel.map((j) => ({
        seat: j.seat,
        judgeId: j.judgeId,
        name: j.name,
        submitted: submittedBy.has(j.judgeId),
      })),
      ranking: facts.rank(live.control.revealed).map((r) => ({ ...r, sealed: sealed.has(r.entryId) })),
      preview:
        current !== null && (live.control.phase === "closed" || live.control.phase === "revealed")
          ? facts.reveal(current)
          : null,
      withdrawn,
      minMarks: facts.minMarks,
    };
  }

  return {
    subscribe(listener: (event: LiveBroadcast) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Forgets the in-memory copy (tests simulate a restart; the database is the truth). */
    forget() {
      cache.clear();
    },

    /** The public state of a competition's live final, or null before it starts. */
    async snapshot(slug: string): Promise<{ competition: string; state: PublicState | null } | null> {
      const competition = await competitionBySlug(slug);
      if (!competition) return null;
      const live = await load(competition);
      return { competition: slug, state: live?.state ?? null };
    },

    /**
     * The updates after `lastSeq`, to bring a returning client up to date; null when a snapshot
     * serves better (too many missed, or the client is ahead of a restored server).
     */
    async updatesSince(slug: string, lastSeq: number): Promise<UpdateEvent[] | null> {
      const competition = await competitionBySlug(slug);
      if (!competition) return null;
      const live = await load(competition);
      if (!live || lastSeq > live.state.seq || live.state.seq - lastSeq > MAX_REPLAY) return null;
      if (lastSeq === live.state.seq) return [];
      const rows = await db
        .selectFrom("live_events")
        .select(["seq", "payload"])
        .where("competition_id", "=", competition.id)
        .where("seq", ">", lastSeq)
        .where("seq", "<=", live.state.seq)
        .orderBy("seq")
        .execute();
      return rows.map((r) => ({ competition: slug, seq: r.seq, change: JSON.parse(r.payload) as Change }));
    },

    /** Starts the live final of the competition's last round, in its stage order. */
    async start(actor: SessionUser, slug: string): Promise<{ ok: true } | Refusal> {
      const competition = await competitionBySlug(slug);
      if (!competition) return { ok: false, code: "unknown_competition" };
      const started = await queued(competition.id, () =>
        inTransaction(db, async (trx) => {
          const existing = await trx
            .selectFrom("live_state")
            .select("competition_id")
            .where("competition_id", "=", competition.id)
            .executeTakeFirst();
          if (existing) return { ok: true as const };
          const round = await finalRound(trx, competition.id);
          if (!round) return { ok: false as const, code: "not_in_final" as const };
          const finalists = await trx
            .selectFrom("round_entries as re")
            .innerJoin("entries as e", "e.id", "re.entry_id")
            .where("re.round_id", "=", round.id)
            .where("e.status", "=", "submitted")
            .select(["e.id"])
            .orderBy("re.stage_order")
            .orderBy("e.code")
            .execute();
          const order = finalists.map((f) => f.id);
          if (order.length === 0) return { ok: false as const, code: "not_in_final" as const };
          const panel = await panelOf(trx, round.id);
          // Judges could not score without a rubric, nor anyone without a panel: refuse before the hall sees it.
          const criteria = await trx
            .selectFrom("criteria")
            .select("id")
            .where("round_id", "=", round.id)
            .limit(1)
            .execute();
          if (criteria.length === 0) return { ok: false as const, code: "no_rubric" as const };
          if (panel.judges.length === 0) return { ok: false as const, code: "no_panel" as const };
          const state = initialPublicState(
            { slug: round.slug, name: { zh: round.name_zh, en: round.name_en }, panel: panel.judges.length },
            await liveEntries(trx, order),
          );
          const control = initialControl(round.id, order);
          await trx
            .insertInto("live_state")
            .values({
              competition_id: competition.id,
              round_id: round.id,
              control: JSON.stringify(control),
              public: JSON.stringify(state),
              seq: 0,
            })
            .execute();
          // Stage scores go through the live page only: the round opens for them, not for the web sheet.
          if (round.status === "draft")
            await trx.updateTable("rounds").set({ status: "open" }).where("id", "=", round.id).execute();
          await recordAudit(trx, {
            at: clock().toISOString(),
            actor_user_id: actor.id,
            action: "live.started",
            subject_type: "competition",
            subject_id: competition.id,
            after: JSON.stringify({ roundId: round.id, order }),
            reason: null,
          });
          cache.delete(competition.id);
          return { ok: true as const };
        }),
      );
      const live = started.ok ? await load(competition) : null;
      if (live) for (const listener of listeners) listener({ slug, updates: [], snapshot: live.state });
      return started;
    },

    /** An organizer's command, decided and written; the listeners get the updates. */
    async command(actor: SessionUser, slug: string, command: Command): Promise<CommandOutcome> {
      const competition = await competitionBySlug(slug);
      if (!competition) return { ok: false, code: "unknown_competition" };
      return queued(competition.id, async () => {
        const live = await load(competition);
        if (!live) return { ok: false, code: "not_started" };
        const outcome = await inTransaction(db, (trx) => runCommand(trx, actor, live, command));
        cache.set(competition.id, outcome.live);
        publish(outcome.live, outcome.updates);
        return outcome.refused ? { ok: false, code: outcome.refused } : { ok: true, updates: outcome.updates };
      });
    },

    /**
     * A judge's stage score. A repeat of a submission (same key) is recognised and answered as
     * accepted without counting it again; otherwise it must be for the entry on stage while
     * scoring is open, by a judge on its panel, with valid marks. When the last panel judge has
     * submitted, scoring closes by itself.
     */
    async submit(user: SessionUser, message: SubmitMessage): Promise<SubmitOutcome> {
      const competition = await competitionBySlug(message.competition);
      if (!competition) return { ok: false, code: "unknown_competition" };
      return queued(competition.id, async () => {
        const live = await load(competition);
        if (!live) return { ok: false, code: "not_started" };
        const outcome = await inTransaction(
          db,
          async (trx): Promise<SubmitOutcome | { live: Live; updates: UpdateEvent[] }> => {
            const judge = await trx
              .selectFrom("judges")
              .select("id")
              .where("user_id", "=", user.id)
              .where("competition_id", "=", competition.id)
              .executeTakeFirst();
            if (!judge) return { ok: false, code: "not_on_panel" };
            const repeat = await trx
              .selectFrom("scores")
              .select(["entry_id"])
              .where("judge_id", "=", judge.id)
              .where("submission_key", "=", message.submissionId)
              .executeTakeFirst();
            if (repeat)
              return repeat.entry_id === message.entryId
                ? { ok: true, duplicate: true, updates: [] }
                : { ok: false, code: "invalid_marks", message: "submission key reused" };
            const seated = await trx
              .selectFrom("assignments")
              .select("id")
              .where("round_id", "=", live.roundId)
              .where("judge_id", "=", judge.id)
              .where("entry_id", "=", message.entryId)
              .executeTakeFirst();
            if (!seated) return { ok: false, code: "not_on_panel" };
            if (live.control.current !== message.entryId) return { ok: false, code: "wrong_entry" };
            const entry = await trx
              .selectFrom("entries")
              .select("status")
              .where("id", "=", message.entryId)
              .executeTakeFirstOrThrow();
            if (entry.status !== "submitted") return { ok: false, code: "entry_withdrawn" };
            if (live.control.phase !== "scoring") return { ok: false, code: "scoring_closed" };
            const existing = await trx
              .selectFrom("scores")
              .select(["id", "status", "revision", "submitted_at"])
              .where("round_id", "=", live.roundId)
              .where("judge_id", "=", judge.id)
              .where("entry_id", "=", message.entryId)
              .executeTakeFirst();
            if (existing?.status === "submitted") return { ok: false, code: "already_submitted" };
            const criteria = await trx
              .selectFrom("criteria")
              .select(["id", "max_milli", "step_milli"])
              .where("round_id", "=", live.roundId)
              .orderBy("position")
              .execute();
            const raw: Record<string, string> = { intent: "submit", comment: message.comment ?? "" };
            for (const c of criteria) raw[markField(c.id)] = message.marks[String(c.id)] ?? "";
            const parsed = scoreSheetSchema(
              criteria.map((c) => ({ id: c.id, maxMilli: c.max_milli, stepMilli: c.step_milli })),
            ).safeParse(raw);
            if (!parsed.success) {
              const issue = parsed.error.issues[0]!;
              return {
                ok: false,
                code: "invalid_marks",
                field: String(issue.path[0] ?? "").replace(/^m/, ""),
                message: issue.message,
              };
            }
            await writeScore(trx, {
              actorUserId: user.id,
              roundId: live.roundId,
              judgeId: judge.id,
              entryId: message.entryId,
              existing,
              status: "submitted",
              revision: existing?.revision ?? 0,
              marks: parsed.data.marks,
              comment: parsed.data.comment,
              now: clock().toISOString(),
              submissionKey: message.submissionId,
              audit: { action: "score.submitted", before: null, reason: null, stage: true },
            });
            const { facts } = await factsFor(trx, live);
            const progress = await persist(trx, live, live.control, [
              { type: "progress", entryId: message.entryId, submitted: facts.submitted, of: facts.panel },
            ]);
            if (facts.submitted < facts.panel) return { live: progress.next, updates: progress.updates };
            const closed = await runCommand(trx, null, progress.next, { type: "close" });
            if (closed.refused || !closed.live.control.autoReveal)
              return { live: closed.live, updates: [...progress.updates, ...closed.updates] };
            const revealed = await runCommand(trx, null, closed.live, { type: "reveal" });
            return { live: revealed.live, updates: [...progress.updates, ...closed.updates, ...revealed.updates] };
          },
        );
        if ("ok" in outcome) return outcome;
        cache.set(competition.id, outcome.live);
        publish(outcome.live, outcome.updates);
        return { ok: true, duplicate: false, updates: outcome.updates };
      });
    },

    /** The control room's view: control state, panel submissions, the private ranking. */
    async controlView(slug: string): Promise<ControlView | null> {
      const competition = await competitionBySlug(slug);
      if (!competition) return null;
      const live = await load(competition);
      return live ? controlView(live) : null;
    },

    /** A judge's view: their seat, and the entries they have already scored on stage. Null off the panel. */
    async judgeView(user: SessionUser, slug: string): Promise<JudgeView | null> {
      const competition = await competitionBySlug(slug);
      if (!competition) return null;
      const live = await load(competition);
      if (!live) return null;
      const judge = await db
        .selectFrom("judges")
        .select("id")
        .where("user_id", "=", user.id)
        .where("competition_id", "=", competition.id)
        .executeTakeFirst();
      if (!judge) return null;
      const panel = await panelOf(db, live.roundId);
      const seat = panel.seats.get(judge.id);
      if (seat === undefined) return null;
      const scored = await db
        .selectFrom("scores")
        .select("entry_id")
        .where("round_id", "=", live.roundId)
        .where("judge_id", "=", judge.id)
        .where("status", "=", "submitted")
        .execute();
      const entries = [...panel.perEntry].filter(([, judges]) => judges.includes(judge.id)).map(([entryId]) => entryId);
      return { competition: slug, seat, submitted: scored.map((s) => s.entry_id), entries };
    },

    /** The rubric of the live round, for the judge's stage form. */
    async rubric(slug: string) {
      const competition = await competitionBySlug(slug);
      if (!competition) return null;
      const live = await load(competition);
      if (!live) return null;
      return db
        .selectFrom("criteria")
        .select(["id", "name_zh", "name_en", "weight_bp", "max_milli", "step_milli"])
        .where("round_id", "=", live.roundId)
        .orderBy("position")
        .execute();
    },
  };
}

export type LiveService = ReturnType<typeof createLiveService>;
