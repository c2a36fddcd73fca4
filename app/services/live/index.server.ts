// The live service: binds the live final's use cases (commands, stage scoring, views) to one
// database, one store and the dependencies the composition root injects.
import type { Db } from "../../../db/client";
import type { Command } from "../../domain/live-final";
import { refuseLive } from "../../domain/live-refusals";
import { isRehearsalChannel, type SubmitMessage } from "../../live/protocol";
import type { SessionUser } from "../auth.server";
import { command, start } from "./commands.server";
import type { LiveContext, LiveDeps } from "./context.server";
import { submit } from "./stage-scoring.server";
import { createLiveStore } from "./store.server";
import { controlView, judgeView, rubric, snapshot, updatesSince } from "./views.server";

export type { LiveDeps } from "./context.server";
export type { CommandOutcome } from "./commands.server";
export type { SubmitOutcome } from "./stage-scoring.server";
export { MAX_REPLAY } from "./store.server";

export function createLiveService(db: Db, deps: LiveDeps) {
  const ctx: LiveContext = { ...deps, db, store: createLiveStore() };
  return {
    /** Forgets the in-memory copy (tests simulate a restart; the database is the truth). */
    forget: () => ctx.store.cache.clear(),
    /** The public state of a competition's live final, or null before it starts. */
    snapshot: (slug: string) => snapshot(ctx, slug),
    /** The updates after `lastSeq`, or null when a snapshot serves better. */
    updatesSince: (slug: string, lastSeq: number) => updatesSince(ctx, slug, lastSeq),
    /** Starts the live final of the competition's round played on stage. */
    start: (actor: SessionUser, slug: string) => start(ctx, actor, slug),
    /** An organizer's command, decided and written; the publisher hears the updates. */
    command: (actor: SessionUser, slug: string, cmd: Command, version?: number) =>
      command(ctx, actor, slug, cmd, version),
    /** A judge's stage score (a repeat of the same submission counts once). */
    submit: (user: SessionUser, message: SubmitMessage) => submit(ctx, user, message),
    controlView: (slug: string) => controlView(ctx, slug),
    judgeView: (user: SessionUser, slug: string) => judgeView(ctx, user, slug),
    rubric: (slug: string) => rubric(ctx, slug),
  };
}

export type LiveService = ReturnType<typeof createLiveService>;

/**
 * The live service the hub and the routes use: a rehearsal's channel (`<slug>~rehearsal`) goes to
 * that rehearsal's own service over its copy, every other channel to the real final.
 */
export function dispatchByChannel(
  real: LiveService,
  rehearsalOf: (channel: string) => LiveService | null,
): LiveService {
  const pick = (channel: string) => (isRehearsalChannel(channel) ? rehearsalOf(channel) : real);
  return {
    forget: () => real.forget(),
    snapshot: async (slug) => (await pick(slug)?.snapshot(slug)) ?? null,
    updatesSince: async (slug, lastSeq) => (await pick(slug)?.updatesSince(slug, lastSeq)) ?? null,
    // A rehearsal starts through the rehearsals' own start, which copies the database first.
    start: async (actor, slug) => (isRehearsalChannel(slug) ? refuseLive("noRehearsal") : real.start(actor, slug)),
    command: async (actor, slug, cmd, version) =>
      (await pick(slug)?.command(actor, slug, cmd, version)) ?? refuseLive("noRehearsal"),
    submit: async (user, message) =>
      (await pick(message.competition)?.submit(user, message)) ?? refuseLive("noRehearsal"),
    controlView: async (slug) => (await pick(slug)?.controlView(slug)) ?? null,
    judgeView: async (user, slug) => (await pick(slug)?.judgeView(user, slug)) ?? null,
    rubric: async (slug) => (await pick(slug)?.rubric(slug)) ?? null,
  };
}
