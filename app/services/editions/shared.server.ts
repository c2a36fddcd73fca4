// What the edition use cases share: their dependencies (the organizer check is organizer-only.server.ts,
// the audit row auditChange in audit.server.ts).
import type { Db } from "../../../db/client";

export type EditionDeps = { db: Db; clock: () => Date };
