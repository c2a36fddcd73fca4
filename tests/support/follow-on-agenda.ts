// Agenda and outcome fixtures: an entrant who signs in, an accepted meeting request, its placement on
// the schedule and the schedule's publication, written straight to a test's SQLite as the scheduling
// service (another part of follow-on) would have left them.
import type Database from "better-sqlite3";
import { hashPassword } from "../../app/services/passwords.server";

type Sqlite = Database.Database;

/** A user with the entrant role who owns `entryIds`; signs in with "entrant-pass-1". */
export async function addEntrant(
  sqlite: Sqlite,
  email: string,
  entryIds: readonly number[],
): Promise<{ userId: number; password: string }> {
  const password = "entrant-pass-1";
  const userId = Number(
    sqlite
      .prepare("INSERT INTO users (email, password_hash, display_name) VALUES (?, ?, ?)")
      .run(email, await hashPassword(password), email).lastInsertRowid,
  );
  sqlite.prepare("INSERT INTO user_roles (user_id, role) VALUES (?, 'entrant')").run(userId);
  for (const id of entryIds) sqlite.prepare("UPDATE entries SET entrant_user_id = ? WHERE id = ?").run(userId, id);
  return { userId, password };
}

/** A request both sides accepted: a meeting. */
export function acceptedMeeting(sqlite: Sqlite, competitionId: number, partnerId: number, entryId: number): number {
  return Number(
    sqlite
      .prepare(
        `INSERT INTO meeting_requests (competition_id, partner_id, entry_id, from_side, state, answered_at)
         VALUES (?, ?, ?, 'partner', 'accepted', datetime('now'))`,
      )
      .run(competitionId, partnerId, entryId).lastInsertRowid,
  );
}

/** A meeting's place on the schedule (or, without a time, the reason it could not be placed). */
export function placeMeeting(
  sqlite: Sqlite,
  requestId: number,
  at: { startsAt: string; minutes?: number; tableNo: number; sequence?: number } | { unplaced: string },
): void {
  if ("unplaced" in at) {
    sqlite
      .prepare("INSERT INTO meeting_placements (request_id, unplaced_reason) VALUES (?, ?)")
      .run(requestId, at.unplaced);
    return;
  }
  const endsAt = new Date(Date.parse(at.startsAt) + (at.minutes ?? 20) * 60_000).toISOString();
  sqlite
    .prepare(
      "INSERT INTO meeting_placements (request_id, starts_at, ends_at, table_no, sequence) VALUES (?, ?, ?, ?, ?)",
    )
    .run(requestId, at.startsAt, endsAt, at.tableNo, at.sequence ?? 0);
}

export function publishSchedule(sqlite: Sqlite, competitionId: number, published = true): void {
  sqlite
    .prepare("UPDATE follow_on_settings SET schedule_published_at = ? WHERE competition_id = ?")
    .run(published ? new Date().toISOString() : null, competitionId);
}
