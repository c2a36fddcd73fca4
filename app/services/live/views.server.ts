// The three views of a live final: the public one (snapshot, and the updates a returning client
// missed), the control room's (control state, panel submissions, the private ranking) and a judge's
// (their seat, their entries, the rubric).
import type { Competition } from "../../../db/schema";
import type { PublicState } from "../../domain/live-final";
import type { ControlView, JudgeView, UpdateEvent } from "../../live/protocol";
import type { SessionUser } from "../auth.server";
import { criteriaOf } from "../queries/criteria.server";
import { judgeOfUser } from "../queries/judges.server";
import type { LiveContext } from "./context.server";
import { factsFor } from "./facts.server";
import { formatMilli } from "../../domain/score-sheet";
import { entriesSubmittedBy, judgesSubmittedFor, panelOf, scoreOf, voteTally, withdrawnAmong } from "./queries.server";
import { eventsAfter, load, MAX_REPLAY, type Live } from "./store.server";

/** The competition and its live final (null before it starts); undefined for an unknown slug. */
async function find(
  ctx: LiveContext,
  slug: string,
): Promise<{ competition: Pick<Competition, "id" | "slug">; live: Live | null } | undefined> {
  const competition = await ctx.competitionBySlug(slug);
  if (!competition) return undefined;
  return { competition, live: await load(ctx.db, ctx.store, competition) };
}

/** The public state of a competition's live final, or null before it starts. */
export async function snapshot(
  ctx: LiveContext,
  slug: string,
): Promise<{ competition: string; state: PublicState | null } | null> {
  const found = await find(ctx, slug);
  return found ? { competition: slug, state: found.live?.state ?? null } : null;
}

/**
 * The updates after `lastSeq`, to bring a returning client up to date; null when a snapshot
 * serves better (too many missed, or the client is ahead of a restored server).
 */
export async function updatesSince(ctx: LiveContext, slug: string, lastSeq: number): Promise<UpdateEvent[] | null> {
  const live = (await find(ctx, slug))?.live;
  if (!live || lastSeq > live.state.seq || live.state.seq - lastSeq > MAX_REPLAY) return null;
  if (lastSeq === live.state.seq) return [];
  return eventsAfter(ctx.db, live, lastSeq);
}

/** The control room's view: control state, panel submissions, the private ranking. */
export async function controlView(ctx: LiveContext, slug: string): Promise<ControlView | null> {
  const live = (await find(ctx, slug))?.live;
  if (!live) return null;
  const { facts, panel } = await factsFor(ctx, ctx.db, live);
  const { control } = live;
  const current = control.current;
  const submittedBy = new Set(current === null ? [] : await judgesSubmittedFor(ctx.db, live.roundId, current));
  const onPanel =
    current === null ? panel.judges : panel.judges.filter((j) => panel.perEntry.get(current)?.includes(j.judgeId));
  const sealed = new Set(control.sealed);
  const closed = control.phase === "closed" || control.phase === "revealed";
  return {
    competition: live.slug,
    control,
    panel: onPanel.map((j) => ({
      seat: j.seat,
      judgeId: j.judgeId,
      name: j.name,
      submitted: submittedBy.has(j.judgeId),
    })),
    ranking: facts.rank(control.revealed).map((r) => ({ ...r, sealed: sealed.has(r.entryId) })),
    preview: current !== null && closed ? facts.reveal(current) : null,
    withdrawn: await withdrawnAmong(ctx.db, control.order),
    minMarks: facts.minMarks,
    votes: await voteTally(ctx.db, live.roundId),
  };
}

/** A judge's view: their seat, and the entries they have already scored on stage. Null off the panel. */
export async function judgeView(ctx: LiveContext, user: SessionUser, slug: string): Promise<JudgeView | null> {
  const found = await find(ctx, slug);
  if (!found?.live) return null;
  const { competition, live } = found;
  const judge = await judgeOfUser(ctx.db, user.id, competition.id);
  if (!judge) return null;
  const panel = await panelOf(ctx.db, live.roundId);
  const seat = panel.seats.get(judge.id);
  if (seat === undefined) return null;
  const submitted = await entriesSubmittedBy(ctx.db, live.roundId, judge.id);
  const entries = [...panel.perEntry].filter(([, judges]) => judges.includes(judge.id)).map(([entryId]) => entryId);
  return { competition: slug, seat, submitted, entries, correction: await correctionFor(ctx, live, judge.id) };
}

/** The judge's own marks of the entry on stage, when scoring was reopened for them to revise. */
async function correctionFor(ctx: LiveContext, live: Live, judgeId: number): Promise<JudgeView["correction"]> {
  const { current, reopened, phase } = live.control;
  if (current === null || phase !== "scoring" || !reopened?.judgeIds.includes(judgeId)) return null;
  if (reopened.revised.includes(judgeId)) return null;
  const score = await scoreOf(ctx.db, live.roundId, judgeId, current);
  if (score?.status !== "submitted") return null;
  const [marks, row] = await Promise.all([
    ctx.db.selectFrom("score_marks").select(["criterion_id", "mark_milli"]).where("score_id", "=", score.id).execute(),
    ctx.db.selectFrom("scores").select("comment").where("id", "=", score.id).executeTakeFirstOrThrow(),
  ]);
  return {
    entryId: current,
    marks: Object.fromEntries(marks.map((m) => [String(m.criterion_id), formatMilli(m.mark_milli)])),
    comment: row.comment ?? "",
    reason: reopened.reason,
  };
}

/** The rubric of the live round, for the judge's stage form. */
export async function rubric(ctx: LiveContext, slug: string) {
  const live = (await find(ctx, slug))?.live;
  if (!live) return null;
  const criteria = await criteriaOf(ctx.db, live.roundId);
  return criteria.map(({ id, name_zh, name_en, weight_bp, max_milli, step_milli }) => ({
    id,
    name_zh,
    name_en,
    weight_bp,
    max_milli,
    step_milli,
  }));
}
