// The organizers' follow-on settings and meeting schedule as one service (`context.services.followOn`).
// Each function checks that an organizer asks.
import type { SessionUser } from "../auth/deps.server";
import {
  confirmSchedule,
  previewSchedule,
  publishAudience,
  publishSchedule,
  undoLastRun,
  type ScheduleDeps,
} from "./schedule.server";
import { scheduleView } from "./schedule-view.server";
import { saveSettings, settingsPage } from "./settings.server";

export function createFollowOnService(deps: ScheduleDeps) {
  const { db } = deps;
  return {
    /** The settings form's values, the edition's rounds and the requests by state. */
    settings: (actor: SessionUser, competitionId: number) => settingsPage(db, actor, competitionId),
    saveSettings: (actor: SessionUser, competitionId: number, raw: Record<string, unknown>) =>
      saveSettings(deps, actor, competitionId, raw),
    /** The stored schedule: placed by slot and table, unplaced with reasons, the last run, published or not. */
    schedule: (actor: SessionUser, competitionId: number) => scheduleView(db, actor, competitionId),
    /** What a scheduling run would do now, with the fingerprint its confirmation must send back. */
    preview: (actor: SessionUser, competitionId: number) => previewSchedule(deps, actor, competitionId),
    confirm: (actor: SessionUser, competitionId: number, fingerprint: string) =>
      confirmSchedule(deps, actor, competitionId, fingerprint),
    undo: (actor: SessionUser, competitionId: number) => undoLastRun(deps, actor, competitionId),
    /** How many people publishing now would e-mail. */
    audience: (actor: SessionUser, competitionId: number) => publishAudience(deps, actor, competitionId),
    publish: (actor: SessionUser, competitionId: number, expected: number) =>
      publishSchedule(deps, actor, competitionId, expected),
  };
}

export type FollowOnService = ReturnType<typeof createFollowOnService>;
