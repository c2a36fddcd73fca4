// Who is told about the published meeting schedule: each person's agenda (their placed meetings
// with times and tables) is hashed and compared with the hash last e-mailed to them
// (agenda_notices). Publishing, and any change after it, mails exactly the people whose agenda
// differs — in their language, through the outbox, inside the caller's transaction.
import { createHash } from "node:crypto";
import type { Transaction } from "kysely";
import type { Db } from "../../../db/client";
import type { Database } from "../../../db/schema";
import { agendaLines } from "../../domain/schedule-changes";
import { DEFAULT_LOCALE } from "../../i18n/config";
import { enqueueMessage } from "../messages/outbox.server";
import { messageSetting } from "../messages/setting.server";
import { meetingAgenda, type AgendaMeeting } from "../messages/templates/meeting-agenda.server";
import { wordsFor } from "../messages/templates/words.server";
import { loadScheduleInput } from "./schedule-input.server";

const KIND = "meeting.agenda";
/** Where each side reads its agenda (and downloads its calendar file). */
export const AGENDA_PATHS = { partner: "/partner/agenda", entry: "/me/agenda" } as const;

const digest = (line: string) => createHash("sha256").update(line).digest("hex").slice(0, 32);

/** The people whose agenda now differs from what they were last told, with their agenda's line. */
async function changedAgendas(db: Db, competitionId: number) {
  const loaded = await loadScheduleInput(db, competitionId);
  if (!loaded) return { loaded: null, changed: [] as { userId: number; digest: string; noticed: boolean }[] };
  const views = loaded.stored.map((s) => ({ requestId: s.request_id, startsAt: s.starts_at, tableNo: s.table_no }));
  const lines = agendaLines(views, loaded.peopleOf);
  const notices = await db
    .selectFrom("agenda_notices")
    .where("competition_id", "=", competitionId)
    .select(["user_id", "digest"])
    .execute();
  const told = new Map(notices.map((n) => [n.user_id, n.digest]));
  const people = [...new Set([...lines.keys(), ...told.keys()])].sort((a, b) => a - b);
  const empty = digest("");
  const changed = people
    .map((userId) => ({ userId, digest: digest(lines.get(userId) ?? ""), noticed: told.has(userId) }))
    .filter((p) => p.digest !== (told.get(p.userId) ?? empty));
  return { loaded, changed };
}

/** How many people publishing (or re-publishing) now would e-mail. */
export async function agendaAudience(db: Db, competitionId: number): Promise<number> {
  return (await changedAgendas(db, competitionId)).changed.length;
}

/** Every placed, accepted meeting of the edition with both sides' names, for the messages. */
function meetingFacts(db: Db, competitionId: number) {
  return db
    .selectFrom("meeting_placements as mp")
    .innerJoin("meeting_requests as r", "r.id", "mp.request_id")
    .innerJoin("entries as e", "e.id", "r.entry_id")
    .innerJoin("partners as p", "p.id", "r.partner_id")
    .where("r.competition_id", "=", competitionId)
    .where("r.state", "=", "accepted")
    .where("mp.starts_at", "is not", null)
    .select([
      "r.id",
      "r.partner_id",
      "e.entrant_user_id",
      "mp.starts_at",
      "mp.table_no",
      "e.code",
      "e.title_zh",
      "e.title_en",
      "p.name_zh",
      "p.name_en",
    ])
    .orderBy("mp.starts_at")
    .orderBy("r.id")
    .execute();
}

/**
 * Mails each person whose agenda changed since they were last told, and records what they were
 * told. Runs inside the caller's transaction; returns how many messages it wrote.
 */
export async function notifyChangedAgendas(
  trx: Db,
  competitionId: number,
  deps: { clock: () => Date; publicOrigin: () => string },
): Promise<number> {
  const { loaded, changed } = await changedAgendas(trx, competitionId);
  if (!loaded || changed.length === 0) return 0;
  const ids = changed.map((c) => c.userId);
  const [users, facts, setting, partnerPeople] = await Promise.all([
    trx.selectFrom("users").where("id", "in", ids).select(["id", "email", "display_name", "locale"]).execute(),
    meetingFacts(trx, competitionId),
    messageSetting(trx, competitionId, deps.publicOrigin()),
    trx
      .selectFrom("partner_people as pp")
      .innerJoin("partners as p", "p.id", "pp.partner_id")
      .where("p.competition_id", "=", competitionId)
      .where("pp.user_id", "in", ids)
      .select(["pp.user_id", "pp.partner_id"])
      .execute(),
  ]);
  const userOf = new Map(users.map((u) => [u.id, u]));
  const partnersOf = new Map<number, Set<number>>();
  for (const p of partnerPeople) partnersOf.set(p.user_id, (partnersOf.get(p.user_id) ?? new Set()).add(p.partner_id));
  const now = deps.clock().toISOString();
  let written = 0;
  for (const person of changed) {
    const user = userOf.get(person.userId);
    if (!user) continue;
    const mine = partnersOf.get(person.userId) ?? new Set<number>();
    const attends = new Set(
      [...loaded.peopleOf].filter(([, people]) => people.includes(person.userId)).map(([id]) => id),
    );
    const meetings: AgendaMeeting[] = facts
      .filter((f) => attends.has(f.id))
      .map((f) =>
        mine.has(f.partner_id)
          ? { startsAt: f.starts_at!, tableNo: f.table_no!, withZh: f.title_zh ?? f.code, withEn: f.title_en ?? f.code }
          : { startsAt: f.starts_at!, tableNo: f.table_no!, withZh: f.name_zh, withEn: f.name_en },
      );
    const locale = user.locale ?? DEFAULT_LOCALE;
    const words = wordsFor(locale, setting);
    const content = meetingAgenda(words, {
      name: user.display_name || user.email,
      changed: person.noticed,
      meetings,
      path: mine.size > 0 ? AGENDA_PATHS.partner : AGENDA_PATHS.entry,
    });
    const id = await enqueueMessage(trx as Transaction<Database>, {
      kind: KIND,
      competitionId,
      to: { address: user.email, name: user.display_name, userId: user.id },
      locale,
      content: words.render(content),
      dedupeKey: `${KIND}:${competitionId}:${user.id}:${person.digest}:${now}`,
    });
    if (id !== null) written++;
    await trx
      .insertInto("agenda_notices")
      .values({ competition_id: competitionId, user_id: user.id, digest: person.digest, notified_at: now })
      .onConflict((oc) =>
        oc.columns(["competition_id", "user_id"]).doUpdateSet({ digest: person.digest, notified_at: now }),
      )
      .execute();
  }
  return written;
}
