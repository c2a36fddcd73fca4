// Each score keeps its weighted total (the judge's mark the ranking counts), so a recompute reads
// one row per score instead of joining and summing every criterion mark. The total is derived by
// the domain's own sheetWeightedTotal (exact, canonical decimal text), null until every criterion
// is marked. A mark or weight changed by anything but the score write (a hand edit in sqlite3)
// clears the total, and the next recompute derives it again: a stale total is never counted.
import { sql, type Kysely } from "kysely";
import { sheetWeightedTotal } from "../../app/domain/scoring";

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("scores").addColumn("weighted_total", "text").execute();
  // The ranking's read: every submitted score of a round (or of its entries in one group), from the index alone.
  await db.schema
    .createIndex("scores_round_totals")
    .on("scores")
    .columns(["round_id", "status", "entry_id", "judge_id", "weighted_total"])
    .execute();
  // The submitted scores whose total was cleared: what a recompute derives again first.
  await sql`CREATE INDEX scores_total_stale ON scores (round_id) WHERE weighted_total IS NULL AND status = 'submitted'`.execute(
    db,
  );
  for (const [event, row] of [
    ["INSERT", "NEW"],
    ["UPDATE", "NEW"],
    ["DELETE", "OLD"],
  ] as const) {
    await sql
      .raw(
        `CREATE TRIGGER score_marks_clear_total_${event.toLowerCase()} AFTER ${event} ON score_marks
         BEGIN UPDATE scores SET weighted_total = NULL WHERE id = ${row}.score_id AND weighted_total IS NOT NULL; END`,
      )
      .execute(db);
  }
  await sql`CREATE TRIGGER criteria_clear_totals AFTER UPDATE OF weight_bp ON criteria
    BEGIN UPDATE scores SET weighted_total = NULL WHERE round_id = NEW.round_id AND weighted_total IS NOT NULL; END`.execute(
    db,
  );

  // Backfill: every existing score with marks, by the same domain function the score write uses.
  const criteria = await db.selectFrom("criteria").select(["id", "round_id", "weight_bp"]).execute();
  const byRound = new Map<number, { id: number; weightBp: number }[]>();
  for (const c of criteria) {
    const list = byRound.get(c.round_id) ?? [];
    list.push({ id: c.id, weightBp: c.weight_bp });
    byRound.set(c.round_id, list);
  }
  const marks = await db
    .selectFrom("score_marks as m")
    .innerJoin("scores as s", "s.id", "m.score_id")
    .select(["s.id", "s.round_id", "m.criterion_id", "m.mark_milli"])
    .execute();
  const sheets = new Map<number, { roundId: number; marks: Map<number, number> }>();
  for (const m of marks) {
    const sheet = sheets.get(m.id) ?? { roundId: m.round_id, marks: new Map<number, number>() };
    sheet.marks.set(m.criterion_id, m.mark_milli);
    sheets.set(m.id, sheet);
  }
  const totals = [...sheets].map(([id, s]) => [id, sheetWeightedTotal(byRound.get(s.roundId) ?? [], s.marks)]);
  await sql`UPDATE scores SET weighted_total = j.value ->> 1 FROM json_each(${JSON.stringify(totals)}) AS j
    WHERE scores.id = j.value ->> 0`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("0013_score_totals cannot be reverted: restore from a backup instead");
}
