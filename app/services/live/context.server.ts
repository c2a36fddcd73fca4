// What every live use case is handed: the database, the store, and the dependencies the composition
// root injects (the clock, the publisher the hub listens on, and the other services' reads).
import type { Db } from "../../../db/client";
import type { Competition } from "../../../db/schema";
import type { LivePublisher } from "../../live/publisher.server";
import type { RoundInputs } from "../results.server";
import type { LiveStore } from "./store.server";

export type LiveDeps = {
  /** The time stamped on events and audit rows (tests move it). */
  clock: () => Date;
  /** Hears every accepted change (the hub, in server.ts). */
  publisher: LivePublisher;
  /** A competition by its slug (the competitions service). */
  competitionBySlug: (slug: string) => Promise<Pick<Competition, "id" | "slug"> | undefined>;
  /** A round's scores and rule, read in the caller's transaction (the results service). */
  roundInputs: (trx: Db, roundId: number) => Promise<RoundInputs>;
};

export type LiveContext = LiveDeps & { db: Db; store: LiveStore };
