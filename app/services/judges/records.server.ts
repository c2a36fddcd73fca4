// Creating judges (one from the form, many from a spreadsheet) and changing one's details and
// expertise.
import type { Db } from "../../../db/client";
import { judgeSchema, type JudgeInput } from "../../domain/judge-schemas";
import { refuse, refuseParse, type Outcome } from "../../domain/refusal";
import type { SessionUser } from "../auth.server";
import { inTransaction } from "../db-helpers.server";
import { NO_PASSWORD } from "../passwords.server";
import { judgeEmailsOf, judgeIn } from "../queries/judges.server";
import { auditJudge, checkCodes, trackIdsByCode, type JudgeDeps } from "./shared.server";

export type JudgeProblem = { row: number; column: string; message: string };
export type JudgeImportReport = { rows: number; good: number; problems: JudgeProblem[]; imported: number };

/** The account of this e-mail address, created (without a password) when there is none. */
async function accountFor(trx: Db, input: JudgeInput) {
  const user = await trx.selectFrom("users").select(["id"]).where("email", "=", input.email).executeTakeFirst();
  if (user) return user;
  return trx
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

/** Creates (or reuses) the account, gives it the judge role and stores the judge: inside the caller's transaction. */
async function insertJudge(
  trx: Db,
  actor: SessionUser,
  competitionId: number,
  input: JudgeInput,
  trackIds: Map<string, number>,
): Promise<Outcome<{ judgeId: number }>> {
  const user = await accountFor(trx, input);
  const existing = await trx
    .selectFrom("judges")
    .select("id")
    .where("competition_id", "=", competitionId)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (existing) return refuse.conflict("judges.alreadyJudge", undefined, "email");
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
  await auditJudge(
    trx,
    actor,
    { action: "judge.created", subject: "judge", id: judge.id },
    { email: input.email, affiliation: input.affiliation, tracks: input.tracks },
  );
  return { ok: true, judgeId: judge.id };
}

/** One judge from the organizer's form; refused at the field to blame. */
export async function createJudge(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  raw: Record<string, unknown>,
): Promise<Outcome<{ judgeId: number }>> {
  const parsed = judgeSchema.safeParse(raw);
  if (!parsed.success) return refuseParse(parsed.error);
  return inTransaction(deps.db, async (trx) => {
    const trackIds = await trackIdsByCode(trx, competitionId);
    const problem = checkCodes(parsed.data, trackIds);
    if (problem) return problem;
    return insertJudge(trx, actor, competitionId, parsed.data, trackIds);
  });
}

const detailsSchema = judgeSchema.omit({ email: true, conflictOrganizations: true });

/** A judge's name, title, affiliation, country and expertise, as the organizer corrects them. */
export async function updateJudge(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  judgeId: number,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  const parsed = detailsSchema.safeParse(raw);
  if (!parsed.success) return refuseParse(parsed.error);
  const input = parsed.data;
  return inTransaction(deps.db, async (trx) => {
    const before = await judgeIn(trx, competitionId, judgeId);
    if (!before) return refuse.notFound("judges.notFound");
    const trackIds = await trackIdsByCode(trx, competitionId);
    const problem = checkCodes(input, trackIds);
    if (problem) return problem;
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
    await auditJudge(
      trx,
      actor,
      { action: "judge.updated", subject: "judge", id: judgeId },
      { ...input },
      { before: { name: before.name, affiliation: before.affiliation, country: before.country } },
    );
    return { ok: true };
  });
}

/** Checks every row of a judges' spreadsheet: the good ones, and each problem by row and column. */
function checkRows(records: Record<string, string>[], trackIds: Map<string, number>, existing: Set<string>) {
  const problems: JudgeProblem[] = [];
  const good: JudgeInput[] = [];
  const seen = new Set<string>();
  records.forEach((record, i) => {
    const row = i + 2; // the header is row 1
    const parsed = judgeSchema.safeParse({ ...record, conflictOrganizations: record["conflict_organizations"] });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        const column = field === "conflictOrganizations" ? "conflict_organizations" : field;
        problems.push({ row, column, message: issue.message });
      }
      return;
    }
    const problem = checkCodes(parsed.data, trackIds);
    if (problem) return void problems.push({ row, column: problem.field ?? "", message: problem.code });
    if (seen.has(parsed.data.email))
      return void problems.push({ row, column: "email", message: "judges.duplicateInFile" });
    if (existing.has(parsed.data.email))
      return void problems.push({ row, column: "email", message: "judges.alreadyJudge" });
    seen.add(parsed.data.email);
    good.push(parsed.data);
  });
  return { problems, good };
}

/** A CSV of judges: a dry run lists every problem by row and column; the import stores the good rows in one transaction. */
export async function importJudges(
  deps: JudgeDeps,
  actor: SessionUser,
  competitionId: number,
  records: Record<string, string>[],
  dryRun: boolean,
): Promise<JudgeImportReport> {
  const check = async (db: Db) =>
    checkRows(records, await trackIdsByCode(db, competitionId), await judgeEmailsOf(db, competitionId));
  const report = (problems: JudgeProblem[], good: number, imported: number) => ({
    rows: records.length,
    good,
    problems,
    imported,
  });
  if (dryRun) {
    const { problems, good } = await check(deps.db);
    return report(problems, good.length, 0);
  }
  // The rows are checked in the transaction that stores them, against the judges as they are then.
  return inTransaction(deps.db, async (trx) => {
    const trackIds = await trackIdsByCode(trx, competitionId);
    const { problems, good } = checkRows(records, trackIds, await judgeEmailsOf(trx, competitionId));
    let imported = 0;
    for (const input of good) if ((await insertJudge(trx, actor, competitionId, input, trackIds)).ok) imported++;
    return report(problems, good.length, imported);
  });
}
