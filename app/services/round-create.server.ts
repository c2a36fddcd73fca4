// Adding a round at the end of an edition: its rule (the round page's own schema), its starting
// rubric (the default one or a copy of an earlier round's), one transaction, audited. Removing,
// reordering and filling the first round live in round-create/order.server.ts; this factory binds them.
import type { Db } from "../../db/client";
import { recordAudit } from "./audit.server";
import type { SessionUser } from "./auth.server";
import { bind } from "./bind.server";
import { inTransaction } from "./db-helpers.server";
import { criteriaOf } from "./queries/criteria.server";
import { advancedFrom, enterInto, roundFootprints, type RoundFootprintRow } from "./round-create/footprints.server";
import { deleteRound, emptyFirstRound, enterSubmitted, moveRound, roundsOverview } from "./round-create/order.server";
import { organizersEdition, refusedAtField, type RoundCreateDeps } from "./round-create/shared.server";
import { settingsColumns } from "./rounds-setup.server";
import {
  defaultRubric,
  nextPosition,
  roundCreateSchema,
  roundDefaults,
  type CriterionDraft,
  type RoundCreateInput,
} from "../domain/round-create";
import { refuseParse, type Outcome, type Refusal } from "../domain/refusal";
import { roundSettingsSchemaIn, type RoundKind, type RoundSettings } from "../domain/round-settings";

/** What the new-round form shows: the edition, its rounds so far, where the new one goes, and its defaults. */
async function newRoundForm(deps: RoundCreateDeps, actor: SessionUser, competitionSlug: string, kind: RoundKind) {
  const edition = await organizersEdition(deps.db, actor, competitionSlug);
  if (!edition.ok) return edition;
  const rounds = await roundFootprints(deps.db, edition.competition.id);
  return {
    ok: true as const,
    competition: edition.competition,
    rounds: rounds.map((r) => ({
      slug: r.slug,
      position: r.position,
      nameZh: r.name_zh,
      nameEn: r.name_en,
      kind: r.kind,
      criteria: r.criteria,
    })),
    position: nextPosition(rounds.map((r) => r.position)),
    stageRound: rounds.find((r) => r.kind === "stage")?.slug ?? null,
    defaults: roundDefaults(kind),
    defaultRubric: defaultRubric(kind),
  };
}

/** Every field's messages from both schemas, so the organizer sees all that is wrong at once. */
function parseNewRound(
  raw: Record<string, unknown>,
  timeZone: string,
): Outcome<{ settings: RoundSettings; input: RoundCreateInput }> {
  const settings = roundSettingsSchemaIn(timeZone).safeParse(raw);
  const input = roundCreateSchema.safeParse(raw);
  const fields: Record<string, string[]> = {};
  for (const parsed of [input, settings])
    if (!parsed.success)
      for (const [name, messages] of Object.entries(refuseParse(parsed.error).fields ?? {}))
        (fields[name] ??= []).push(...messages);
  // The round has no criteria yet, so a tie-break cannot name one: it is chosen on the round page later.
  for (const name of ["tieBreak1", "tieBreak2", "tieBreak3"])
    if (String(raw[name] ?? "").startsWith("criterion:") && !fields[name]) fields[name] = ["round.tieBreakInvalid"];
  if (!settings.success || !input.success || Object.keys(fields).length > 0)
    return { ok: false, kind: "invalid", code: "round.fixErrors", field: Object.keys(fields)[0] ?? "", fields };
  return { ok: true, settings: settings.data, input: input.data };
}

/** Why the new round cannot go where and as it was asked: a skipped position, a taken slug, a second stage. */
function placementRefusal(
  rounds: readonly RoundFootprintRow[],
  input: RoundCreateInput,
  settings: RoundSettings,
): Refusal | null {
  const position = nextPosition(rounds.map((r) => r.position));
  if (input.position !== undefined && input.position !== position)
    return refusedAtField("invalid", "position", "roundCreate.positionSkips", { position });
  if (rounds.some((r) => r.slug === input.slug))
    return refusedAtField("invalid", "slug", "roundCreate.slugTaken", { slug: input.slug });
  const stage = rounds.find((r) => r.kind === "stage");
  // One live final per edition: the control room and the audience screens follow one round on stage.
  if (settings.kind === "stage" && stage)
    return refusedAtField("invalid", "kind", "roundCreate.secondStage", { round: stage.slug });
  return null;
}

/** The rubric the round starts with: a copy of an earlier round's, criterion for criterion, or the default. */
async function startingRubric(
  trx: Db,
  rounds: readonly RoundFootprintRow[],
  input: RoundCreateInput,
  kind: RoundKind,
): Promise<Outcome<{ criteria: CriterionDraft[]; from: string }>> {
  if (input.rubric === "default") return { ok: true, criteria: defaultRubric(kind), from: "default" };
  const source = rounds.find((r) => r.slug === input.copyFrom);
  if (!source) return refusedAtField("invalid", "copyFrom", "roundCreate.copyFromUnknown");
  if (source.criteria === 0)
    return refusedAtField("invalid", "copyFrom", "roundCreate.copyFromEmpty", { round: source.slug });
  const criteria = (await criteriaOf(trx, source.id)).map((c) => ({
    nameZh: c.name_zh,
    nameEn: c.name_en,
    descriptionZh: c.description_zh,
    descriptionEn: c.description_en,
    weightBp: c.weight_bp,
    maxMilli: c.max_milli,
    stepMilli: c.step_milli,
  }));
  return { ok: true, criteria, from: source.slug };
}

async function insertRound(
  trx: Db,
  row: { competitionId: number; position: number; slug: string; settings: RoundSettings },
  criteria: readonly CriterionDraft[],
): Promise<number> {
  const { id } = await trx
    .insertInto("rounds")
    .values({
      ...settingsColumns(row.settings),
      competition_id: row.competitionId,
      position: row.position,
      slug: row.slug,
      status: "draft",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (criteria.length > 0)
    await trx
      .insertInto("criteria")
      .values(
        criteria.map((c, i) => ({
          round_id: id,
          position: i + 1,
          name_zh: c.nameZh,
          name_en: c.nameEn,
          description_zh: c.descriptionZh,
          description_en: c.descriptionEn,
          weight_bp: c.weightBp,
          max_milli: c.maxMilli,
          step_milli: c.stepMilli,
        })),
      )
      .execute();
  return id;
}

export type CreatedRound = { roundId: number; slug: string; position: number; criteria: number; carried: number };

/**
 * Adds a draft round at the end of the edition with its starting rubric, in one transaction. When
 * the round before it is already published, its advancing entries enter the new round at once
 * (publishing fills only a next round that already exists).
 */
export async function createRound(
  deps: RoundCreateDeps,
  actor: SessionUser,
  competitionSlug: string,
  raw: Record<string, unknown>,
): Promise<Outcome<CreatedRound>> {
  return inTransaction(deps.db, async (trx) => {
    const edition = await organizersEdition(trx, actor, competitionSlug);
    if (!edition.ok) return edition;
    const parsed = parseNewRound(raw, edition.competition.time_zone);
    if (!parsed.ok) return parsed;
    const { settings, input } = parsed;
    const rounds = await roundFootprints(trx, edition.competition.id);
    const refusal = placementRefusal(rounds, input, settings);
    if (refusal) return refusal;
    const rubric = await startingRubric(trx, rounds, input, settings.kind);
    if (!rubric.ok) return rubric;
    const position = nextPosition(rounds.map((r) => r.position));
    const competitionId = edition.competition.id;
    const roundId = await insertRound(trx, { competitionId, position, slug: input.slug, settings }, rubric.criteria);
    const previous = rounds.find((r) => r.position === position - 1);
    const carried =
      previous?.status === "published" ? await enterInto(trx, roundId, await advancedFrom(trx, previous.id)) : 0;
    await recordAudit(trx, {
      actor_user_id: actor.id,
      action: "round.created",
      subject_type: "round",
      subject_id: roundId,
      after: JSON.stringify({
        slug: input.slug,
        position,
        ...settingsColumns(settings),
        rubric: { from: rubric.from, criteria: rubric.criteria },
        carried,
      }),
    });
    return { ok: true, roundId, slug: input.slug, position, criteria: rubric.criteria.length, carried };
  });
}

export function createRoundCreateService(db: Db, clock: () => Date) {
  const deps: RoundCreateDeps = { db, clock };
  return {
    form: bind(deps, newRoundForm),
    create: bind(deps, createRound),
    overview: bind(deps, roundsOverview),
    remove: bind(deps, deleteRound),
    move: bind(deps, moveRound),
    enterSubmitted: bind(deps, enterSubmitted),
    emptyFirstRound: bind(deps, emptyFirstRound),
  };
}

export type RoundCreateService = ReturnType<typeof createRoundCreateService>;
