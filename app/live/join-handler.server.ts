// The `join` event: a screen follows a competition, and is brought up to date by a replay of what
// it missed or by a snapshot; organizers join the control room, panel judges their own room.
import type { SessionUser } from "../services/auth.server";
import { sendControlView, sendJudgeView } from "./broadcast.server";
import { currentUser, fail, judgeRoom, type HubDeps, type LiveNamespace, type LiveSocket } from "./hub-socket.server";
import { presenceOf } from "./presence.server";
import { channelRefusal, competitionRoom, controlRoom, joinMessage } from "./protocol";
import { allowed, spend } from "./rate-limit.server";

/**
 * A returning client that missed at most this many updates gets them replayed; one that missed
 * more gets one snapshot. Each ten replayed updates cost the socket one more message of its
 * rate, so a flood of `join`s with an old `lastSeq` cannot make the server serialise a backlog.
 */
export const REPLAY_LIMIT = 50;
const REPLAY_PER_TOKEN = 10;

type JoinDeps = Pick<HubDeps, "services">;

/** Sends the socket what it missed since `lastSeq`, or the snapshot; true when the competition exists. */
async function catchUp(deps: JoinDeps, socket: LiveSocket, slug: string, lastSeq: number | undefined) {
  const snapshot = await deps.services.live.snapshot(slug);
  if (!snapshot) return false;
  const seq = snapshot.state?.seq ?? 0;
  const missed = lastSeq === undefined ? Infinity : seq - lastSeq;
  // A small gap is replayed at its cost in tokens; a large one, or one the socket cannot
  // pay for, gets the snapshot, which costs the server the same whatever the gap.
  const replayable = missed >= 0 && missed <= REPLAY_LIMIT && spend(socket, Math.ceil(missed / REPLAY_PER_TOKEN));
  const replay = replayable ? await deps.services.live.updatesSince(slug, lastSeq!) : null;
  await socket.join(competitionRoom(slug));
  // Replayed updates are sent before anything broadcast later: the socket's own order.
  const serverNow = Date.now();
  if (replay) for (const update of replay) socket.emit("update", { ...update, serverNow });
  else socket.emit("snapshot", { ...snapshot, serverNow });
  return true;
}

/** Organizers join the control room, judges their own room, each with their view. */
async function joinPrivateRooms(
  live: LiveNamespace,
  deps: JoinDeps,
  socket: LiveSocket,
  user: SessionUser | null,
  slug: string,
) {
  if (user?.roles.includes("organizer")) {
    await socket.join(controlRoom(slug));
    await sendControlView(live, deps.services, slug, socket.id);
  }
  if (user?.roles.includes("judge")) {
    await socket.join(judgeRoom(slug, user.id));
    const view = await sendJudgeView(live, deps.services, socket, user, slug);
    if (view) presenceOf(live)?.joined(socket, slug, user.id, view.seat);
  }
}

export function registerJoinHandler(live: LiveNamespace, socket: LiveSocket, deps: JoinDeps) {
  socket.on("join", async (message: unknown) => {
    if (!allowed(socket)) return;
    const parsed = joinMessage.safeParse(message);
    if (!parsed.success) return fail(socket, channelRefusal("invalidPayload"));
    const { competition: slug, lastSeq } = parsed.data;
    try {
      if (!(await catchUp(deps, socket, slug, lastSeq))) return fail(socket, channelRefusal("unknownCompetition"));
      await joinPrivateRooms(live, deps, socket, await currentUser(deps.services, socket), slug);
    } catch {
      fail(socket, channelRefusal("invalidPayload"));
    }
  });
}
