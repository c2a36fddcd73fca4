// Storing a ranking: only the result rows whose values changed are written, and rows of entries no
// longer ranked in the scope are deleted, so the table ends exactly as a full rewrite leaves it
// (computed_at then says when a row's values last changed).
import type { Db } from "../../db/client";
import type { ResultsTable } from "../../db/schema";
import type { RankedRow } from "../domain/ranking";

type ResultRow = ResultsTable;

export function toResultRows(roundId: number, unit: string, list: readonly RankedRow[], now: Date): ResultRow[] {
  const computedAt = now.toISOString();
  return list.map((r) => ({
    round_id: roundId,
    entry_id: Number(r.id),
    unit,
    rank: r.rank,
    result: r.result,
    raw_result: r.raw,
    judges_counted: r.judgesCounted,
    kept: JSON.stringify(r.kept),
    dropped: JSON.stringify(r.dropped),
    decided_by: r.decidedBy,
    computed_at: computedAt,
  }));
}

const sameValues = (a: Omit<ResultRow, "computed_at" | "round_id">, b: ResultRow) =>
  a.unit === b.unit &&
  a.rank === b.rank &&
  a.result === b.result &&
  a.raw_result === b.raw_result &&
  a.judges_counted === b.judges_counted &&
  a.kept === b.kept &&
  a.dropped === b.dropped &&
  a.decided_by === b.decided_by;

/**
 * Makes the stored results of a round (or of one unit of it) equal to `rows`: inserts new rows,
 * updates changed ones, deletes those of entries not in `rows`. Returns how many rows were written.
 */
export async function storeResults(trx: Db, roundId: number, unit: string | undefined, rows: readonly ResultRow[]) {
  let query = trx
    .selectFrom("results")
    .select(["entry_id", "unit", "rank", "result", "raw_result", "judges_counted", "kept", "dropped", "decided_by"])
    .where("round_id", "=", roundId);
  if (unit) query = query.where("unit", "=", unit);
  const stored = new Map((await query.execute()).map((r) => [r.entry_id, r]));
  const changed: ResultRow[] = [];
  for (const row of rows) {
    const before = stored.get(row.entry_id);
    stored.delete(row.entry_id);
    if (!before || !sameValues(before, row)) changed.push(row);
  }
  const gone = [...stored.keys()];
  // SQLite caps bound parameters per statement; 11 columns × 500 rows stays well under it.
  for (let i = 0; i < gone.length; i += 500)
    await trx
      .deleteFrom("results")
      .where("round_id", "=", roundId)
      .where("entry_id", "in", gone.slice(i, i + 500))
      .execute();
  for (let i = 0; i < changed.length; i += 500)
    await trx
      .insertInto("results")
      .values(changed.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(["round_id", "entry_id"]).doUpdateSet((eb) => ({
          unit: eb.ref("excluded.unit"),
          rank: eb.ref("excluded.rank"),
          result: eb.ref("excluded.result"),
          raw_result: eb.ref("excluded.raw_result"),
          judges_counted: eb.ref("excluded.judges_counted"),
          kept: eb.ref("excluded.kept"),
          dropped: eb.ref("excluded.dropped"),
          decided_by: eb.ref("excluded.decided_by"),
          computed_at: eb.ref("excluded.computed_at"),
        })),
      )
      .execute();
  return gone.length + changed.length;
}
