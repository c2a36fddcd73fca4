import type { Db } from "../../db/client";
import { createAssignmentService } from "./assignment.server";
import { createAuthService } from "./auth.server";
import { createCompetitionService } from "./competitions.server";
import { createDeckService } from "./decks/index.server";
import { createDemoService } from "./demo.server";
import { createEditionService } from "./editions/index.server";
import { createEntryService } from "./entries.server";
import { createEntryAdminService } from "./entry-admin.server";
import { createEntryClaimService } from "./entry-claims.server";
import { createEntryImportService } from "./entry-import.server";
import { createAuthRateLimits, type AuthRateLimitOptions } from "./rate-limit.server";
import { createJudgeService } from "./judges.server";
import { createJudgingDashboard } from "./judging-dashboard.server";
import { createJudgingService } from "./judging.server";
import { createLivePublisher, type LivePublisher } from "../live/publisher.server";
import { createLiveService } from "./live/index.server";
import { createRegistrationService } from "./registration.server";
import { createResultsAdmin } from "./results-admin.server";
import { createRoundCreateService } from "./round-create.server";
import { createRoundService } from "./rounds.server";
import { createResultsQueries } from "./results-query.server";
import { createResultsService } from "./results.server";

export type ServiceConfig = {
  sessionSecret: string;
  secureCookies?: boolean;
  rateLimits?: AuthRateLimitOptions;
  /** The time as the services see it: deadlines are checked against it (tests move it). */
  clock?: () => Date;
  /** Hears the live final's changes (server.ts hands in the one the hub listens on; tests may omit it). */
  publisher?: LivePublisher;
  /** Where people reach the site (PUBLIC_URL): every link a message carries starts with it. */
  publicOrigin?: string;
  /** The data directory (beside the database): uploaded files live under it. */
  dataDir?: string;
};

/** Every use case the routes may call, built once per process around one database handle. */
export function createServices(db: Db, config: ServiceConfig) {
  const clock = config.clock ?? (() => new Date());
  return {
    assignment: createAssignmentService(db),
    auth: createAuthService(db, {
      sessionSecret: config.sessionSecret,
      secureCookies: config.secureCookies ?? false,
      limits: createAuthRateLimits(config.rateLimits, clock),
      clock,
    }),
    competitions: createCompetitionService(db, clock),
    editions: createEditionService(db, clock),
    entries: createEntryService(db),
    decks: createDeckService(db, { clock, dataDir: config.dataDir }),
    results: createResultsQueries(db),
    demo: createDemoService(db),
    registration: createRegistrationService(db, clock),
    entryAdmin: createEntryAdminService(db, clock),
    entryImport: createEntryImportService(db, { clock, secret: config.sessionSecret }),
    entryClaims: createEntryClaimService(db, { secret: config.sessionSecret, clock }),
    judges: createJudgeService(db, { secret: config.sessionSecret, clock }),
    judging: createJudgingService(db, clock),
    judgingDashboard: createJudgingDashboard(db),
    live: createLiveService(db, {
      clock,
      publisher: config.publisher ?? createLivePublisher(),
      competitionBySlug: createCompetitionService(db).bySlug,
      roundInputs: (trx, roundId) => createResultsService(trx).loadInputs(roundId),
    }),
    rounds: createRoundService(db, clock),
    roundCreate: createRoundCreateService(db, clock),
    resultsAdmin: createResultsAdmin(db, clock),
  };
}

export type Services = ReturnType<typeof createServices>;
