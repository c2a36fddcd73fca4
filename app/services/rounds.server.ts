// Setting up a round: its rule, its rubric (locked once scores exist) and its status.
import { sql } from "kysely";
import type { Db } from "../../db/client";
import { canMove, roundSettingsSchema, rubricSchema, type RoundStatus } from "../domain/round-settings";
import { tieBreaksSchema } from "../domain/round-rules";
import type { SessionUser } from "./auth.server";
import { inTransaction } from "./db-helpers.server";
import { recordAudit } from "./audit.server";
import type { AuditAction } from "../domain/audit-actions";

type Failure = { ok: false; fieldErrors: Record<string, string[]>; message: string | null };
const fail = (message: string): Failure => ({ ok: false, fieldErrors: {}, message });

function issuesToFields(issues: readonly { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = issue.path
      .map(String)
      .join(".")
      .replace(/\.(\d+)\./g, "[$1].")
      .replace(/\.(\d+)$/, "[$1]");
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

export function createRoundService(db: Db, clock: () => Date) {
  async function audit(
    trx: Db,
    actor: SessionUser,
    action: AuditAction,
    roundId: number,
    before: unknown,
    after: unknown,
    reason: string | null = null,
  ) {
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action,
      subject_type: "round",
      subject_id: roundId,
      before: JSON.stringify(before),
      after: JSON.stringify(after),
      reason,
    });
  }

  return {
    async list(competitionId: number) {
      return db
        .selectFrom("rounds as r")
        .where("r.competition_id", "=", competitionId)
        .orderBy("r.position")
        .select([
          "r.id",
          "r.slug",
          "r.position",
          "r.name_zh",
          "r.name_en",
          "r.scope",
          "r.status",
          "r.judges_per_entry",
          "r.advance_count",
          "r.opens_at",
          "r.closes_at",
          "r.published_at",
          (eb) =>
            eb
              .selectFrom("round_entries")
              .whereRef("round_id", "=", "r.id")
              .select(sql<number>`count(*)`.as("n"))
              .as("entries"),
          (eb) =>
            eb
              .selectFrom("assignments")
              .whereRef("round_id", "=", "r.id")
              .select(sql<number>`count(*)`.as("n"))
              .as("assignments"),
          (eb) =>
            eb
              .selectFrom("scores")
              .whereRef("round_id", "=", "r.id")
              .where("status", "=", "submitted")
              .select(sql<number>`count(*)`.as("n"))
              .as("submitted"),
        ])
        .execute();
    },

    async bySlug(competitionId: number, slug: string) {
      const round = await db
        .selectFrom("rounds")
        .selectAll()
        .where("competition_id", "=", competitionId)
        .where("slug", "=", slug)
        .executeTakeFirst();
      if (!round) return null;
      const [criteria, scored] = await Promise.all([
        db.selectFrom("criteria").selectAll().where("round_id", "=", round.id).orderBy("position").execute(),
        db
          .selectFrom("scores")
          .where("round_id", "=", round.id)
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow(),
      ]);
      return {
        round,
        criteria,
        tieBreaks: tieBreaksSchema.parse(JSON.parse(round.tie_breaks)),
        rubricLocked: scored.n > 0,
      };
    },

    /** The rule and the logistics of a round. A published round is history: nothing changes. */
    async updateSettings(
      actor: SessionUser,
      competitionId: number,
      slug: string,
      raw: Record<string, unknown>,
    ): Promise<{ ok: true } | Failure> {
      const parsed = roundSettingsSchema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, fieldErrors: issuesToFields(parsed.error.issues), message: "round.fixErrors" };
      const s = parsed.data;
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .selectAll()
          .where("competition_id", "=", competitionId)
          .where("slug", "=", slug)
          .executeTakeFirst();
        if (!round) return fail("round.notFound");
        if (round.status === "published") return fail("round.publishedLocked");
        const criterionIds = new Set(
          (await trx.selectFrom("criteria").select("id").where("round_id", "=", round.id).execute()).map((c) =>
            String(c.id),
          ),
        );
        const strayKey = s.tieBreaks.findIndex((k) => k.kind === "criterion" && !criterionIds.has(k.criterionId));
        if (strayKey >= 0)
          return {
            ok: false,
            fieldErrors: { [`tieBreak${strayKey + 1}`]: ["round.tieBreakInvalid"] },
            message: "round.fixErrors",
          };
        const scored = await trx
          .selectFrom("scores")
          .where("round_id", "=", round.id)
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow();
        // Who ranks against whom cannot change once judges have scored under it.
        if (scored.n > 0 && s.scope !== round.scope)
          return { ok: false, fieldErrors: { scope: ["round.scopeLocked"] }, message: "round.fixErrors" };
        // How it is judged neither: the scores came from the web sheet or from the stage.
        if (scored.n > 0 && s.kind !== round.kind)
          return { ok: false, fieldErrors: { kind: ["round.kindLocked"] }, message: "round.fixErrors" };
        const values = {
          name_zh: s.nameZh,
          name_en: s.nameEn,
          scope: s.scope,
          kind: s.kind,
          judges_per_entry: s.judgesPerEntry,
          advance_count: s.advanceCount,
          advance_per_organization: s.advancePerOrganization,
          drop_highest: s.dropHighest,
          drop_lowest: s.dropLowest,
          combine: s.combine,
          multiplier: s.multiplier,
          decimals: s.decimals,
          rounding: s.rounding,
          normalization: s.normalization,
          tie_breaks: JSON.stringify(s.tieBreaks),
          avoid_same_country: s.avoidSameCountry ? 1 : 0,
          opens_at: s.opensAt,
          closes_at: s.closesAt,
        };
        await trx.updateTable("rounds").set(values).where("id", "=", round.id).execute();
        const before = Object.fromEntries(Object.keys(values).map((k) => [k, round[k as keyof typeof round]]));
        await audit(trx, actor, "round.settings", round.id, before, values);
        return { ok: true };
      });
    },

    /** Replaces the rubric. Refused once any score exists: marks would lose their meaning. */
    async updateRubric(
      actor: SessionUser,
      competitionId: number,
      slug: string,
      raw: unknown,
    ): Promise<{ ok: true } | Failure> {
      const parsed = rubricSchema.safeParse(raw);
      if (!parsed.success)
        return { ok: false, fieldErrors: issuesToFields(parsed.error.issues), message: "round.fixErrors" };
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "status", "tie_breaks"])
          .where("competition_id", "=", competitionId)
          .where("slug", "=", slug)
          .executeTakeFirst();
        if (!round) return fail("round.notFound");
        const scored = await trx
          .selectFrom("scores")
          .where("round_id", "=", round.id)
          .select(sql<number>`count(*)`.as("n"))
          .executeTakeFirstOrThrow();
        if (scored.n > 0 || round.status === "published") return fail("rubric.locked");
        const before = await trx
          .selectFrom("criteria")
          .selectAll()
          .where("round_id", "=", round.id)
          .orderBy("position")
          .execute();
        await trx.deleteFrom("criteria").where("round_id", "=", round.id).execute();
        await trx
          .insertInto("criteria")
          .values(
            parsed.data.criteria.map((c, i) => ({
              round_id: round.id,
              position: i + 1,
              name_zh: c.nameZh,
              name_en: c.nameEn,
              weight_bp: c.weightBp,
              max_milli: c.maxMilli,
              step_milli: c.stepMilli,
            })),
          )
          .execute();
        // Criterion tie-breaks named the old criteria: drop them rather than point at nothing.
        const keys = tieBreaksSchema.parse(JSON.parse(round.tie_breaks)).filter((k) => k.kind !== "criterion");
        await trx
          .updateTable("rounds")
          .set({ tie_breaks: JSON.stringify(keys) })
          .where("id", "=", round.id)
          .execute();
        await audit(
          trx,
          actor,
          "round.rubric",
          round.id,
          before.map((c) => ({
            name: c.name_en,
            weight_bp: c.weight_bp,
            max_milli: c.max_milli,
            step_milli: c.step_milli,
          })),
          parsed.data.criteria,
        );
        return { ok: true };
      });
    },

    /**
     * Moves a round along draft → open → closed → published (or closed → open to take a late
     * score). Opening needs a complete rubric; publishing goes through the results service.
     */
    async setStatus(
      actor: SessionUser,
      competitionId: number,
      slug: string,
      to: RoundStatus,
      reason: string | null,
    ): Promise<{ ok: true } | Failure> {
      return inTransaction(db, async (trx) => {
        const round = await trx
          .selectFrom("rounds")
          .select(["id", "status"])
          .where("competition_id", "=", competitionId)
          .where("slug", "=", slug)
          .executeTakeFirst();
        if (!round) return fail("round.notFound");
        if (to === "published") return fail("round.publishFromResults");
        if (!canMove(round.status, to)) return fail("round.badTransition");
        if (to === "open") {
          const weights = await trx
            .selectFrom("criteria")
            .where("round_id", "=", round.id)
            .select(sql<number>`coalesce(sum(weight_bp), 0)`.as("total"))
            .executeTakeFirstOrThrow();
          if (weights.total !== 10_000) return fail("round.rubricIncomplete");
          if (round.status === "closed" && !reason)
            return { ok: false, fieldErrors: { reason: ["round.reopenNeedsReason"] }, message: null };
        }
        const now = clock().toISOString();
        await trx
          .updateTable("rounds")
          .set({
            status: to,
            ...(to === "open" && round.status === "draft" ? { opens_at: sql<string>`coalesce(opens_at, ${now})` } : {}),
            ...(to === "closed" ? { closes_at: now } : {}),
          })
          .where("id", "=", round.id)
          .execute();
        await audit(
          trx,
          actor,
          // canMove allows only these two moves here (publishing has its own path).
          to === "closed" ? "round.closed" : round.status === "closed" ? "round.reopened" : "round.open",
          round.id,
          { status: round.status },
          { status: to },
          reason,
        );
        return { ok: true };
      });
    },

    async history(roundId: number, limit = 50) {
      return db
        .selectFrom("audit_log as a")
        .leftJoin("users as u", "u.id", "a.actor_user_id")
        .where("a.subject_type", "=", "round")
        .where("a.subject_id", "=", roundId)
        .orderBy("a.id", "desc")
        .limit(limit)
        .select(["a.id", "a.at", "a.action", "a.reason", "u.display_name as actor"])
        .execute();
    },
  };
}

export type RoundService = ReturnType<typeof createRoundService>;
