// The filter of a round's judge–entry table as its query string carries it (the page, the CSV and
// the Excel download read the same one); anything malformed falls back to no filter.
import { z } from "zod";

export const PAIR_STATUSES = ["assigned", "draft", "scored", "conflict"] as const;
export type PairStatus = (typeof PAIR_STATUSES)[number];
export type PairFilter = { judgeId?: number | undefined; status?: PairStatus | undefined; code?: string | undefined };

const querySchema = z.object({
  view: z.enum(["judges", "pairs"]).catch("judges"),
  judge: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(PAIR_STATUSES).optional().catch(undefined),
  code: z.string().trim().max(20).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

/** The view, the filter and the page of the query string. */
export function pairFilterOf(search: URLSearchParams): { view: "judges" | "pairs"; filter: PairFilter; page: number } {
  const q = querySchema.parse({
    view: search.get("view") ?? undefined,
    judge: search.get("judge") || undefined,
    status: search.get("status") || undefined,
    code: search.get("code") || undefined,
    page: search.get("page") ?? undefined,
  });
  return { view: q.view, filter: { judgeId: q.judge, status: q.status, code: q.code || undefined }, page: q.page };
}

/** The filter as a query string (for the page links and the downloads). */
export function pairQuery(filter: PairFilter): string {
  const q = new URLSearchParams();
  if (filter.judgeId) q.set("judge", String(filter.judgeId));
  if (filter.status) q.set("status", filter.status);
  if (filter.code) q.set("code", filter.code);
  return q.toString();
}
