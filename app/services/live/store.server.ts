// The live final's store: each competition's control and public state, kept in memory while no
// other connection has written the database since, persisted with every change (live_state +
// append-only live_events, one transaction), and the write queue that lets one task at a time of
// this process change a competition; other processes wait at BEGIN IMMEDIATE (decision 0020), so
// seq never skips or repeats.
import { sql } from "kysely";
import type { Db } from "../../../db/client";
import type { Competition } from "../../../db/schema";
import {
  applyChange,
  upgradeControl,
  upgradePublicState,
  withMovement,
  type Change,
  type ControlState,
  type PublicState,
} from "../../domain/live-final";
import type { UpdateEvent } from "../../live/protocol";
import { liveStateOf } from "../queries/live-state.server";

/** Past this many missed events a client gets a snapshot instead: cheaper than replaying them. */
export const MAX_REPLAY = 500;

/** One competition's live final as the service holds it. */
export type Live = { competitionId: number; slug: string; roundId: number; control: ControlState; state: PublicState };

export type LiveStore = {
  /** Each final as last read or written here, with the database's data_version it was read at. */
  readonly cache: Map<number, { live: Live; dataVersion: number }>;
  readonly queues: Map<number, Promise<unknown>>;
};

export function createLiveStore(): LiveStore {
  return { cache: new Map(), queues: new Map() };
}

/**
 * SQLite's count of commits by OTHER connections (another server process, a CLI): while it stands
 * still, what this process read or wrote itself is still the truth, so the copy in memory serves.
 */
async function dataVersion(db: Db): Promise<number> {
  const { rows } = await sql<{ data_version: number }>`PRAGMA data_version`.execute(db);
  return rows[0]!.data_version;
}

/** Keeps what this process has just written, valid until another connection writes. */
export async function remember(db: Db, store: LiveStore, live: Live) {
  store.cache.set(live.competitionId, { live, dataVersion: await dataVersion(db) });
}

/** Runs `task` after every earlier task of the same competition has finished. */
export function queued<T>(store: LiveStore, competitionId: number, task: () => Promise<T>): Promise<T> {
  const previous = store.queues.get(competitionId) ?? Promise.resolve();
  const run = previous.then(task, task);
  store.queues.set(
    competitionId,
    run.catch(() => undefined),
  );
  return run;
}

/**
 * The competition's live final, from memory while no other connection has written since, or
 * else from the database; null before it starts. Inside a write transaction it is the latest.
 */
export async function load(db: Db, store: LiveStore, competition: Pick<Competition, "id" | "slug">) {
  const version = await dataVersion(db);
  const cached = store.cache.get(competition.id);
  if (cached && cached.dataVersion === version) return cached.live;
  const row = await liveStateOf(db, competition.id);
  if (!row) return null;
  const live: Live = {
    competitionId: competition.id,
    slug: competition.slug,
    roundId: row.round_id,
    control: upgradeControl(JSON.parse(row.control) as ControlState),
    state: upgradePublicState(JSON.parse(row.public) as PublicState),
  };
  store.cache.set(competition.id, { live, dataVersion: version });
  return live;
}

/** Appends the changes as events, folds them into the public state, and stores both states. */
export async function persist(
  trx: Db,
  at: string,
  live: Live,
  control: ControlState,
  changes: readonly Change[],
): Promise<{ next: Live; updates: UpdateEvent[] }> {
  let state = live.state;
  const updates: UpdateEvent[] = [];
  for (const decided of changes) {
    const seq = state.seq + 1;
    // A ranking carries each row's rank before it, so every screen can draw the same arrows.
    const change = withMovement(state, decided);
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

/** Stores a final that has just started (seq 0). */
export async function insertLive(
  trx: Db,
  start: { competitionId: number; roundId: number; control: ControlState; state: PublicState },
) {
  await trx
    .insertInto("live_state")
    .values({
      competition_id: start.competitionId,
      round_id: start.roundId,
      control: JSON.stringify(start.control),
      public: JSON.stringify(start.state),
      seq: 0,
    })
    .execute();
}

/** The stored updates after `lastSeq` up to the live state's seq, in order. */
export async function eventsAfter(db: Db, live: Live, lastSeq: number): Promise<UpdateEvent[]> {
  const rows = await db
    .selectFrom("live_events")
    .select(["seq", "payload"])
    .where("competition_id", "=", live.competitionId)
    .where("seq", ">", lastSeq)
    .where("seq", "<=", live.state.seq)
    .orderBy("seq")
    .execute();
  return rows.map((r) => ({ competition: live.slug, seq: r.seq, change: JSON.parse(r.payload) as Change }));
}
