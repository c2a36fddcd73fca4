// The e-mails of meeting requests, written in the transaction that sent or answered the request:
// when a request arrives, each person of the receiving side (the entry's entrant and team members
// with an address, or the partner's people) gets one in their language with the link to where they
// answer; when it is accepted or declined, each person of the sending side hears of it. One message
// per person and event: the key holds the request, the event and the address.
import type { Transaction } from "kysely";
import type { Db } from "../../../db/client";
import type { Database, Locale } from "../../../db/schema";
import type { MessageKind } from "../../domain/message-kinds";
import type { RequestSide } from "../../domain/partner-vocabulary";
import { DEFAULT_LOCALE } from "../../i18n/config";
import { enqueueMessage } from "../messages/outbox.server";
import type { EmailContent } from "../messages/render.server";
import { messageSetting } from "../messages/setting.server";
import { wordsFor, type Words } from "../messages/templates/words.server";

/** What the request use cases need to write their mail: where the links point. */
export type RequestMailDeps = { publicOrigin: () => string };

type Person = { address: string; name: string | null; userId: number | null; locale: Locale };

/** One person per address (any case), the first mention winning: an entrant listed as a team member gets one mail. */
function onePerAddress(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => {
    const key = p.address.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The entry's side: its entrant's account, then its team members with an address, each in the
 * language of the account with that address, else in the entrant's.
 */
async function entrySide(trx: Db, entryId: number): Promise<Person[]> {
  const [entrant, members] = await Promise.all([
    trx
      .selectFrom("entries as e")
      .innerJoin("users as u", "u.id", "e.entrant_user_id")
      .where("e.id", "=", entryId)
      .where("u.disabled_at", "is", null)
      .select(["u.id", "u.email", "u.display_name", "u.locale"])
      .executeTakeFirst(),
    trx
      .selectFrom("team_members as m")
      .leftJoin("users as u", (j) => j.on((eb) => eb(eb.fn("lower", ["u.email"]), "=", eb.fn("lower", ["m.email"]))))
      .where("m.entry_id", "=", entryId)
      .where("m.email", "is not", null)
      .select(["m.email", "m.name", "u.id as userId", "u.locale"])
      .orderBy("m.position")
      .execute(),
  ]);
  const fallback = entrant?.locale ?? DEFAULT_LOCALE;
  return onePerAddress([
    ...(entrant
      ? [{ address: entrant.email, name: entrant.display_name, userId: entrant.id, locale: entrant.locale }]
      : []),
    ...members.map((m) => ({ address: m.email!, name: m.name, userId: m.userId, locale: m.locale ?? fallback })),
  ]);
}

/** The partner's side: every person of the partner whose account is not disabled. */
async function partnerSide(trx: Db, partnerId: number): Promise<Person[]> {
  const rows = await trx
    .selectFrom("partner_people as pp")
    .innerJoin("users as u", "u.id", "pp.user_id")
    .where("pp.partner_id", "=", partnerId)
    .where("u.disabled_at", "is", null)
    .select(["u.id", "u.email", "u.display_name", "u.locale"])
    .orderBy("pp.id")
    .execute();
  return onePerAddress(rows.map((u) => ({ address: u.email, name: u.display_name, userId: u.id, locale: u.locale })));
}

function requestFacts(trx: Db, requestId: number) {
  return trx
    .selectFrom("meeting_requests as m")
    .innerJoin("partners as p", "p.id", "m.partner_id")
    .innerJoin("entries as e", "e.id", "m.entry_id")
    .where("m.id", "=", requestId)
    .select([
      "m.id",
      "m.competition_id",
      "m.partner_id",
      "m.entry_id",
      "m.from_side",
      "m.state",
      "m.message",
      "p.name_zh as partnerZh",
      "p.name_en as partnerEn",
      "e.code",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
    ])
    .executeTakeFirstOrThrow();
}
type Facts = Awaited<ReturnType<typeof requestFacts>>;

function sideName(w: Words, f: Facts, side: RequestSide): string {
  if (side === "partner") return w.name(f.partnerZh, f.partnerEn);
  const title = w.name(f.titleZh, f.titleEn);
  return title ? `${f.code} · ${title}` : f.code;
}

/** Where a side reads and answers its requests. */
const pathOf = (f: Facts, side: RequestSide) =>
  side === "partner" ? "/partner/requests" : `/me/entries/${f.entry_id}/follow-on`;

const other = (side: RequestSide): RequestSide => (side === "partner" ? "entry" : "partner");

function receivedContent(w: Words, f: Facts): EmailContent {
  const names = { from: sideName(w, f, f.from_side), to: sideName(w, f, other(f.from_side)) };
  return {
    subject: w.t("requestMail.received.subject", names),
    heading: w.t("requestMail.received.heading", names),
    paragraphs: [
      w.t(`requestMail.received.body.${f.from_side}`, names),
      ...(f.message ? [w.t("requestMail.received.message", { message: f.message })] : []),
    ],
    action: { label: w.t("requestMail.received.action"), url: w.link(pathOf(f, other(f.from_side))) },
    note: w.t("requestMail.received.note"),
  };
}

function answeredContent(w: Words, f: Facts, answer: "accepted" | "declined"): EmailContent {
  const names = { by: sideName(w, f, other(f.from_side)), to: sideName(w, f, f.from_side) };
  return {
    subject: w.t(`requestMail.answered.subject.${answer}`, names),
    heading: w.t(`requestMail.answered.subject.${answer}`, names),
    paragraphs: [w.t(`requestMail.answered.body.${answer}`, names)],
    action: { label: w.t("requestMail.answered.action"), url: w.link(pathOf(f, f.from_side)) },
  };
}

async function mailSide(
  trx: Db,
  deps: RequestMailDeps,
  f: Facts,
  side: RequestSide,
  kind: MessageKind,
  content: (w: Words) => EmailContent,
): Promise<number> {
  const [people, setting] = await Promise.all([
    side === "partner" ? partnerSide(trx, f.partner_id) : entrySide(trx, f.entry_id),
    messageSetting(trx, f.competition_id, deps.publicOrigin()),
  ]);
  let queued = 0;
  for (const person of people) {
    const w = wordsFor(person.locale, setting);
    const id = await enqueueMessage(trx as Transaction<Database>, {
      kind,
      competitionId: f.competition_id,
      to: { address: person.address, name: person.name, userId: person.userId },
      locale: person.locale,
      content: w.render(content(w)),
      dedupeKey: `${kind}:${f.id}:${f.state}:${person.address.toLowerCase()}`,
    });
    if (id !== null) queued += 1;
  }
  return queued;
}

/** The receiving side's mail of a request just sent; returns how many messages were queued. */
export async function mailRequestReceived(trx: Db, deps: RequestMailDeps, requestId: number): Promise<number> {
  const f = await requestFacts(trx, requestId);
  return mailSide(trx, deps, f, other(f.from_side), "meeting_request.received", (w) => receivedContent(w, f));
}

/** The sending side's mail of a request just accepted or declined (a withdrawal writes none). */
export async function mailRequestAnswered(trx: Db, deps: RequestMailDeps, requestId: number): Promise<number> {
  const f = await requestFacts(trx, requestId);
  if (f.state !== "accepted" && f.state !== "declined") return 0;
  const answer = f.state;
  return mailSide(trx, deps, f, f.from_side, "meeting_request.answered", (w) => answeredContent(w, f, answer));
}
