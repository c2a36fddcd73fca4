// Organizers' editions: the list, creating one (from nothing or copied), and each one's groups and tracks.
import type { Db } from "../../../db/client";
import { bind } from "../bind.server";
import { createEdition } from "./create.server";
import { editionSetup, listEditions } from "./list.server";
import { addGroup, addTrack, updateGroup, updateTrack } from "./setup.server";
import type { EditionDeps } from "./shared.server";

export function createEditionService(db: Db, clock: () => Date) {
  const deps: EditionDeps = { db, clock };
  return {
    list: () => listEditions(db),
    setup: (slug: string) => editionSetup(db, slug),
    create: bind(deps, createEdition),
    addGroup: bind(deps, addGroup),
    updateGroup: bind(deps, updateGroup),
    addTrack: bind(deps, addTrack),
    updateTrack: bind(deps, updateTrack),
  };
}

export type EditionService = ReturnType<typeof createEditionService>;
