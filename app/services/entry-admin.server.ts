// The organizer's view of all entries: search, filters, sorting, paging, history, status changes.
import { sql } from "kysely";
import { z } from "zod";
import type { Db } from "../../db/client";
import type { EntryStatus } from "../../db/schema";
import { checkEligibility } from "../domain/eligibility";
import { markChanges, readScoreSnapshot } from "../domain/score-audit";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { nextEntryCode } from "./entry-codes.server";
import { recordAudit } from "./audit.server";
import type { AuditAction } from "../domain/audit-actions";

export const ADMIN_PAGE_SIZE = 50;
const SORTS = ["code", "title", "organization", "country", "status", "submitted"] as const;

/** The list's query string: anything unknown or malformed falls back to the default. */
export const adminListQuery = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  group: z
    .string()
    .regex(/^[A-Z]{2,4}$/)
    .optional()
    .catch(undefined),
  track: z
    .string()
    .regex(/^[A-Z0-9]{2,4}$/)
    .optional()
    .catch(undefined),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  status: z.enum(["draft", "submitted", "withdrawn", "disqualified"]).optional().catch(undefined),
  round: z
    .string()
    .regex(/^[a-z0-9-]{2,40}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(SORTS).catch("code"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type AdminListQuery = z.infer<typeof adminListQuery>;

export type AdminEntryRow = {
  id: number;
  code: string;
  titleZh: string | null;
  titleEn: string | null;
  organization: string;
  country: string;
  status: EntryStatus;
  groupCode: string;
  trackCode: string;
  contactEmail: string;
  submittedAt: string | null;
};

export function createEntryAdminService(db: Db, clock: () => Date) {
  /** The filtered entries of a competition, before sorting and paging (shared by list and export). */
  function filtered(competitionId: number, query: AdminListQuery) {
    let q = db
      .selectFrom("entries as e")
      .innerJoin("groups as g", "g.id", "e.group_id")
      .innerJoin("tracks as t", "t.id", "e.track_id")
      .where("e.competition_id", "=", competitionId);
    if (query.q) {
      // LIKE with escaped wildcards: the text is searched for as typed.
      const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      q = q.where((eb) =>
        eb.or(
          (["e.code", "e.title_zh", "e.title_en", "e.organization", "e.contact_email", "e.contact_name"] as const).map(
            (column) => eb(sql`${sql.ref(column)}`, "like", sql`${like} ESCAPE '\\'`),
          ),
        ),
      );
    }
    if (query.group) q = q.where("g.code", "=", query.group);
    if (query.track) q = q.where("t.code", "=", query.track);
    if (query.country) q = q.where("e.country", "=", query.country);
    if (query.status) q = q.where("e.status", "=", query.status);
    if (query.round) {
      const round = query.round;
      q = q.where("e.id", "in", (eb) =>
        eb
          .selectFrom("round_entries as re")
          .innerJoin("rounds as r", "r.id", "re.round_id")
          .select("re.entry_id")
          .where("r.slug", "=", round)
          .where("r.competition_id", "=", competitionId),
      );
    }
    return q;
  }

  function sorted(competitionId: number, query: AdminListQuery) {
    const base = filtered(competitionId, query).select([
      "e.id",
      "e.code",
      "e.title_zh as titleZh",
      "e.title_en as titleEn",
      "e.organization",
      "e.country",
      "e.status",
      "g.code as groupCode",
      "t.code as trackCode",
      "e.contact_email as contactEmail",
      "e.submitted_at as submittedAt",
    ]);
    const column = {
      code: "e.code",
      title: sql`coalesce(e.title_en, e.title_zh)`,
      organization: "e.organization",
      country: "e.country",
      status: "e.status",
      submitted: "e.submitted_at",
    }[query.sort];
    return base.orderBy(column as never, query.dir).orderBy("e.code", query.dir);
  }

  async function audit(
    actor: SessionUser,
    trx: Db,
    entryId: number,
    action: AuditAction,
    before: unknown,
    after: unknown,
    reason: string,
  ) {
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action,
      subject_type: "entry",
      subject_id: entryId,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      reason,
    });
  }

  /** Score submissions and revisions carry their marks: name the judge, round and criteria. */
  async function withScoreDetails<T extends { action: string; before: string | null; after: string | null }>(
    history: T[],
  ) {
    const details = history.map((h) =>
      h.action.startsWith("score.") ? { before: readScoreSnapshot(h.before), after: readScoreSnapshot(h.after) } : null,
    );
    const roundIds = [...new Set(details.flatMap((d) => (d?.after ? [d.after.roundId] : [])))];
    const judgeIds = [...new Set(details.flatMap((d) => (d?.after ? [d.after.judgeId] : [])))];
    const [criteria, rounds, judges] = roundIds.length
      ? await Promise.all([
          db
            .selectFrom("criteria")
            .select(["id", "round_id", "name_zh", "name_en", "position"])
            .where("round_id", "in", roundIds)
            .orderBy("position")
            .execute(),
          db.selectFrom("rounds").select(["id", "name_zh", "name_en"]).where("id", "in", roundIds).execute(),
          db
            .selectFrom("judges as j")
            .innerJoin("users as u", "u.id", "j.user_id")
            .select(["j.id", "u.display_name"])
            .where("j.id", "in", judgeIds)
            .execute(),
        ])
      : [[], [], []];
    return history.map((h, i) => {
      const d = details[i];
      if (!d?.after) return { ...h, score: null };
      const after = d.after;
      const own = criteria.filter((c) => c.round_id === after.roundId);
      const round = rounds.find((r) => r.id === after.roundId);
      return {
        ...h,
        score: {
          judge: judges.find((j) => j.id === after.judgeId)?.display_name ?? "—",
          round: round ? { name_zh: round.name_zh, name_en: round.name_en } : null,
          revision: after.revision ?? null,
          comment: { before: d.before?.comment ?? null, after: after.comment },
          marks: markChanges(
            d.before,
            after,
            own.map((c) => c.id),
          ).map((m) => {
            const c = own.find((x) => x.id === m.criterionId);
            return { ...m, name_zh: c?.name_zh ?? "", name_en: c?.name_en ?? String(m.criterionId) };
          }),
        },
      };
    });
  }

  return {
    async list(
      competitionId: number,
      query: AdminListQuery,
    ): Promise<{ rows: AdminEntryRow[]; total: number; page: number; pageCount: number }> {
      const { total } = await filtered(competitionId, query)
        .select((eb) => eb.fn.countAll<number>().as("total"))
        .executeTakeFirstOrThrow();
      const pageCount = Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE));
      const page = Math.min(query.page, pageCount);
      const rows = await sorted(competitionId, query)
        .limit(ADMIN_PAGE_SIZE)
        .offset((page - 1) * ADMIN_PAGE_SIZE)
        .execute();
      return { rows, total, page, pageCount };
    },

    /** Every filtered entry, sorted, for export (no paging). */
    async all(competitionId: number, query: AdminListQuery): Promise<AdminEntryRow[]> {
      return sorted(competitionId, query).execute();
    },

    async detail(competitionId: number, entryId: number) {
      const entry = await db
        .selectFrom("entries as e")
        .innerJoin("groups as g", "g.id", "e.group_id")
        .innerJoin("tracks as t", "t.id", "e.track_id")
        .leftJoin("users as u", "u.id", "e.entrant_user_id")
        .where("e.id", "=", entryId)
        .where("e.competition_id", "=", competitionId)
        .selectAll("e")
        .select(["g.code as groupCode", "t.code as trackCode", "u.email as entrantEmail"])
        .executeTakeFirst();
      if (!entry) return undefined;
      const [team, history, rounds] = await Promise.all([
        db
          .selectFrom("team_members")
          .select(["name", "role", "email"])
          .where("entry_id", "=", entryId)
          .orderBy("position")
          .execute(),
        db
          .selectFrom("audit_log as a")
          .leftJoin("users as u", "u.id", "a.actor_user_id")
          .where("a.subject_type", "=", "entry")
          .where("a.subject_id", "=", entryId)
          .orderBy("a.id", "desc")
          .select(["a.id", "a.at", "a.action", "a.before", "a.after", "a.reason", "u.display_name as actor"])
          .execute(),
        db
          .selectFrom("round_entries as re")
          .innerJoin("rounds as r", "r.id", "re.round_id")
          .leftJoin("results as x", (j) =>
            j.onRef("x.round_id", "=", "re.round_id").onRef("x.entry_id", "=", "re.entry_id"),
          )
          .where("re.entry_id", "=", entryId)
          .orderBy("r.position")
          .select(["r.slug", "r.name_zh", "r.name_en", "r.status", "re.state", "re.feedback", "x.rank", "x.result"])
          .execute(),
      ]);
      return { entry, team, history: await withScoreDetails(history), rounds };
    },

    /** Withdraw, disqualify or reinstate, with the reason in the audit log. */
    async setStatus(
      actor: SessionUser,
      competitionId: number,
      entryId: number,
      status: "withdrawn" | "disqualified" | "submitted",
      reason: string,
    ) {
      return inTransaction(db, async (trx) => {
        const current = await trx
          .selectFrom("entries")
          .select(["status", "status_reason", "submitted_at"])
          .where("id", "=", entryId)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        if (!current) return { ok: false as const, message: "admin.notFound" };
        if (current.status === status) return { ok: false as const, message: "admin.sameStatus" };
        const now = clock().toISOString();
        await trx
          .updateTable("entries")
          .set({
            status,
            status_reason: status === "submitted" ? null : reason,
            submitted_at: current.submitted_at ?? (status === "submitted" ? now : null),
            updated_at: now,
          })
          .where("id", "=", entryId)
          .execute();
        await audit(
          actor,
          trx,
          entryId,
          `entry.${status === "submitted" ? "reinstated" : status}`,
          { status: current.status },
          { status },
          reason,
        );
        return { ok: true as const };
      });
    },

    /** The organizers' note to the entrant for one round (shown to them once the round is published). */
    async setFeedback(
      actor: SessionUser,
      competitionId: number,
      entryId: number,
      roundSlug: string,
      feedback: string | null,
    ) {
      return inTransaction(db, async (trx) => {
        const row = await trx
          .selectFrom("round_entries as re")
          .innerJoin("rounds as r", "r.id", "re.round_id")
          .innerJoin("entries as e", "e.id", "re.entry_id")
          .where("re.entry_id", "=", entryId)
          .where("r.slug", "=", roundSlug)
          .where("e.competition_id", "=", competitionId)
          .select(["re.round_id", "re.feedback"])
          .executeTakeFirst();
        if (!row) return { ok: false as const, message: "admin.notFound" };
        await trx
          .updateTable("round_entries")
          .set({ feedback })
          .where("round_id", "=", row.round_id)
          .where("entry_id", "=", entryId)
          .execute();
        await audit(
          actor,
          trx,
          entryId,
          "entry.feedback",
          { round: roundSlug, feedback: row.feedback },
          { round: roundSlug, feedback },
          "feedback",
        );
        return { ok: true as const };
      });
    },

    /** Moves an entry to another group or track; eligibility is checked again and the code follows. */
    async move(
      actor: SessionUser,
      competitionId: number,
      entryId: number,
      groupCode: string,
      trackCode: string,
      reason: string,
    ) {
      return inTransaction(db, async (trx) => {
        const current = await trx
          .selectFrom("entries")
          .selectAll()
          .where("id", "=", entryId)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        if (!current) return { ok: false as const, field: null, message: "admin.notFound" };
        const group = await trx
          .selectFrom("groups")
          .selectAll()
          .where("competition_id", "=", competitionId)
          .where("code", "=", groupCode)
          .executeTakeFirst();
        const track = await trx
          .selectFrom("tracks")
          .selectAll()
          .where("competition_id", "=", competitionId)
          .where("code", "=", trackCode)
          .executeTakeFirst();
        if (!group) return { ok: false as const, field: "group", message: "validation.required" };
        if (!track) return { ok: false as const, field: "track", message: "validation.required" };
        const eligibility = checkEligibility(
          {
            code: group.code,
            region: group.region,
            eligibleCountries: JSON.parse(group.eligible_countries) as string[],
          },
          current.country,
        );
        if (!eligibility.ok) return { ok: false as const, field: "group", message: eligibility.reason };
        if (group.id === current.group_id && track.id === current.track_id)
          return { ok: false as const, field: null, message: "admin.sameStatus" };
        const code = await nextEntryCode(trx, group.code, track.code);
        await trx
          .updateTable("entries")
          .set({ group_id: group.id, track_id: track.id, code, updated_at: clock().toISOString() })
          .where("id", "=", entryId)
          .execute();
        await audit(
          actor,
          trx,
          entryId,
          "entry.moved",
          { code: current.code, group_id: current.group_id, track_id: current.track_id },
          { code, group_id: group.id, track_id: track.id },
          reason,
        );
        return { ok: true as const, code };
      });
    },
  };
}

export type EntryAdminService = ReturnType<typeof createEntryAdminService>;
