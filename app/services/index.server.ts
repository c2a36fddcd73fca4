import type { Db } from "../../db/client";
import { createAssignmentService } from "./assignment.server";
import { createAuthService } from "./auth.server";
import { createPasswordResetService } from "./auth/password-reset.server";
import { createResetLimits, type ResetLimitOptions } from "./auth/reset-limits.server";
import { createCompetitionService } from "./competitions.server";
import { createDeckService } from "./decks/index.server";
import { createDemoService } from "./demo.server";
import { createEditionService } from "./editions/index.server";
import { createEntryService } from "./entries.server";
import { createAgendaService } from "./follow-on/agenda.server";
import { createOutcomeService } from "./follow-on/outcomes-service.server";
import { createMatchingService } from "./follow-on/matching-service.server";
import { createPartnerService } from "./follow-on/partners-service.server";
import { createPartnerSelfService } from "./follow-on/partner-self.server";
import { createPartnerImportService } from "./follow-on/partner-import.server";
import { createFollowOnService } from "./follow-on/follow-on-service.server";
import { createEntryAdminService } from "./entry-admin.server";
import { createEntryClaimService } from "./entry-claims.server";
import { createEntryImportService } from "./entry-import.server";
import type { Limiters } from "./limiter-store.server";
import { createAuthRateLimits, type AuthRateLimitOptions } from "./rate-limit.server";
import { createJudgeService } from "./judges.server";
import { createJudgingDashboard } from "./judging-dashboard.server";
import { createJudgingService } from "./judging.server";
import { createLivePublisher, type LivePublisher } from "../live/publisher.server";
import { createEmbeddingService } from "./live/embedding.server";
import { createLiveService, dispatchByChannel } from "./live/index.server";
import { createRehearsals } from "./live/rehearsal.server";
import { createVoteService } from "./live/votes/index.server";
import { createOutboxAdmin } from "./messages/outbox-admin.server";
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
  /** Where the rate limits count: this process's memory unless REDIS_URL shares them (server.ts). */
  limiters?: Limiters;
  /** The time as the services see it: deadlines are checked against it (tests move it). */
  clock?: () => Date;
  /** Hears the live final's changes (server.ts hands in the one the hub listens on; tests may omit it). */
  publisher?: LivePublisher;
  /** Where people reach the site (PUBLIC_URL): every link a message carries starts with it. */
  publicOrigin?: string;
  /** The data directory (beside the database): uploaded files live under it. */
  dataDir?: string;
  /** Told after a transaction that queued a message commits (server.ts nudges the outbox worker). */
  onMessageQueued?: () => void;
  /** Whether a mail server sends the outbox (SMTP_URL); without one messages wait to be read. */
  mailConfigured?: boolean;
  /** "Forgot password" limits per address and per client address. */
  resetLimits?: ResetLimitOptions;
  /** The least time a "forgot password" answer takes (tests may shorten it). */
  resetAnswerFloorMs?: number;
};

/** Every use case the routes may call, built once per process around one database handle. */
export function createServices(db: Db, config: ServiceConfig) {
  const clock = config.clock ?? (() => new Date());
  // Read when a link is written: without PUBLIC_URL (tests, the demo) the port is known only once
  // the server listens; scripts without a server point at the default local one.
  const publicOrigin = () => config.publicOrigin ?? "http://localhost:3000";
  const onMessageQueued = config.onMessageQueued ?? (() => {});
  const auth = createAuthService(db, {
    sessionSecret: config.sessionSecret,
    secureCookies: config.secureCookies ?? false,
    limits: createAuthRateLimits(config.rateLimits, clock, config.limiters),
    clock,
  });
  // One publisher for the live final, its rehearsal and its vote: the hub listens on it.
  const publisher = config.publisher ?? createLivePublisher();
  const roundInputs = (trx: Db, roundId: number) => createResultsService(trx).loadInputs(roundId);
  const competitionBySlug = createCompetitionService(db).bySlug;
  const rehearsals = createRehearsals({
    db,
    dataDir: config.dataDir,
    clock,
    competitionBySlug,
    // The copy's live service has no mail worker and hears nobody's sign-in: only its channel's screens.
    openLive: (copy, lookup, quiet) =>
      createLiveService(copy, {
        clock,
        publisher: { publish: (broadcast) => (quiet() ? undefined : publisher.publish(broadcast)) },
        competitionBySlug: lookup,
        roundInputs,
      }),
    announce: (channel, state) => publisher.publish({ slug: channel, updates: [], snapshot: state }),
  });
  const realLive = createLiveService(db, { clock, publisher, competitionBySlug, roundInputs });
  return {
    assignment: createAssignmentService(db),
    auth,
    passwordResets: createPasswordResetService({
      db,
      auth,
      limits: createResetLimits(config.resetLimits, config.limiters),
      clock,
      publicOrigin,
      onMessageQueued,
      answerFloorMs: config.resetAnswerFloorMs ?? 400,
    }),
    outbox: createOutboxAdmin({ db, clock, onMessageQueued, mailConfigured: config.mailConfigured ?? false }),
    competitions: createCompetitionService(db, clock),
    /** The partner origins that may frame the live pages and open the live channel. */
    embedding: createEmbeddingService(db, clock),
    editions: createEditionService(db, clock),
    entries: createEntryService(db),
    decks: createDeckService(db, { clock, dataDir: config.dataDir }),
    /** Follow-on: needs and consent, ranked lists both ways, shortlists, meeting requests. */
    matching: createMatchingService(db, { clock, dataDir: config.dataDir, publicOrigin, onMessageQueued }),
    /** Follow-on: the organizers' partners (invite, edit, disable). */
    partners: createPartnerService({ db, secret: config.sessionSecret, clock, publicOrigin }),
    results: createResultsQueries(db),
    /** Follow-on: what came of each meeting, as each side records it, and the organizers' dashboard. */
    outcomes: createOutcomeService(db, { clock }),
    demo: createDemoService(db),
    registration: createRegistrationService(db, clock, publicOrigin),
    entryAdmin: createEntryAdminService(db, clock),
    entryImport: createEntryImportService(db, { clock, secret: config.sessionSecret }),
    entryClaims: createEntryClaimService(db, { secret: config.sessionSecret, clock }),
    judges: createJudgeService(db, { secret: config.sessionSecret, clock, publicOrigin }),
    judging: createJudgingService(db, clock),
    judgingDashboard: createJudgingDashboard(db, { clock, publicOrigin }),
    live: dispatchByChannel(realLive, rehearsals.liveOf),
    /** The rehearsals of live finals, each on a copy of the database (docs/decisions/0017-rehearsal-on-a-copy.md). */
    rehearsals,
    votes: createVoteService(db, {
      secret: config.sessionSecret,
      secureCookies: config.secureCookies ?? false,
      clock,
      publisher,
      competitionBySlug: createCompetitionService(db).bySlug,
      limiters: config.limiters,
    }),
    rounds: createRoundService(db, clock),
    roundCreate: createRoundCreateService(db, clock),
    resultsAdmin: createResultsAdmin(db, clock, publicOrigin),
    /** Follow-on: a partner's own people read and edit their organization's profile. */
    partnerSelf: createPartnerSelfService({ db, clock }),
    /** Follow-on: each person's placed meetings once the schedule is published, as a page and a calendar file. */
    agenda: createAgendaService(db, { clock, publicOrigin }),
    /** Follow-on: partners from a CSV or Excel file (preview, confirm, undo). */
    partnerImport: createPartnerImportService({ db, secret: config.sessionSecret, clock, publicOrigin }),
    /** Follow-on: the organizers' settings and the meeting schedule (preview, confirm, undo, publish). */
    followOn: createFollowOnService({ db, clock, publicOrigin }),
  };
}

export type Services = ReturnType<typeof createServices>;
