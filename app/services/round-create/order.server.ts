// An edition's rounds as a list to set up: what each holds, deleting or moving a round nothing
// depends on yet (positions stay 1, 2, 3 without gaps), and entering the submitted entries into the
// first round. Every change is one transaction, audited.
import type { Db } from "../../../db/client";
import { isUntouched, setupChecks, swapPosition } from "../../domain/round-create";
import { refuse, type Outcome } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { criteriaOf } from "../queries/criteria.server";
import { enterInto, roundFootprints, submittedNotIn, type RoundFootprintRow } from "./footprints.server";
import { organizersEdition, refusedAtField, type RoundCreateDeps } from "./shared.server";

/** The rounds with what may be done to each, the entries waiting for the first round, and what to check. */
export async function roundsOverview(deps: RoundCreateDeps, actor: SessionUser, competitionSlug: string) {
  const edition = await organizersEdition(deps.db, actor, competitionSlug);
  if (!edition.ok) return edition;
  const rows = await roundFootprints(deps.db, edition.competition.id);
  const order = rows.map((r) => ({ position: r.position, untouched: isUntouched(r.footprint) }));
  const first = rows[0];
  const waiting =
    first && first.status !== "published" && first.status !== "closed"
      ? (await submittedNotIn(deps.db, edition.competition.id, first.id)).length
      : 0;
  return {
    ok: true as const,
    competition: edition.competition,
    rounds: rows.map(({ footprint, ...r }) => ({
      ...r,
      ...footprint,
      deletable: isUntouched(footprint),
      canMoveUp: swapPosition(order, r.position, "up") !== null,
      canMoveDown: swapPosition(order, r.position, "down") !== null,
    })),
    waiting,
    checks: setupChecks(
      rows.map((r) => ({
        slug: r.slug,
        position: r.position,
        kind: r.kind,
        advanceCount: r.advance_count,
        weightBp: r.weightBp,
      })),
    ),
  };
}

/** The edition's rounds and the named one, read in the caller's transaction. */
async function roundOfEdition(trx: Db, actor: SessionUser, competitionSlug: string, roundSlug: string) {
  const edition = await organizersEdition(trx, actor, competitionSlug);
  if (!edition.ok) return edition;
  const rounds = await roundFootprints(trx, edition.competition.id);
  const round = rounds.find((r) => r.slug === roundSlug);
  if (!round) return refuse.notFound("round.notFound");
  return { ok: true as const, competition: edition.competition, rounds, round };
}

/** Why a round's judging has started to depend on it, in numbers, or null when nothing does. */
function inUseRefusal(round: RoundFootprintRow, code: string) {
  if (isUntouched(round.footprint)) return null;
  const { status, entries, assignments, scores } = round.footprint;
  return refuse.conflict(code, { round: round.slug, status, entries, assignments, scores });
}

/** Moves the rounds at `positions` to new ones without ever holding two at one position. */
async function reposition(trx: Db, moves: readonly { id: number; to: number }[]) {
  // The unique (competition, position) index is checked row by row: park each round past the end first.
  for (const [i, m] of moves.entries())
    await trx
      .updateTable("rounds")
      .set({ position: 100_000 + i })
      .where("id", "=", m.id)
      .execute();
  for (const m of moves) await trx.updateTable("rounds").set({ position: m.to }).where("id", "=", m.id).execute();
}

/**
 * Deletes a draft round nothing depends on (no entries, judges, scores or results), with its
 * rubric; the rounds after it move up one place. Needs the organizer's confirmation. The audit
 * row keeps the whole round and its rubric, so it can be added again as it was.
 */
export async function deleteRound(
  deps: RoundCreateDeps,
  actor: SessionUser,
  competitionSlug: string,
  roundSlug: string,
  confirmed: boolean,
): Promise<Outcome<{ movedUp: string[] }>> {
  return inTransaction(deps.db, async (trx) => {
    const found = await roundOfEdition(trx, actor, competitionSlug, roundSlug);
    if (!found.ok) return found;
    const { competition, rounds, round } = found;
    const inUse = inUseRefusal(round, "roundCreate.deleteInUse");
    if (inUse) return inUse;
    if (!confirmed) return refusedAtField("invalid", "confirm", "roundCreate.confirmDelete", { round: round.slug });
    const [before, criteria] = await Promise.all([
      trx.selectFrom("rounds").selectAll().where("id", "=", round.id).executeTakeFirstOrThrow(),
      criteriaOf(trx, round.id),
    ]);
    await trx.deleteFrom("rounds").where("id", "=", round.id).execute();
    const later = rounds.filter((r) => r.position > round.position);
    await reposition(
      trx,
      later.map((r) => ({ id: r.id, to: r.position - 1 })),
    );
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.deleted",
      subject_type: "competition",
      subject_id: competition.id,
      before: JSON.stringify({ round: before, criteria }),
      after: JSON.stringify({ movedUp: later.map((r) => r.slug) }),
    });
    return { ok: true, movedUp: later.map((r) => r.slug) };
  });
}

/** Swaps a round with the one before or after it, while neither has entries, judges or scores. */
export async function moveRound(
  deps: RoundCreateDeps,
  actor: SessionUser,
  competitionSlug: string,
  roundSlug: string,
  direction: "up" | "down",
): Promise<Outcome<{ position: number }>> {
  return inTransaction(deps.db, async (trx) => {
    const found = await roundOfEdition(trx, actor, competitionSlug, roundSlug);
    if (!found.ok) return found;
    const { rounds, round } = found;
    const targetPosition = direction === "up" ? round.position - 1 : round.position + 1;
    const other = rounds.find((r) => r.position === targetPosition);
    if (!other) return refuse.conflict("roundCreate.cannotMoveFurther", { round: round.slug });
    const inUse = inUseRefusal(round, "roundCreate.moveInUse") ?? inUseRefusal(other, "roundCreate.moveInUse");
    if (inUse) return inUse;
    await reposition(trx, [
      { id: round.id, to: other.position },
      { id: other.id, to: round.position },
    ]);
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.moved",
      subject_type: "round",
      subject_id: round.id,
      before: JSON.stringify({ position: round.position }),
      after: JSON.stringify({ position: other.position, swappedWith: other.slug }),
    });
    return { ok: true, position: other.position };
  });
}

/**
 * Enters every submitted entry of the edition that is not yet in the first round into it (later
 * rounds are filled by advancement). Withdrawn or disqualified entries stay out; pressing it again
 * after late submissions adds only the new ones. Refused once the round is closed.
 */
export async function enterSubmitted(
  deps: RoundCreateDeps,
  actor: SessionUser,
  competitionSlug: string,
  roundSlug: string,
): Promise<Outcome<{ entered: number }>> {
  return inTransaction(deps.db, async (trx) => {
    const found = await roundOfEdition(trx, actor, competitionSlug, roundSlug);
    if (!found.ok) return found;
    const { competition, round } = found;
    if (round.position !== 1) return refuse.conflict("roundCreate.enterFirstOnly");
    if (round.status === "closed" || round.status === "published") return refuse.conflict("roundCreate.enterClosed");
    const ids = await submittedNotIn(trx, competition.id, round.id);
    const entered = await enterInto(trx, round.id, ids);
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.entries_entered",
      subject_type: "round",
      subject_id: round.id,
      after: JSON.stringify({ entered, total: round.footprint.entries + entered }),
    });
    return { ok: true, entered };
  });
}

/**
 * Takes the entries out of the first round again, to undo entering them, while nothing depends on
 * them yet: the round is a draft without judges, scores or results.
 */
export async function emptyFirstRound(
  deps: RoundCreateDeps,
  actor: SessionUser,
  competitionSlug: string,
  roundSlug: string,
): Promise<Outcome<{ removed: number }>> {
  return inTransaction(deps.db, async (trx) => {
    const found = await roundOfEdition(trx, actor, competitionSlug, roundSlug);
    if (!found.ok) return found;
    const { round } = found;
    if (round.position !== 1) return refuse.conflict("roundCreate.enterFirstOnly");
    const { status, assignments, scores, results, live } = round.footprint;
    if (status !== "draft" || assignments + scores + results > 0 || live)
      return refuse.conflict("roundCreate.emptyInUse", { round: round.slug, assignments, scores });
    const removed = await trx.deleteFrom("round_entries").where("round_id", "=", round.id).executeTakeFirst();
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.entries_removed",
      subject_type: "round",
      subject_id: round.id,
      before: JSON.stringify({ entries: round.footprint.entries }),
      after: JSON.stringify({ entries: 0 }),
    });
    return { ok: true, removed: Number(removed.numDeletedRows) };
  });
}
