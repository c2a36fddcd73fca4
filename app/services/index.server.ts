import type { Db } from "../../db/client";
import { createCompetitionService } from "./competitions.server";
import { createDemoService } from "./demo.server";
import { createEntryService } from "./entries.server";
import { createResultsQueries } from "./results-query.server";

export type ServiceConfig = { sessionSecret: string };

/** Every use case the routes may call, built once per process around one database handle. */
export function createServices(db: Db, _config: ServiceConfig) {
  return {
    competitions: createCompetitionService(db),
    entries: createEntryService(db),
    results: createResultsQueries(db),
    demo: createDemoService(db),
  };
}

export type Services = ReturnType<typeof createServices>;
