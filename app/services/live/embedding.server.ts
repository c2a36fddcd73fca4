// The partner origins of each competition: the organizer's list (read and saved, audited,
// organizers only, checked here and not just by the route), and the two questions the server asks
// on every live page and every socket handshake — which origins may frame this competition's
// pages, and is this Origin listed by any competition — answered from a cache a few seconds old.
import type { Db } from "../../../db/client";
import { parseOriginList, storedOrigins, storeOrigins } from "../../domain/embed-origins";
import { refuseLive } from "../../domain/live-refusals";
import type { Refusal } from "../../domain/refusal";
import { recordAudit } from "../audit.server";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";

/** How long a saved list may take to reach the headers and handshakes (another process's save too). */
export const EMBED_CACHE_MS = 5_000;

type Lists = { bySlug: Map<string, string[]>; any: Set<string>; loadedAt: number };

function listedOrigins(db: Db) {
  return db.selectFrom("competitions").where("embed_origins", "!=", "").select(["slug", "embed_origins"]).execute();
}

function competitionOf(db: Db, slug: string) {
  return db.selectFrom("competitions").where("slug", "=", slug).select(["id", "embed_origins"]).executeTakeFirst();
}

export function createEmbeddingService(db: Db, clock: () => Date = () => new Date()) {
  let lists: Promise<Lists> | null = null;
  const current = () => {
    const now = Date.now();
    if (!lists)
      lists = listedOrigins(db).then((rows) => {
        const bySlug = new Map(rows.map((r) => [r.slug, storedOrigins(r.embed_origins)]));
        return { bySlug, any: new Set([...bySlug.values()].flat()), loadedAt: now };
      });
    const loading = lists;
    // A failed read is not kept: the next question reads again.
    loading.catch(() => {
      if (lists === loading) lists = null;
    });
    return lists.then((l) => {
      if (now - l.loadedAt > EMBED_CACHE_MS) lists = null;
      return l;
    });
  };

  return {
    /** The organizer's list for the page. */
    async view(actor: SessionUser, slug: string): Promise<{ ok: true; origins: string[] } | Refusal> {
      if (!actor.roles.includes("organizer")) return refuseLive("forbidden");
      const competition = await competitionOf(db, slug);
      if (!competition) return refuseLive("unknownCompetition");
      return { ok: true, origins: storedOrigins(competition.embed_origins) };
    },

    /** Replaces the list with the organizer's text (one origin per line); refused whole at the field if one is wrong. */
    async save(actor: SessionUser, slug: string, text: string): Promise<{ ok: true; origins: string[] } | Refusal> {
      if (!actor.roles.includes("organizer")) return refuseLive("forbidden");
      const parsed = parseOriginList(text);
      if (!parsed.ok) return parsed;
      const outcome = await inTransaction(db, async (trx) => {
        const competition = await competitionOf(trx, slug);
        if (!competition) return refuseLive("unknownCompetition");
        const before = storedOrigins(competition.embed_origins);
        if (before.join("\n") === parsed.origins.join("\n")) return { ok: true as const, origins: before };
        await trx
          .updateTable("competitions")
          .set({ embed_origins: storeOrigins(parsed.origins) })
          .where("id", "=", competition.id)
          .execute();
        await recordAudit(trx, {
          at: clock().toISOString(),
          actor_user_id: actor.id,
          action: "competition.embed_origins",
          subject_type: "competition",
          subject_id: competition.id,
          before: JSON.stringify({ origins: before }),
          after: JSON.stringify({ origins: parsed.origins }),
        });
        return { ok: true as const, origins: parsed.origins };
      });
      // This process sees its own save at once; others within EMBED_CACHE_MS.
      if (outcome.ok) lists = null;
      return outcome;
    },

    /** The origins (besides this site's) whose pages may frame `slug`'s live pages. */
    async framers(slug: string): Promise<string[]> {
      return (await current()).bySlug.get(slug) ?? [];
    },

    /** Whether any competition lists this origin (a partner's page may then open the live channel). */
    async listed(origin: string): Promise<boolean> {
      return (await current()).any.has(origin);
    },
  };
}

export type EmbeddingService = ReturnType<typeof createEmbeddingService>;
