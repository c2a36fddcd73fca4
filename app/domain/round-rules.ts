// Schemas for the parts of a round's rule that are stored as JSON.
import { z } from "zod";

export const tieBreakKeySchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("untrimmed-mean") }),
  z.object({ kind: z.literal("median") }),
  z.object({ kind: z.literal("criterion"), criterionId: z.string().regex(/^\d+$/) }),
  z.object({ kind: z.literal("previous-round") }),
]);

export const tieBreaksSchema = z.array(tieBreakKeySchema).max(8);
