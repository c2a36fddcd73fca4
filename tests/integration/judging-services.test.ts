// Judging services on a copy of the seeded demo database: results against an independent
// recomputation, normalization, conflicts, judge import and swaps.
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "../../app/services/auth.server";
import type { Services } from "../../app/services/index.server";
import { distinctivePart, organizationKey } from "../../app/domain/conflict-detection";
import { servicesForThisFile } from "../support/services";

const demo = servicesForThisFile();
const { all, one } = demo;
let services: Services;
let organizer: SessionUser;
let competitionId = 0;
const roundId = (slug: string) => one<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug).id;

beforeAll(() => {
  services = demo.services;
  organizer = demo.organizer;
  competitionId = one<{ id: number }>("SELECT id FROM competitions LIMIT 1").id;
});

/** half-up rounding of num/den to an integer, for non-negative values. */
const roundHalfUp = (num: bigint, den: bigint) => (2n * num + den) / (2n * den);

describe("published results against an independent recomputation", () => {
  it("gives every entry of the regional round the result its judges' marks give by the round's rule", () => {
    const id = roundId("regional");
    const rule = one<{
      drop_highest: number;
      drop_lowest: number;
      combine: string;
      decimals: number;
      rounding: string;
      normalization: string;
      multiplier: string | null;
    }>(
      "SELECT drop_highest, drop_lowest, combine, decimals, rounding, normalization, multiplier FROM rounds WHERE id = ?",
      id,
    );
    // This recomputation covers the regional rule: mean of the kept marks, half-up, no normalization.
    expect(rule).toMatchObject({ combine: "mean", rounding: "half-up", normalization: "none", multiplier: null });
    const criteria = one<{ n: number }>("SELECT count(*) n FROM criteria WHERE round_id = ?", id).n;
    // Weighted mark of each complete submitted sheet, in ten-millionths (thousandths × basis points).
    const sheets = all<{ entry_id: number; w: number }>(
      `SELECT s.entry_id, sum(m.mark_milli * c.weight_bp) w FROM scores s JOIN score_marks m ON m.score_id = s.id JOIN criteria c ON c.id = m.criterion_id
       WHERE s.round_id = ? AND s.status = 'submitted' GROUP BY s.id HAVING count(*) = ?`,
      id,
      criteria,
    );
    const byEntry = new Map<number, bigint[]>();
    for (const s of sheets) byEntry.set(s.entry_id, [...(byEntry.get(s.entry_id) ?? []), BigInt(s.w)]);
    const stored = all<{
      entry_id: number;
      unit: string;
      rank: number | null;
      result: string | null;
      judges_counted: number;
    }>("SELECT entry_id, unit, rank, result, judges_counted FROM results WHERE round_id = ?", id);
    expect(stored.length).toBeGreaterThan(3000);
    const scale = 10n ** BigInt(rule.decimals);
    let checked = 0;
    for (const row of stored) {
      const marks = (byEntry.get(row.entry_id) ?? []).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      expect(row.judges_counted).toBe(marks.length);
      const kept = marks.slice(rule.drop_lowest, marks.length - rule.drop_highest);
      if (kept.length === 0) {
        expect(row.result).toBeNull();
        continue;
      }
      const sum = kept.reduce((a, b) => a + b, 0n);
      const units = roundHalfUp(sum * scale, BigInt(kept.length) * 10_000_000n);
      const expected = `${units / scale}.${String(units % scale).padStart(rule.decimals, "0")}`;
      expect(row.result, `entry ${row.entry_id}`).toBe(rule.decimals === 0 ? String(units) : expected);
      checked++;
    }
    expect(checked).toBeGreaterThan(3000);
    // Within a unit, a higher result never ranks below a lower one.
    const units = new Map<string, typeof stored>();
    for (const r of stored) if (r.rank !== null) units.set(r.unit, [...(units.get(r.unit) ?? []), r]);
    for (const rows of units.values()) {
      rows.sort((a, b) => a.rank! - b.rank!);
      for (let i = 1; i < rows.length; i++)
        expect(Number(rows[i]!.result)).toBeLessThanOrEqual(Number(rows[i - 1]!.result));
    }
  });
});

describe("normalization and a harsh judge", () => {
  it("leaves the harsh judge's entries where they were under z-scores, while raw marks push them down", async () => {
    const id = roundId("domain");
    const harsh = one<{ judge_id: number }>(
      "SELECT judge_id FROM scores WHERE round_id = ? AND status = 'submitted' GROUP BY judge_id ORDER BY count(*) DESC, judge_id LIMIT 1",
      id,
    ).judge_id;
    const theirs = all<{ entry_id: number; unit: string }>(
      "SELECT s.entry_id, 'track:' || e.track_id AS unit FROM scores s JOIN entries e ON e.id = s.entry_id WHERE s.round_id = ? AND s.judge_id = ? AND s.status = 'submitted'",
      id,
      harsh,
    );
    expect(theirs.length).toBeGreaterThanOrEqual(5);
    const ranks = async () => {
      await services.resultsAdmin.refresh(id);
      const out = new Map<number, { raw: number | null; z: number | null }>();
      for (const unit of new Set(theirs.map((t) => t.unit))) {
        const raw = await services.resultsAdmin.preview(id, unit, {
          normalization: "none",
          dropHighest: 0,
          dropLowest: 0,
        });
        const z = await services.resultsAdmin.preview(id, unit, {
          normalization: "zscore",
          dropHighest: 0,
          dropLowest: 0,
        });
        for (const t of theirs.filter((x) => x.unit === unit)) {
          out.set(t.entry_id, {
            raw: raw.find((r) => r.entryId === t.entry_id)!.otherRank,
            z: z.find((r) => r.entryId === t.entry_id)!.otherRank,
          });
        }
      }
      return out;
    };
    const before = await ranks();
    // The judge marks everything three points lower (never below zero): harsh, but just as discerning.
    demo.db.sqlite
      .prepare(
        "UPDATE score_marks SET mark_milli = max(0, mark_milli - 3000) WHERE score_id IN (SELECT id FROM scores WHERE round_id = ? AND judge_id = ?)",
      )
      .run(id, harsh);
    const after = await ranks();
    const rawDrop = theirs.map((t) => after.get(t.entry_id)!.raw! - before.get(t.entry_id)!.raw!);
    const zMove = theirs.map((t) => Math.abs(after.get(t.entry_id)!.z! - before.get(t.entry_id)!.z!));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(rawDrop.every((d) => d >= 0)).toBe(true);
    expect(mean(rawDrop)).toBeGreaterThan(2);
    expect(mean(zMove)).toBeLessThan(0.5);
  });
});

describe("conflicts of interest", () => {
  it("suggests a judge whose affiliation resembles an entry's organization; dismissing needs a reason, confirming frees the entry", async () => {
    const id = roundId("domain");
    // An organization with a name of its own: one made only of a city and generic words (北京大学前沿交叉研究院) is never suggested.
    const entry = all<{ id: number; organization: string; track: string }>(
      `SELECT e.id, e.organization, t.code AS track FROM entries e JOIN tracks t ON t.id = e.track_id JOIN round_entries re ON re.entry_id = e.id AND re.round_id = ?
       WHERE e.status = 'submitted' AND length(e.organization) > 8 ORDER BY e.id`,
      id,
    ).find((e) => distinctivePart(organizationKey(e.organization)) !== "")!;
    const created = await services.judges.create(organizer, competitionId, {
      email: "new.judge@lab.example.net",
      name: "Nora Quist",
      affiliation: `${entry.organization} (Shenzhen campus)`,
      country: "CN",
      tracks: entry.track,
    });
    expect(created.ok).toBe(true);
    const judgeId = one<{ id: number }>(
      "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'new.judge@lab.example.net'",
    ).id;
    expect(await services.judges.suggestConflicts(organizer, competitionId)).toBeGreaterThan(0);
    const mine = (await services.judges.pendingConflicts(competitionId, 10_000)).filter((c) => c.judgeId === judgeId);
    expect(mine.map((c) => c.entryId)).toContain(entry.id);
    const suggestion = mine.find((c) => c.entryId === entry.id)!;
    expect(suggestion.reason).toMatch(/^similar_affiliation/);

    // A false positive is dismissed, but only with a reason; it is not suggested again.
    const noReason = await services.judges.decideConflict(organizer, competitionId, suggestion.id, "dismissed", null);
    expect(noReason).toMatchObject({
      ok: false,
      kind: "invalid",
      code: "conflicts.dismissNeedsReason",
      field: "reason",
    });
    expect(one<{ status: string }>("SELECT status FROM judge_conflicts WHERE id = ?", suggestion.id).status).toBe(
      "pending",
    );
    const other = mine.find((c) => c.entryId !== entry.id);
    if (other) {
      expect(
        (
          await services.judges.decideConflict(
            organizer,
            competitionId,
            other.id,
            "dismissed",
            "Different institute, same city",
          )
        ).ok,
      ).toBe(true);
      expect(
        one<{ status: string; reason: string }>("SELECT status, reason FROM judge_conflicts WHERE id = ?", other.id),
      ).toEqual({ status: "dismissed", reason: "Different institute, same city" });
    }

    // Put the judge on the entry's panel, then confirm: the unscored assignment goes.
    demo.db.sqlite
      .prepare("INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)")
      .run(id, judgeId, entry.id);
    expect((await services.judges.decideConflict(organizer, competitionId, suggestion.id, "confirmed", null)).ok).toBe(
      true,
    );
    expect(
      one<{ n: number }>("SELECT count(*) n FROM assignments WHERE judge_id = ? AND entry_id = ?", judgeId, entry.id).n,
    ).toBe(0);
    await services.judges.suggestConflicts(organizer, competitionId);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM judge_conflicts WHERE judge_id = ? AND entry_id = ?",
        judgeId,
        entry.id,
      ).n,
    ).toBe(1);
    // The assignment never gives the judge that entry again.
    await services.assignment.run(organizer, id, { seed: 3 });
    expect(
      one<{ n: number }>("SELECT count(*) n FROM assignments WHERE judge_id = ? AND entry_id = ?", judgeId, entry.id).n,
    ).toBe(0);
  });

  it("takes an entry off a judge's list when they declare a conflict, and the next run finds a replacement", async () => {
    const id = roundId("domain");
    const user = one<{ id: number; email: string; display_name: string }>(
      "SELECT id, email, display_name FROM users WHERE email = 'judge@frontier.demo'",
    );
    const judge: SessionUser = {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      locale: "en",
      roles: ["judge"],
    };
    const judgeId = one<{ id: number }>("SELECT id FROM judges WHERE user_id = ?", user.id).id;
    const entryId = one<{ entry_id: number }>(
      `SELECT a.entry_id FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted' WHERE a.round_id = ? AND a.judge_id = ?
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id) ORDER BY a.entry_id LIMIT 1`,
      id,
      judgeId,
    ).entry_id;
    const panel = () =>
      one<{ n: number }>("SELECT count(*) n FROM assignments WHERE round_id = ? AND entry_id = ?", id, entryId).n;
    const k = panel();
    const shortBefore = (await services.assignment.overview(id)).short;
    expect(
      (
        await services.judging.declareConflict(
          judge,
          competitionId,
          "domain",
          entryId,
          "My former PhD student leads this team",
        )
      ).ok,
    ).toBe(true);
    expect(panel()).toBe(k - 1);
    const list = (await services.judging.list(judge, competitionId, "domain"))!;
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((i) => i.id)).not.toContain(entryId);
    expect(
      one<{ source: string; status: string }>(
        "SELECT source, status FROM judge_conflicts WHERE judge_id = ? AND entry_id = ?",
        judgeId,
        entryId,
      ),
    ).toEqual({ source: "declared", status: "confirmed" });
    // The organizer is asked for a replacement: the entry is short of a judge until the next run.
    expect((await services.assignment.overview(id)).short).toBe(shortBefore + 1);
    await services.assignment.run(organizer, id, { seed: 11 });
    expect(panel()).toBe(k);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM assignments WHERE round_id = ? AND judge_id = ? AND entry_id = ?",
        id,
        judgeId,
        entryId,
      ).n,
    ).toBe(0);
  });
});

describe("swapping one judge on a panel", () => {
  it("replaces an unscored judge, but never one who submitted, nor with a judge already on the panel", async () => {
    const id = roundId("domain");
    const entry = one<{ id: number; code: string }>(
      `SELECT e.id, e.code FROM entries e JOIN round_entries re ON re.entry_id = e.id AND re.round_id = ? WHERE e.status = 'submitted'
       AND EXISTS (SELECT 1 FROM scores s WHERE s.round_id = re.round_id AND s.entry_id = e.id AND s.status = 'submitted')
       AND EXISTS (SELECT 1 FROM assignments a WHERE a.round_id = re.round_id AND a.entry_id = e.id AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id))
       ORDER BY e.id LIMIT 1`,
      id,
    );
    const panel = (await services.assignment.panel(competitionId, id, entry.code))!;
    const scored = panel.seated.find((s) => s.status === "submitted")!;
    const free = panel.seated.find((s) => s.status !== "submitted")!;
    const candidate = panel.candidates[0]!;
    expect(
      await services.assignment.swap(organizer, competitionId, id, entry.code, scored.id, candidate.id, null),
    ).toMatchObject({ ok: false, kind: "conflict", code: "assign.alreadyScored" });
    expect(
      await services.assignment.swap(organizer, competitionId, id, entry.code, free.id, scored.id, null),
    ).toMatchObject({ ok: false, kind: "invalid", code: "assign.notEligible", field: "to" });
    expect(
      (await services.assignment.swap(organizer, competitionId, id, entry.code, free.id, candidate.id, "Travelling"))
        .ok,
    ).toBe(true);
    const seated = all<{ judge_id: number }>(
      "SELECT judge_id FROM assignments WHERE round_id = ? AND entry_id = ?",
      id,
      entry.id,
    ).map((r) => r.judge_id);
    expect(seated).toContain(candidate.id);
    expect(seated).not.toContain(free.id);
    expect(
      one<{ n: number }>(
        "SELECT count(*) n FROM audit_log WHERE action = 'assignment.swapped' AND subject_id = ?",
        entry.id,
      ).n,
    ).toBe(1);
    // A judge sits on an entry's panel once: a second seat is refused by the database itself.
    expect(() =>
      demo.db.sqlite
        .prepare("INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)")
        .run(id, candidate.id, entry.id),
    ).toThrow(/UNIQUE/);
  });
});

describe("importing judges from a CSV", () => {
  it("reports every problem by row and column in a dry run, storing nothing, then imports the good rows", async () => {
    const before = one<{ n: number }>("SELECT count(*) n FROM judges").n;
    const rows = [
      {
        email: "ada.li@photonics.example.org",
        name: "Ada Li",
        title: "Professor",
        affiliation: "Institute of Photonics",
        country: "cn",
        tracks: "PC; QI",
        conflict_organizations: "Lightwave Ltd",
      },
      {
        email: "not-an-email",
        name: "Bad Mail",
        title: "",
        affiliation: "X",
        country: "DE",
        tracks: "",
        conflict_organizations: "",
      },
      {
        email: "bo@kth.example.se",
        name: "Bo Ek",
        title: "",
        affiliation: "KTH",
        country: "SE",
        tracks: "ZZZ",
        conflict_organizations: "",
      },
      {
        email: "ada.li@photonics.example.org",
        name: "Ada Li again",
        title: "",
        affiliation: "Y",
        country: "CN",
        tracks: "",
        conflict_organizations: "",
      },
      {
        email: "judge@frontier.demo",
        name: "Existing",
        title: "",
        affiliation: "Z",
        country: "CN",
        tracks: "",
        conflict_organizations: "",
      },
    ];
    const dry = await services.judges.importCsv(organizer, competitionId, rows, true);
    expect(dry).toMatchObject({ rows: 5, good: 1, imported: 0 });
    expect(dry.problems).toEqual([
      { row: 3, column: "email", message: "validation.email" },
      { row: 4, column: "tracks", message: "judges.trackUnknown" },
      { row: 5, column: "email", message: "judges.duplicateInFile" },
      { row: 6, column: "email", message: "judges.alreadyJudge" },
    ]);
    expect(one<{ n: number }>("SELECT count(*) n FROM judges").n).toBe(before);
    const done = await services.judges.importCsv(organizer, competitionId, rows, false);
    expect(done.imported).toBe(1);
    const ada = one<{ id: number; country: string }>(
      "SELECT j.id, j.country FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'ada.li@photonics.example.org'",
    );
    expect(ada.country).toBe("CN");
    expect(
      all<{ code: string }>(
        "SELECT t.code FROM judge_expertise x JOIN tracks t ON t.id = x.track_id WHERE x.judge_id = ? ORDER BY t.code",
        ada.id,
      ).map((r) => r.code),
    ).toEqual(["PC", "QI"]);
    expect(
      all<{ organization: string }>("SELECT organization FROM judge_conflicts WHERE judge_id = ?", ada.id),
    ).toEqual([{ organization: "Lightwave Ltd" }]);
  });
});
