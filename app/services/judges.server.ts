// Judges of a competition: creating and inviting them, their expertise and conflicts, and the
// conflicts the system suggests for the organizer to confirm or dismiss.
import crypto from "node:crypto";
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { detectConflicts } from "../domain/conflict-detection";
import { judgeSchema, JUDGE_CSV_COLUMNS, type JudgeInput } from "../domain/judge-schemas";
import { isCountryCode } from "../i18n/countries";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { hashPassword, NO_PASSWORD } from "./passwords.server";
import { recordAudit } from "./audit.server";
import type { AuditAction, AuditSubject } from "../domain/audit-actions";

export type JudgeProblem = { row: number; column: string; message: string };
export type JudgeImportReport = { rows: number; good: number; problems: JudgeProblem[]; imported: number };

const INVITE_DAYS = 14;

export function createJudgeService(db: Db, options: { secret: string; clock: () => Date }) {
  const sign = (payload: string) => crypto.createHmac("sha256", options.secret).update(payload).digest("base64url");

  /**
   * An invitation link's token: the user, an expiry and a MAC over both and the current password
   * hash, so the link stops working once a password is set (single use) or when it expires.
   */
  function inviteToken(userId: number, passwordHash: string, expires: number): string {
    const body = `${userId}.${expires}`;
    return `${body}.${sign(`${body}.${passwordHash}`)}`;
  }

  async function audit(
    trx: Db,
    actor: SessionUser | null,
    action: AuditAction,
    subjectType: AuditSubject,
    subjectId: number,
    after: unknown,
    reason: string | null = null,
    before: unknown = null,
  ) {
    await recordAudit(trx, {
      actor_user_id: actor?.id ?? null,
      action,
      subject_type: subjectType,
      subject_id: subjectId,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      reason,
    });
  }

  async function trackIdsByCode(trx: Db, competitionId: number) {
    const tracks = await trx
      .selectFrom("tracks")
      .select(["id", "code"])
      .where("competition_id", "=", competitionId)
      .execute();
    return new Map(tracks.map((t) => [t.code, t.id]));
  }

  /** Creates (or reuses) the account, gives it the judge role and stores the judge: inside the caller's transaction. */
  async function insertJudge(
    trx: Db,
    actor: SessionUser,
    competitionId: number,
    input: JudgeInput,
    trackIds: Map<string, number>,
  ) {
    let user = await trx.selectFrom("users").select(["id"]).where("email", "=", input.email).executeTakeFirst();
    if (!user) {
      user = await trx
        .insertInto("users")
        .values({
          email: input.email,
          password_hash: NO_PASSWORD,
          display_name: input.name,
          locale: input.country === "CN" ? "zh-Hans" : "en",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
    }
    const existing = await trx
      .selectFrom("judges")
      .select("id")
      .where("competition_id", "=", competitionId)
      .where("user_id", "=", user.id)
      .executeTakeFirst();
    if (existing) return { ok: false as const, field: "email", message: "judges.alreadyJudge" };
    await trx
      .insertInto("user_roles")
      .values({ user_id: user.id, role: "judge" })
      .onConflict((c) => c.doNothing())
      .execute();
    const judge = await trx
      .insertInto("judges")
      .values({
        competition_id: competitionId,
        user_id: user.id,
        name: input.name,
        title: input.title,
        affiliation: input.affiliation,
        country: input.country,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const tracks = input.tracks.map((code) => trackIds.get(code)!);
    if (tracks.length)
      await trx
        .insertInto("judge_expertise")
        .values(tracks.map((track_id) => ({ judge_id: judge.id, track_id })))
        .execute();
    for (const organization of input.conflictOrganizations)
      await trx
        .insertInto("judge_conflicts")
        .values({ judge_id: judge.id, organization, source: "organizer", status: "confirmed" })
        .execute();
    await audit(trx, actor, "judge.created", "judge", judge.id, {
      email: input.email,
      affiliation: input.affiliation,
      tracks: input.tracks,
    });
    return { ok: true as const, judgeId: judge.id };
  }

  function checkCodes(input: JudgeInput, trackIds: Map<string, number>): { field: string; message: string } | null {
    if (!isCountryCode(input.country)) return { field: "country", message: "validation.country" };
    if (input.tracks.some((c) => !trackIds.has(c))) return { field: "tracks", message: "judges.trackUnknown" };
    return null;
  }

  return {
    async list(competitionId: number, q?: string) {
      let query = db
        .selectFrom("judges as j")
        .innerJoin("users as u", "u.id", "j.user_id")
        .where("j.competition_id", "=", competitionId)
        .select([
          "j.id",
          "j.name",
          "j.title",
          "j.affiliation",
          "j.country",
          "u.email",
          "u.disabled_at",
          sql<number>`u.password_hash = ${NO_PASSWORD} OR u.password_hash LIKE '!%'`.as("invited"),
          (eb) =>
            eb
              .selectFrom("judge_expertise as x")
              .innerJoin("tracks as t", "t.id", "x.track_id")
              .whereRef("x.judge_id", "=", "j.id")
              .select(sql<string>`group_concat(t.code, ' ')`.as("c"))
              .as("tracks"),
          (eb) =>
            eb
              .selectFrom("judge_conflicts as c")
              .whereRef("c.judge_id", "=", "j.id")
              .where("c.status", "=", "confirmed")
              .select(sql<number>`count(*)`.as("n"))
              .as("conflicts"),
          (eb) =>
            eb
              .selectFrom("judge_conflicts as c")
              .whereRef("c.judge_id", "=", "j.id")
              .where("c.status", "=", "pending")
              .select(sql<number>`count(*)`.as("n"))
              .as("pending"),
        ])
        .orderBy("j.name");
      if (q) {
        const like = `%${q.replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
        query = query.where((eb) =>
          eb.or([
            sql<boolean>`j.name LIKE ${like} ESCAPE '\\'`,
            sql<boolean>`j.affiliation LIKE ${like} ESCAPE '\\'`,
            sql<boolean>`u.email LIKE ${like} ESCAPE '\\'`,
          ]),
        );
      }
      return query.execute();
    },

    async detail(competitionId: number, judgeId: number) {
      const judge = await db
        .selectFrom("judges as j")
        .innerJoin("users as u", "u.id", "j.user_id")
        .where("j.competition_id", "=", competitionId)
        .where("j.id", "=", judgeId)
        .select(["j.id", "j.name", "j.title", "j.affiliation", "j.country", "j.user_id", "u.email", "u.password_hash"])
        .executeTakeFirst();
      if (!judge) return null;
      const [tracks, conflicts, rounds] = await Promise.all([
        db
          .selectFrom("judge_expertise as x")
          .innerJoin("tracks as t", "t.id", "x.track_id")
          .where("x.judge_id", "=", judgeId)
          .select(["t.code", "t.name_zh", "t.name_en"])
          .orderBy("t.sort_order")
          .execute(),
        db
          .selectFrom("judge_conflicts as c")
          .leftJoin("entries as e", "e.id", "c.entry_id")
          .where("c.judge_id", "=", judgeId)
          .select([
            "c.id",
            "c.entry_id",
            "e.code",
            "e.organization as entryOrganization",
            "c.organization",
            "c.source",
            "c.status",
            "c.reason",
            "c.created_at",
          ])
          .orderBy("c.id", "desc")
          .execute(),
        db
          .selectFrom("assignments as a")
          .innerJoin("rounds as r", "r.id", "a.round_id")
          .leftJoin("scores as s", (j) =>
            j
              .onRef("s.round_id", "=", "a.round_id")
              .onRef("s.judge_id", "=", "a.judge_id")
              .onRef("s.entry_id", "=", "a.entry_id"),
          )
          .where("a.judge_id", "=", judgeId)
          .groupBy("r.id")
          .orderBy("r.position")
          .select([
            "r.slug",
            "r.name_zh",
            "r.name_en",
            sql<number>`count(*)`.as("assigned"),
            sql<number>`sum(s.status = 'submitted')`.as("submitted"),
          ])
          .execute(),
      ]);
      const invited = judge.password_hash.startsWith("!");
      const { password_hash: _hash, ...rest } = judge;
      return { judge: { ...rest, invited }, tracks, conflicts, rounds };
    },

    async create(actor: SessionUser, competitionId: number, raw: Record<string, unknown>) {
      const parsed = judgeSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { ok: false as const, field: String(issue.path[0] ?? ""), message: issue.message };
      }
      return inTransaction(db, async (trx) => {
        const trackIds = await trackIdsByCode(trx, competitionId);
        const problem = checkCodes(parsed.data, trackIds);
        if (problem) return { ok: false as const, ...problem };
        return insertJudge(trx, actor, competitionId, parsed.data, trackIds);
      });
    },

    async update(actor: SessionUser, competitionId: number, judgeId: number, raw: Record<string, unknown>) {
      const parsed = judgeSchema.omit({ email: true, conflictOrganizations: true }).safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        return { ok: false as const, field: String(issue.path[0] ?? ""), message: issue.message };
      }
      const input = parsed.data;
      return inTransaction(db, async (trx) => {
        const before = await trx
          .selectFrom("judges")
          .selectAll()
          .where("id", "=", judgeId)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        if (!before) return { ok: false as const, field: null, message: "judges.notFound" };
        const trackIds = await trackIdsByCode(trx, competitionId);
        const problem = checkCodes({ ...input, email: "", conflictOrganizations: [] }, trackIds);
        if (problem) return { ok: false as const, ...problem };
        await trx
          .updateTable("judges")
          .set({ name: input.name, title: input.title, affiliation: input.affiliation, country: input.country })
          .where("id", "=", judgeId)
          .execute();
        await trx.deleteFrom("judge_expertise").where("judge_id", "=", judgeId).execute();
        if (input.tracks.length)
          await trx
            .insertInto("judge_expertise")
            .values(input.tracks.map((c) => ({ judge_id: judgeId, track_id: trackIds.get(c)! })))
            .execute();
        await audit(trx, actor, "judge.updated", "judge", judgeId, { ...input }, null, {
          name: before.name,
          affiliation: before.affiliation,
          country: before.country,
        });
        return { ok: true as const };
      });
    },

    /** A CSV of judges: a dry run lists every problem by row and column; the import stores the good rows in one transaction. */
    async importCsv(
      actor: SessionUser,
      competitionId: number,
      records: Record<string, string>[],
      dryRun: boolean,
    ): Promise<JudgeImportReport> {
      const trackIds = await trackIdsByCode(db, competitionId);
      const existing = new Set(
        (
          await db
            .selectFrom("judges as j")
            .innerJoin("users as u", "u.id", "j.user_id")
            .where("j.competition_id", "=", competitionId)
            .select("u.email")
            .execute()
        ).map((r) => r.email),
      );
      const problems: JudgeProblem[] = [];
      const good: JudgeInput[] = [];
      const seen = new Set<string>();
      records.forEach((record, i) => {
        const row = i + 2; // the header is row 1
        const parsed = judgeSchema.safeParse({ ...record, conflictOrganizations: record["conflict_organizations"] });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) {
            const field = String(issue.path[0] ?? "");
            problems.push({
              row,
              column: field === "conflictOrganizations" ? "conflict_organizations" : field,
              message: issue.message,
            });
          }
          return;
        }
        const problem = checkCodes(parsed.data, trackIds);
        if (problem) return void problems.push({ row, column: problem.field, message: problem.message });
        if (seen.has(parsed.data.email))
          return void problems.push({ row, column: "email", message: "judges.duplicateInFile" });
        if (existing.has(parsed.data.email))
          return void problems.push({ row, column: "email", message: "judges.alreadyJudge" });
        seen.add(parsed.data.email);
        good.push(parsed.data);
      });
      if (dryRun || good.length === 0) return { rows: records.length, good: good.length, problems, imported: 0 };
      const imported = await inTransaction(db, async (trx) => {
        let n = 0;
        for (const input of good) if ((await insertJudge(trx, actor, competitionId, input, trackIds)).ok) n++;
        return n;
      });
      return { rows: records.length, good: good.length, problems, imported };
    },

    columns: JUDGE_CSV_COLUMNS,

    /** The link an organizer sends a judge to choose a password (valid 14 days, once). */
    async inviteLink(actor: SessionUser, competitionId: number, judgeId: number): Promise<string | null> {
      const row = await db
        .selectFrom("judges as j")
        .innerJoin("users as u", "u.id", "j.user_id")
        .where("j.id", "=", judgeId)
        .where("j.competition_id", "=", competitionId)
        .select(["u.id", "u.password_hash"])
        .executeTakeFirst();
      if (!row) return null;
      const expires = options.clock().getTime() + INVITE_DAYS * 86_400_000;
      await audit(db, actor, "judge.invited", "judge", judgeId, { expires: new Date(expires).toISOString() });
      return `/invite/${inviteToken(row.id, row.password_hash, expires)}`;
    },

    /** Whom an invitation token is for, if it is genuine, unused and not expired. */
    async checkInvite(
      token: string,
    ): Promise<{ userId: number; email: string; name: string; passwordHash: string } | null> {
      const match = /^(\d+)\.(\d+)\.([A-Za-z0-9_-]+)$/.exec(token);
      if (!match) return null;
      const [, userId, expires, mac] = match;
      if (Number(expires) < options.clock().getTime()) return null;
      const user = await db
        .selectFrom("users")
        .select(["id", "email", "display_name", "password_hash", "disabled_at"])
        .where("id", "=", Number(userId))
        .executeTakeFirst();
      if (!user || user.disabled_at) return null;
      const expected = inviteToken(user.id, user.password_hash, Number(expires)).split(".")[2]!;
      const a = Buffer.from(mac!);
      const b = Buffer.from(expected);
      if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return null;
      return { userId: user.id, email: user.email, name: user.display_name, passwordHash: user.password_hash };
    },

    async acceptInvite(token: string, password: string): Promise<{ ok: true; userId: number } | { ok: false }> {
      const invite = await this.checkInvite(token);
      if (!invite) return { ok: false };
      const hash = await hashPassword(password);
      // Single use even when two tabs submit at the same moment: only the one that still finds
      // the hash the link was made for sets the password; the other is told the link is used.
      const accepted = await inTransaction(db, async (trx) => {
        const set = await trx
          .updateTable("users")
          .set({ password_hash: hash })
          .where("id", "=", invite.userId)
          .where("password_hash", "=", invite.passwordHash)
          .executeTakeFirst();
        if (set.numUpdatedRows !== 1n) return false;
        await audit(trx, null, "user.invite_accepted", "user", invite.userId, null);
        return true;
      });
      return accepted ? { ok: true, userId: invite.userId } : { ok: false };
    },

    /** An organizer records a conflict by hand: with a named entry (by code) or an organization. */
    async addConflict(
      actor: SessionUser,
      competitionId: number,
      judgeId: number,
      input: { entryCode?: string; organization?: string; reason: string | null },
    ) {
      return inTransaction(db, async (trx) => {
        const judge = await trx
          .selectFrom("judges")
          .select("id")
          .where("id", "=", judgeId)
          .where("competition_id", "=", competitionId)
          .executeTakeFirst();
        if (!judge) return { ok: false as const, field: null, message: "judges.notFound" };
        let entryId: number | null = null;
        if (input.entryCode) {
          const entry = await trx
            .selectFrom("entries")
            .select("id")
            .where("code", "=", input.entryCode.trim().toUpperCase())
            .where("competition_id", "=", competitionId)
            .executeTakeFirst();
          if (!entry) return { ok: false as const, field: "entryCode", message: "conflicts.entryUnknown" };
          entryId = entry.id;
        } else if (!input.organization)
          return { ok: false as const, field: "organization", message: "conflicts.entryOrOrganization" };
        const row = await trx
          .insertInto("judge_conflicts")
          .values({
            judge_id: judgeId,
            entry_id: entryId,
            organization: entryId ? null : input.organization!,
            source: "organizer",
            status: "confirmed",
            reason: input.reason,
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        await audit(
          trx,
          actor,
          "conflict.added",
          "judge",
          judgeId,
          { conflictId: row.id, entryId, organization: input.organization ?? null },
          input.reason,
        );
        return { ok: true as const };
      });
    },

    /**
     * Runs the detection over every judge and competing entry and stores new suggestions as
     * pending. Pairs already decided (confirmed or dismissed) are not suggested again.
     */
    async suggestConflicts(actor: SessionUser, competitionId: number): Promise<number> {
      return inTransaction(db, async (trx) => {
        const judges = await trx
          .selectFrom("judges as j")
          .innerJoin("users as u", "u.id", "j.user_id")
          .where("j.competition_id", "=", competitionId)
          .select(["j.id", "j.name", "j.affiliation", "u.email"])
          .execute();
        const entries = await trx
          .selectFrom("entries")
          .select(["id", "organization"])
          .where("competition_id", "=", competitionId)
          .where("status", "=", "submitted")
          .execute();
        const members = await trx
          .selectFrom("team_members as m")
          .innerJoin("entries as e", "e.id", "m.entry_id")
          .where("e.competition_id", "=", competitionId)
          .select(["m.entry_id", "m.name", "m.email"])
          .execute();
        const teams = new Map<number, { name: string; email: string | null }[]>();
        for (const m of members)
          teams.set(m.entry_id, [...(teams.get(m.entry_id) ?? []), { name: m.name, email: m.email }]);
        const decided = await trx
          .selectFrom("judge_conflicts as c")
          .innerJoin("judges as j", "j.id", "c.judge_id")
          .where("j.competition_id", "=", competitionId)
          .where("c.entry_id", "is not", null)
          .select(["c.judge_id", "c.entry_id"])
          .execute();
        const ignore = new Set(decided.map((d) => `${d.judge_id}:${d.entry_id}`));
        const found = detectConflicts(
          judges,
          entries.map((e) => ({ ...e, team: teams.get(e.id) ?? [] })),
          ignore,
        );
        for (let i = 0; i < found.length; i += 200) {
          await trx
            .insertInto("judge_conflicts")
            .values(
              found.slice(i, i + 200).map((f) => ({
                judge_id: f.judgeId,
                entry_id: f.entryId,
                source: "detected" as const,
                status: "pending" as const,
                reason: `${f.reason}: ${f.detail}`,
              })),
            )
            .execute();
        }
        await audit(trx, actor, "conflict.detected", "competition", competitionId, { suggested: found.length });
        return found.length;
      });
    },

    async pendingConflicts(competitionId: number, limit = 200) {
      return db
        .selectFrom("judge_conflicts as c")
        .innerJoin("judges as j", "j.id", "c.judge_id")
        .innerJoin("entries as e", "e.id", "c.entry_id")
        .where("j.competition_id", "=", competitionId)
        .where("c.status", "=", "pending")
        .select([
          "c.id",
          "c.reason",
          "c.source",
          "j.id as judgeId",
          "j.name as judgeName",
          "j.affiliation",
          "e.id as entryId",
          "e.code",
          "e.organization",
          "e.title_zh",
          "e.title_en",
        ])
        .orderBy("c.id")
        .limit(limit)
        .execute();
    },

    /** Confirms a suggested conflict (it then binds the assignment) or dismisses it with a reason. */
    async decideConflict(
      actor: SessionUser,
      competitionId: number,
      conflictId: number,
      decision: "confirmed" | "dismissed",
      reason: string | null,
    ) {
      if (decision === "dismissed" && !reason)
        return { ok: false as const, field: "reason", message: "conflicts.dismissNeedsReason" };
      return inTransaction(db, async (trx) => {
        const conflict = await trx
          .selectFrom("judge_conflicts as c")
          .innerJoin("judges as j", "j.id", "c.judge_id")
          .where("c.id", "=", conflictId)
          .where("j.competition_id", "=", competitionId)
          .select(["c.id", "c.status", "c.judge_id", "c.entry_id", "c.reason"])
          .executeTakeFirst();
        if (!conflict) return { ok: false as const, field: null, message: "conflicts.notFound" };
        const keptReason = decision === "dismissed" ? reason : (reason ?? conflict.reason);
        await trx
          .updateTable("judge_conflicts")
          .set({ status: decision, reason: keptReason })
          .where("id", "=", conflictId)
          .execute();
        let unassigned = 0;
        if (decision === "confirmed" && conflict.entry_id) {
          // A confirmed conflict takes the entry off the judge's lists where nothing was submitted yet,
          // in rounds still being judged: a closed or published round's pairs and drafts are its record.
          const open = await trx
            .selectFrom("assignments as a")
            .innerJoin("rounds as r", "r.id", "a.round_id")
            .leftJoin("scores as s", (j) =>
              j
                .onRef("s.round_id", "=", "a.round_id")
                .onRef("s.judge_id", "=", "a.judge_id")
                .onRef("s.entry_id", "=", "a.entry_id"),
            )
            .where("r.status", "in", ["draft", "open"])
            .where("a.judge_id", "=", conflict.judge_id)
            .where("a.entry_id", "=", conflict.entry_id)
            .where((eb) => eb.or([eb("s.status", "is", null), eb("s.status", "=", "draft")]))
            .select(["a.round_id"])
            .execute();
          for (const a of open) {
            await trx
              .deleteFrom("scores")
              .where("round_id", "=", a.round_id)
              .where("judge_id", "=", conflict.judge_id)
              .where("entry_id", "=", conflict.entry_id)
              .execute();
            await trx
              .deleteFrom("assignments")
              .where("round_id", "=", a.round_id)
              .where("judge_id", "=", conflict.judge_id)
              .where("entry_id", "=", conflict.entry_id)
              .execute();
            unassigned++;
          }
        }
        await audit(
          trx,
          actor,
          `conflict.${decision}`,
          "judge",
          conflict.judge_id,
          { conflictId, entryId: conflict.entry_id, unassigned },
          reason,
          { status: conflict.status },
        );
        return { ok: true as const, unassigned };
      });
    },
  };
}

export type JudgeService = ReturnType<typeof createJudgeService>;
