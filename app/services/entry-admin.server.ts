// The organizer's view of all entries: search, filters, sorting, paging, history, status changes.
// The use cases live in entry-admin/ (list, detail, changes); this factory binds them to the database.
import type { Db } from "../../db/client";
import { bind } from "./bind.server";
import { move, setFeedback, setStatus, type EntryAdminDeps } from "./entry-admin/changes.server";
import { detail } from "./entry-admin/detail.server";
import { exportEntries } from "./entry-admin/export.server";
import { all, list } from "./entry-admin/list.server";

export { ADMIN_PAGE_SIZE, adminListQuery, type AdminEntryRow, type AdminListQuery } from "./entry-admin/list.server";

export function createEntryAdminService(db: Db, clock: () => Date) {
  const deps: EntryAdminDeps = { db, clock };
  return {
    list: bind(db, list),
    all: bind(db, all),
    exportEntries: bind(db, exportEntries),
    detail: bind(db, detail),
    setStatus: bind(deps, setStatus),
    setFeedback: bind(deps, setFeedback),
    move: bind(deps, move),
  };
}

export type EntryAdminService = ReturnType<typeof createEntryAdminService>;
