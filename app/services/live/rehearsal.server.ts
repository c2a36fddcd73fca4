// The rehearsal of a live final: a copy of the database (docs/decisions/0017-rehearsal-on-a-copy.md)
// with the stage round's scores and the live final cleared, the final started there with the same
// pitch order and panel, served by a live service of its own under the channel `<slug>~rehearsal`.
// The real database gets only the audit rows of starting, resetting and ending a rehearsal.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { openDatabase, type Db, type DbHandle } from "../../../db/client";
import type { AuditAction } from "../../domain/audit-actions";
import type { ControlState, PublicState } from "../../domain/live-final";
import { refuseLive, type LiveRefusal } from "../../domain/live-refusals";
import { competitionOfChannel, isRehearsalChannel, rehearsalChannel } from "../../live/protocol";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import type { LiveService } from "./index.server";
import { stageRoundOf } from "./queries.server";

/** A competition looked up by its channel: the copy's row, named by the rehearsal's channel. */
export type ChannelLookup = (channel: string) => Promise<{ id: number; slug: string } | undefined>;

export type RehearsalDeps = {
  /** The real database: copied from, and where the rehearsal's own audit rows go. */
  db: Db;
  /** Where the copies live (beside the database); the system's temporary folder without one. */
  dataDir?: string;
  clock: () => Date;
  /** A live service over a copy; `quiet` holds its broadcasts back while the rehearsal is being set up. */
  openLive: (copy: Db, lookup: ChannelLookup, quiet: () => boolean) => LiveService;
  /** The real competition of a slug. */
  competitionBySlug: (slug: string) => Promise<{ id: number; slug: string } | undefined>;
  /** Tells every screen of the channel its new state (the hub's publisher). */
  announce: (channel: string, state: PublicState) => void;
};

type Running = { handle: DbHandle; live: LiveService };
export type RehearsalOutcome = { ok: true } | LiveRefusal;

/** The copies on disk and the live service open over each, one per competition. */
function rehearsalCopies(deps: RehearsalDeps) {
  const running = new Map<string, Running>();
  let quiet = false;
  const dir = deps.dataDir ?? path.join(os.tmpdir(), "frontier-rehearsals");
  const fileOf = (slug: string) => path.join(dir, `rehearsal-${slug}.db`);

  function serve(slug: string, handle: DbHandle): Running {
    const lookup: ChannelLookup = async (channel) => {
      if (!isRehearsalChannel(channel) || competitionOfChannel(channel) !== slug) return undefined;
      const row = await handle.db.selectFrom("competitions").select("id").where("slug", "=", slug).executeTakeFirst();
      return row ? { id: row.id, slug: channel } : undefined;
    };
    const entry = { handle, live: deps.openLive(handle.db, lookup, () => quiet) };
    running.set(slug, entry);
    return entry;
  }

  /** The rehearsal of a competition, reopened from its copy after a restart; null when none runs. */
  function of(slug: string): Running | null {
    const open = running.get(slug);
    if (open) return open;
    if (!fs.existsSync(fileOf(slug))) return null;
    try {
      return serve(slug, openDatabase(fileOf(slug)));
    } catch {
      return null;
    }
  }

  async function discard(slug: string) {
    const open = running.get(slug);
    running.delete(slug);
    await open?.handle.close();
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(fileOf(slug) + suffix, { force: true });
  }

  /** Copies the real database, clears the copy's stage scores and live final, starts it there. */
  async function begin(actor: SessionUser, slug: string): Promise<RehearsalOutcome> {
    await discard(slug);
    fs.mkdirSync(dir, { recursive: true });
    // VACUUM INTO: one consistent copy of the database as it stands, without stopping anyone.
    await sql`VACUUM INTO ${fileOf(slug)}`.execute(deps.db);
    const { live, handle } = serve(slug, openDatabase(fileOf(slug)));
    await clearCopy(handle.db, slug);
    const channel = rehearsalChannel(slug);
    quiet = true;
    try {
      const started = await live.start(actor, channel);
      if (!started.ok) {
        await discard(slug);
        return started;
      }
      // Marked in the stored state, so every screen (and every later snapshot) says "rehearsal".
      await handle.db
        .updateTable("live_state")
        .set({ public: sql`json_set(public, '$.rehearsal', json('true'))` })
        .execute();
      live.forget();
    } finally {
      quiet = false;
    }
    const marked = (await live.snapshot(channel))?.state;
    if (marked) deps.announce(channel, marked);
    return { ok: true };
  }

  /** Closes every copy's handle (server shutdown); the copies stay, and reopen on the next start. */
  async function closeAll() {
    const open = [...running.values()];
    running.clear();
    await Promise.all(open.map((r) => r.handle.close()));
  }

  return { of, discard, begin, closeAll };
}

/** What a lifecycle step did: changed the rehearsal (audited), found nothing to do, or was refused. */
type StepOutcome = RehearsalOutcome | { ok: true; unchanged: true };

export function createRehearsals(deps: RehearsalDeps) {
  const copies = rehearsalCopies(deps);
  const queues = new Map<string, Promise<unknown>>();

  /** One lifecycle step of a competition's rehearsal at a time. */
  function queued<T>(slug: string, task: () => Promise<T>): Promise<T> {
    const run = (queues.get(slug) ?? Promise.resolve()).then(task, task);
    queues.set(
      slug,
      run.catch(() => undefined),
    );
    return run;
  }

  /** A step on a real competition, queued, and audited in the real database when it changed something. */
  const step = (actor: SessionUser, slug: string, action: AuditAction, task: () => Promise<StepOutcome>) =>
    queued(slug, async (): Promise<RehearsalOutcome> => {
      const competition = await deps.competitionBySlug(slug);
      if (!competition) return refuseLive("unknownCompetition");
      const outcome = await task();
      if (!outcome.ok) return outcome;
      if (!("unchanged" in outcome))
        await recordAudit(deps.db, {
          at: deps.clock().toISOString(),
          actor_user_id: actor.id,
          action,
          subject_type: "competition",
          subject_id: competition.id,
          after: JSON.stringify({ channel: rehearsalChannel(competition.slug) }),
          reason: null,
        });
      return { ok: true };
    });

  return {
    /** The live service of a rehearsal's channel, or null when that rehearsal is not running. */
    liveOf: (channel: string): LiveService | null => copies.of(competitionOfChannel(channel))?.live ?? null,
    /** Whether the competition has a rehearsal running. */
    running: (slug: string) => copies.of(slug) !== null,
    /** Starts a rehearsal on a fresh copy; one already running is left as it is. */
    start: (actor: SessionUser, slug: string) =>
      step(actor, slug, "live.rehearsal_started", async () =>
        copies.of(slug) ? { ok: true, unchanged: true } : copies.begin(actor, slug),
      ),
    /** Throws the copy away and starts again on a fresh one: seq 0, the same order and panel. */
    reset: (actor: SessionUser, slug: string) =>
      step(actor, slug, "live.rehearsal_reset", async () =>
        copies.of(slug) ? copies.begin(actor, slug) : refuseLive("noRehearsal"),
      ),
    /** Closes and deletes the copy; the rehearsal's screens show "not started" once reloaded. */
    end: (actor: SessionUser, slug: string) =>
      step(actor, slug, "live.rehearsal_ended", async () => {
        if (!copies.of(slug)) return refuseLive("noRehearsal");
        await copies.discard(slug);
        return { ok: true };
      }),
    close: () => copies.closeAll(),
  };
}

/**
 * The copy as a rehearsal needs it: the real final's pitch order kept as the stage order, then the
 * stage round's scores, results and votes and the competition's live final removed, and nothing
 * left that a mail worker or a session could use.
 */
async function clearCopy(copy: Db, slug: string) {
  await copy.transaction().execute(async (trx) => {
    const competition = await trx.selectFrom("competitions").select("id").where("slug", "=", slug).executeTakeFirst();
    if (!competition) return;
    const round = await stageRoundOf(trx, competition.id);
    const state = await trx
      .selectFrom("live_state")
      .select("control")
      .where("competition_id", "=", competition.id)
      .executeTakeFirst();
    if (round && state) {
      const order = (JSON.parse(state.control) as ControlState).order;
      for (const [i, entryId] of order.entries())
        await trx
          .updateTable("round_entries")
          .set({ stage_order: i + 1 })
          .where("round_id", "=", round.id)
          .where("entry_id", "=", entryId)
          .execute();
    }
    if (round) {
      await trx.deleteFrom("scores").where("round_id", "=", round.id).execute();
      await trx.deleteFrom("results").where("round_id", "=", round.id).execute();
      await trx.deleteFrom("live_votes").where("round_id", "=", round.id).execute();
    }
    // The copy's history starts again: its append-only guard is lifted for this one delete only.
    const guard = (
      await sql<{
        sql: string;
      }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'live_events_no_delete'`.execute(trx)
    ).rows[0];
    if (guard) await sql`DROP TRIGGER live_events_no_delete`.execute(trx);
    await trx.deleteFrom("live_events").where("competition_id", "=", competition.id).execute();
    if (guard) await sql.raw(guard.sql).execute(trx);
    await trx.deleteFrom("live_state").where("competition_id", "=", competition.id).execute();
    await trx.deleteFrom("outbox").execute();
    await trx.deleteFrom("sessions").execute();
  });
}

export type Rehearsals = ReturnType<typeof createRehearsals>;
