// Judges of a competition: creating and inviting them, their expertise and conflicts, and the
// conflicts the system suggests for the organizer to confirm or dismiss. Each use case lives in
// app/services/judges/; this factory binds them to the database, the secret and the clock.
import type { Db } from "../../db/client";
import { JUDGE_CSV_COLUMNS } from "../domain/judge-schemas";
import type { SessionUser } from "./auth.server";
import {
  addConflict,
  decideConflict,
  pendingConflicts,
  suggestConflicts,
  type ConflictInput,
} from "./judges/conflicts.server";
import {
  applyBulk,
  previewBulk,
  reviewConflicts,
  type BulkRequest,
  type ReviewFilter,
} from "./judges/conflict-review.server";
import { reviewTallies } from "./queries/conflict-review.server";
import { acceptInvite, checkInvite, inviteLink } from "./judges/invites.server";
import {
  invitationPreview,
  invitationState,
  resendInvitation,
  sendInvitations,
  type InvitationDeps,
} from "./judges/invitation-mail.server";
import { createJudge, importJudges, updateJudge } from "./judges/records.server";
import { judgeDetail, listJudges } from "./judges/roster.server";
import type { JudgeDeps } from "./judges/shared.server";

export type { BulkAction, BulkPreview, BulkRequest, ReviewFilter, ReviewStatus } from "./judges/conflict-review.server";
export { REVIEW_PAGE_SIZE } from "./judges/conflict-review.server";
export type { JudgeImportReport, JudgeProblem } from "./judges/records.server";

export function createJudgeService(db: Db, options: { secret: string; clock: () => Date; publicOrigin: () => string }) {
  const deps: JudgeDeps = { db, secret: options.secret, clock: options.clock };
  const mail: InvitationDeps = { ...deps, publicOrigin: options.publicOrigin };
  return {
    list: (competitionId: number, q?: string) => listJudges(db, competitionId, q),
    detail: (competitionId: number, judgeId: number) => judgeDetail(db, competitionId, judgeId),
    create: (actor: SessionUser, competitionId: number, raw: Record<string, unknown>) =>
      createJudge(deps, actor, competitionId, raw),
    update: (actor: SessionUser, competitionId: number, judgeId: number, raw: Record<string, unknown>) =>
      updateJudge(deps, actor, competitionId, judgeId, raw),
    importCsv: (actor: SessionUser, competitionId: number, records: Record<string, string>[], dryRun: boolean) =>
      importJudges(deps, actor, competitionId, records, dryRun),
    columns: JUDGE_CSV_COLUMNS,
    inviteLink: (actor: SessionUser, competitionId: number, judgeId: number) =>
      inviteLink(deps, actor, competitionId, judgeId),
    checkInvite: (token: string) => checkInvite(deps, token),
    /** Who "send invitations" reaches now (not accepted), first-time and re-sends apart. */
    invitationPreview: (actor: SessionUser, competitionId: number) => invitationPreview(mail, actor, competitionId),
    /** E-mails every judge on the confirmed list (its fingerprint) a fresh single-use link. */
    sendInvitations: (actor: SessionUser, competitionId: number, fingerprint: string) =>
      sendInvitations(mail, actor, competitionId, fingerprint),
    invitationState: (competitionId: number, judgeId: number) => invitationState(mail, competitionId, judgeId),
    resendInvitation: (actor: SessionUser, competitionId: number, judgeId: number, lastSeen: number) =>
      resendInvitation(mail, actor, competitionId, judgeId, lastSeen),
    acceptInvite: (token: string, password: string) => acceptInvite(deps, token, password),
    addConflict: (actor: SessionUser, competitionId: number, judgeId: number, input: ConflictInput) =>
      addConflict(deps, actor, competitionId, judgeId, input),
    suggestConflicts: (actor: SessionUser, competitionId: number) => suggestConflicts(deps, actor, competitionId),
    pendingConflicts: (competitionId: number, limit?: number) => pendingConflicts(deps, competitionId, limit),
    decideConflict: (
      actor: SessionUser,
      competitionId: number,
      conflictId: number,
      decision: "confirmed" | "dismissed",
      reason: string | null,
    ) => decideConflict(deps, actor, competitionId, conflictId, decision, reason),
    /** Per state and confidence band, how many suggested conflicts there are. */
    conflictTallies: (competitionId: number) => reviewTallies(db, competitionId),
    /** The suggested conflicts filtered and paged, with their evidence (see reviewConflicts). */
    reviewConflicts: (competitionId: number, filter: ReviewFilter, page: number) =>
      reviewConflicts(deps, competitionId, filter, page),
    /** What a bulk decision would change, in numbers; nothing is written. */
    previewBulk: (actor: SessionUser, competitionId: number, request: BulkRequest & { reason: string | null }) =>
      previewBulk(deps, actor, competitionId, request),
    /** A bulk decision with one reason, in one transaction, refused if the count changed since the preview. */
    applyBulk: (
      actor: SessionUser,
      competitionId: number,
      request: BulkRequest & { reason: string | null; expected: number },
    ) => applyBulk(deps, actor, competitionId, request),
  };
}

export type JudgeService = ReturnType<typeof createJudgeService>;
