// Creating an edition: the competition row, and when asked a copy of an earlier edition's structure,
// all in one transaction and audited.
import type { Competition } from "../../../db/schema";
import type { CompetitionFormInput } from "../../domain/edition-schemas";
import { refuse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { competitionBySlug } from "../queries/competitions.server";
import { copyStructure, type CopyCounts } from "./copy.server";
import { type EditionDeps } from "./shared.server";
import { organizerOnly } from "../organizer-only.server";
import { auditChange } from "../audit.server";

export type CreatedEdition = Outcome<{ competition: Competition; copied: CopyCounts | null }>;

/** Creates an edition (optionally copied from `input.copyFrom`); a taken slug or a missing source is refused at its field. */
export async function createEdition(
  { db }: EditionDeps,
  actor: SessionUser,
  input: CompetitionFormInput,
): Promise<CreatedEdition> {
  const refusal = organizerOnly(actor);
  if (refusal) return refusal;
  return inTransaction(db, async (trx): Promise<CreatedEdition> => {
    if (await competitionBySlug(trx, input.slug)) return refuse.invalid("editions.errors.slugTaken", "slug");
    const source = input.copyFrom ? await competitionBySlug(trx, input.copyFrom) : undefined;
    if (input.copyFrom && !source) return refuse.invalid("editions.errors.copyFromMissing", "copyFrom");
    const competition = await trx
      .insertInto("competitions")
      .values({
        slug: input.slug,
        name_zh: input.nameZh,
        name_en: input.nameEn,
        edition: input.year,
        time_zone: input.timeZone,
        registration_opens_at: input.opensAt,
        registration_closes_at: input.closesAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const { id, created_at: _at, ...after } = competition;
    await auditChange(trx, actor, { action: "competition.created", subject: "competition", id }, after);
    if (!source) return { ok: true, competition, copied: null };
    const copied = await copyStructure(trx, source.id, competition.id, input.copyJudges);
    await auditChange(
      trx,
      actor,
      { action: "competition.copied", subject: "competition", id },
      { from: source.slug, withJudges: input.copyJudges, ...copied },
    );
    return { ok: true, competition, copied };
  });
}
