// The organizer's results of a round: the ranking by the round's rule, a preview under another
// rule, who advances (rule, cap, overrides with reasons), publication (with its preview and its
// reversal) and export. The use cases live in results-view, results-advancement, results-publication,
// round-guards and results-export; this binds them to one database.
import type { Db } from "../../db/client";
import type { SessionUser } from "./auth.server";
import type { PublishConfirmation } from "../domain/round-guards";
import { applyRule, override, type AdvancementDeps, type Decision } from "./results-advancement.server";
import { exportRows } from "./results-export.server";
import { outcomeAudience, outcomeDelivery } from "./messages/round-outcomes.server";
import { existingRound } from "./queries/rounds.server";
import { publish, unpublish, type PublicationDeps } from "./results-publication.server";
import { publishPreview, unpublishPreview } from "./round-guards.server";
import { preview, refresh, view, type RuleVariant } from "./results-view.server";

export type { RuleVariant } from "./results-view.server";

export function createResultsAdmin(
  db: Db,
  clock: () => Date,
  publicOrigin: () => string = () => "http://localhost:3000",
) {
  const deps: AdvancementDeps = { db, clock };
  const publication: PublicationDeps = { ...deps, publicOrigin };
  return {
    refresh: (roundId: number) => refresh(db, clock, roundId),
    view: (roundId: number, unit: string | null) => view(db, roundId, unit),
    preview: (roundId: number, unit: string, variant: RuleVariant) => preview(db, roundId, unit, variant),
    applyRule: (actor: SessionUser, roundId: number) => applyRule(deps, actor, roundId),
    override: (actor: SessionUser, roundId: number, entryId: number, decision: Decision, reason: string) =>
      override(deps, actor, roundId, entryId, decision, reason),
    /** The publish plan, and how many entrants publishing e-mails their outcome. */
    publishPreview: async (roundId: number) => {
      const plan = await publishPreview(db, roundId);
      return plan ? { ...plan, emailed: await outcomeAudience(db, roundId) } : null;
    },
    publish: (actor: SessionUser, roundId: number, confirmation: PublishConfirmation) =>
      publish(publication, actor, roundId, confirmation),
    /** What unpublishing undoes, and how many outcome messages already went (the rest are cancelled). */
    unpublishPreview: async (roundId: number) => {
      const preview = await unpublishPreview(db, roundId);
      return preview ? { ...preview, messages: await outcomeDelivery(db, await existingRound(db, roundId)) } : null;
    },
    unpublish: (actor: SessionUser, roundId: number, reason: string | null) => unpublish(deps, actor, roundId, reason),
    exportRows: (actor: SessionUser, roundId: number) => exportRows(db, actor, roundId),
  };
}

export type ResultsAdmin = ReturnType<typeof createResultsAdmin>;
