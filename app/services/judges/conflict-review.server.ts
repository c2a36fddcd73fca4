// The review of suggested conflicts at the scale of 150 judges: a filtered, paged list, and bulk
// decisions (confirm, dismiss, re-open) with one reason, previewed in numbers first, applied in
// one transaction and audited as one row that lists every conflict id it changed.
import type { Db } from "../../../db/client";
import type { ConflictEvidence } from "../../domain/conflict-detection";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import {
  bulkTargets,
  judgesWithConflicts,
  reviewCount,
  reviewPage,
  reviewTallies,
  type ReviewFilter,
} from "../queries/conflict-review.server";
import { assignmentsWithSheets } from "../queries/scores.server";
import { unassignConflicted } from "./conflicts.server";
import { auditJudge, type JudgeDeps } from "./shared.server";

export type { ReviewFilter, ReviewStatus } from "../queries/conflict-review.server";

export const REVIEW_PAGE_SIZE = 50;

export type BulkAction = "confirm" | "dismiss" | "reopen";
export type BulkRequest = {
  action: BulkAction;
  filter: ReviewFilter;
  /** The checked rows; null: every conflict the filter matches. */
  ids: readonly number[] | null;
};

const NEXT_STATUS = { confirm: "confirmed", dismiss: "dismissed", reopen: "pending" } as const;
const isOrganizer = (actor: SessionUser) => actor.roles.includes("organizer");

const parseEvidence = (text: string | null): ConflictEvidence[] => {
  if (!text) return [];
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? (value as ConflictEvidence[]) : [];
  } catch {
    return [];
  }
};

/** One page of the filtered conflicts with their evidence, the filter's totals, and the filters' choices. */
export async function reviewConflicts(deps: JudgeDeps, competitionId: number, filter: ReviewFilter, page: number) {
  const [count, tallies, judges] = await Promise.all([
    reviewCount(deps.db, competitionId, filter),
    reviewTallies(deps.db, competitionId),
    judgesWithConflicts(deps.db, competitionId, filter.status),
  ]);
  const pages = Math.max(1, Math.ceil(count.conflicts / REVIEW_PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pages);
  const rows = await reviewPage(deps.db, competitionId, filter, {
    limit: REVIEW_PAGE_SIZE,
    offset: (current - 1) * REVIEW_PAGE_SIZE,
  });
  return {
    rows: rows.map(({ evidence, ...row }) => ({ ...row, evidence: parseEvidence(evidence) })),
    count,
    page: current,
    pages,
    tallies,
    judges: judges.map((j) => ({ id: j.id, name: j.name, n: Number(j.n) })),
  };
}

/** A bulk action only moves conflicts out of the status it starts from. */
function checkRequest(actor: SessionUser, request: BulkRequest): Outcome {
  if (!isOrganizer(actor)) return refuse.forbidden("errors.forbidden");
  const from = request.action === "reopen" ? ["confirmed", "dismissed"] : ["pending"];
  if (!from.includes(request.filter.status)) return refuse.invalid("conflictReview.bulk.wrongStatus", "decision");
  if (request.ids && request.ids.length === 0) return refuse.invalid("conflictReview.bulk.noneChecked", "ids");
  return { ok: true };
}

/** How many unscored pairs of rounds still being judged a confirmation would take away. */
async function openPairsOf(db: Db, targets: readonly { judge_id: number; entry_id: number | null }[]) {
  if (!targets.length) return 0;
  const wanted = new Set(targets.map((t) => `${t.judge_id}:${t.entry_id}`));
  const judgeIds = [...new Set(targets.map((t) => t.judge_id))];
  const open = await assignmentsWithSheets(db)
    .innerJoin("rounds as r", "r.id", "a.round_id")
    .where("r.status", "in", ["draft", "open"])
    .where("a.judge_id", "in", judgeIds)
    .where((eb) => eb.or([eb("s.status", "is", null), eb("s.status", "=", "draft")]))
    .select(["a.judge_id", "a.entry_id"])
    .execute();
  return open.filter((p) => wanted.has(`${p.judge_id}:${p.entry_id}`)).length;
}

export type BulkPreview = { conflicts: number; judges: number; unassigned: number };

/** What a bulk decision would change, in numbers, before anything is written. */
export async function previewBulk(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  request: BulkRequest & { reason: string | null },
): Promise<Outcome<{ preview: BulkPreview }>> {
  const checked = checkRequest(actor, request);
  if (!checked.ok) return checked;
  // Asked before the preview, so the confirmation step carries everything it will write.
  if (!request.reason) return refuse.invalid("conflictReview.bulk.reasonRequired", "reason");
  const targets = await bulkTargets(deps.db, competitionId, request.filter, request.ids);
  if (!targets.length) return refuse.invalid("conflictReview.bulk.nothing", "ids");
  const unassigned = request.action === "confirm" ? await openPairsOf(deps.db, targets) : 0;
  return {
    ok: true,
    preview: { conflicts: targets.length, judges: new Set(targets.map((t) => t.judge_id)).size, unassigned },
  };
}

/**
 * Applies a bulk decision with one reason, all or nothing: when the conflicts it finds are not
 * the number the organizer was shown (someone decided some meanwhile), nothing changes.
 */
export async function applyBulk(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  request: BulkRequest & { reason: string | null; expected: number },
): Promise<Outcome<{ changed: number; judges: number; unassigned: number }>> {
  const checked = checkRequest(actor, request);
  if (!checked.ok) return checked;
  if (!request.reason) return refuse.invalid("conflictReview.bulk.reasonRequired", "reason");
  return inTransaction(deps.db, async (trx) => {
    const targets = await bulkTargets(trx, competitionId, request.filter, request.ids);
    if (!targets.length) return refuse.invalid("conflictReview.bulk.nothing", "ids");
    if (targets.length !== request.expected)
      return refuse.conflict("conflictReview.bulk.changed", { expected: request.expected, found: targets.length });
    const ids = targets.map((t) => t.id);
    const status = NEXT_STATUS[request.action];
    for (let i = 0; i < ids.length; i += 500)
      await trx
        .updateTable("judge_conflicts")
        .set({ status, reason: request.reason })
        .where("id", "in", ids.slice(i, i + 500))
        .execute();
    let unassigned = 0;
    if (request.action === "confirm")
      for (const t of targets) unassigned += await unassignConflicted(trx, t.judge_id, t.entry_id!);
    const judges = new Set(targets.map((t) => t.judge_id)).size;
    await auditJudge(
      trx,
      actor,
      { action: `conflict.bulk_${request.action}`, subject: "competition", id: competitionId },
      { status, conflictIds: ids, judges, unassigned },
      { reason: request.reason, before: { status: request.filter.status } },
    );
    return { ok: true, changed: ids.length, judges, unassigned };
  });
}
