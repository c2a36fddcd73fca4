// The organizer's results of a round: the ranking by the round's rule, a preview under another
// rule, who advances (rule, cap, overrides with reasons), publication and export. The use cases
// live in results-view, results-advancement and results-export; this binds them to one database.
import type { Db } from "../../db/client";
import type { SessionUser } from "./auth.server";
import { applyRule, override, publish, type AdvancementDeps, type Decision } from "./results-advancement.server";
import { exportRows } from "./results-export.server";
import { preview, refresh, view, type RuleVariant } from "./results-view.server";

export type { RuleVariant } from "./results-view.server";

export function createResultsAdmin(db: Db, clock: () => Date) {
  const deps: AdvancementDeps = { db, clock };
  return {
    refresh: (roundId: number) => refresh(db, clock, roundId),
    view: (roundId: number, unit: string | null) => view(db, roundId, unit),
    preview: (roundId: number, unit: string, variant: RuleVariant) => preview(db, roundId, unit, variant),
    applyRule: (actor: SessionUser, roundId: number) => applyRule(deps, actor, roundId),
    override: (actor: SessionUser, roundId: number, entryId: number, decision: Decision, reason: string) =>
      override(deps, actor, roundId, entryId, decision, reason),
    publish: (actor: SessionUser, roundId: number) => publish(deps, actor, roundId),
    exportRows: (actor: SessionUser, roundId: number) => exportRows(db, actor, roundId),
  };
}

export type ResultsAdmin = ReturnType<typeof createResultsAdmin>;
