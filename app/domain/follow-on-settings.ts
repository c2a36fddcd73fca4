// The organizers' follow-on settings form: which round's entries take part, the request caps, and
// the forum's meeting grid (app/domain/schedule-grid.ts). One schema for the browser and the
// server, each problem at its field.
import { z } from "zod";
import { scheduleSettingsSchema } from "./schedule-grid";

const whole = (min: number, max: number, code: string) =>
  z.coerce.number({ error: code }).int({ error: code }).min(min, { error: code }).max(max, { error: code });

const rulesSchema = z.object({
  // Whether the round belongs to the edition is the service's question: the form only needs a number.
  needsRoundId: whole(1, Number.MAX_SAFE_INTEGER, "schedule.errors.needsRound"),
  capPerPartner: whole(1, 500, "schedule.errors.capPerPartner"),
  capPerEntryPerKind: whole(1, 100, "schedule.errors.capPerEntryPerKind"),
});

export const followOnSettingsSchema = rulesSchema.and(scheduleSettingsSchema);
export type FollowOnSettingsForm = z.infer<typeof followOnSettingsSchema>;
