// Suggested conflicts at the scale of the demo (150 judges, ~3,100 entries): each carries a
// confidence and its evidence, a city alone never makes one, the review filters and pages, and a
// bulk decision with one reason is previewed, applied in one transaction, audited and undone.
import { beforeAll, describe, expect, it } from "vitest";
import { distinctivePart, organizationKey, type ConflictEvidence } from "../../app/domain/conflict-detection";
import { servicesForThisFile } from "../support/services";
import { demoServerForThisFile } from "../support/demo-server";

const h = servicesForThisFile("demo");
let competitionId = 0;
const planted: { judgeId: number; entryId: number }[] = [];
const cityJudges: number[] = [];

/** Adds a judge through the service and returns their id. */
async function addJudge(email: string, name: string, affiliation: string) {
  const created = await h.services.judges.create(h.organizer, competitionId, {
    email,
    name,
    affiliation,
    country: "CN",
    tracks: "",
  });
  expect(created.ok).toBe(true);
  return h.one<{ id: number }>("SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = ?", email)
    .id;
}

beforeAll(async () => {
  competitionId = h.one<{ id: number }>("SELECT id FROM competitions ORDER BY id LIMIT 1").id;
  // Twelve judges whose affiliation is an entry's organization written differently (upper case, a
  // suffix): a high-confidence link the hard rule (exact equality) misses.
  const entries = h
    .all<{ id: number; organization: string }>(
      "SELECT id, organization FROM entries WHERE status = 'submitted' AND competition_id = ? ORDER BY id",
      competitionId,
    )
    .filter((e) => distinctivePart(organizationKey(e.organization)).length > 0)
    .slice(0, 12);
  for (const [i, e] of entries.entries()) {
    const judgeId = await addJudge(
      `planted${i}@scale.example.net`,
      `Planted Judge ${i}`,
      `${e.organization.toUpperCase()} Ltd.`,
    );
    planted.push({ judgeId, entryId: e.id });
  }
  // Judges of a city-named university: every entry of that city shares only the city.
  cityJudges.push(await addJudge("city1@scale.example.net", "City Judge One", "北京大学"));
  cityJudges.push(await addJudge("city2@scale.example.net", "City Judge Two", "University of Shenzhen"));
  cityJudges.push(await addJudge("city3@scale.example.net", "City Judge Three", "上海科技有限公司"));
  expect(await h.services.judges.suggestConflicts(h.organizer, competitionId)).toBeGreaterThan(12);
});

const detected = () =>
  h.all<{
    id: number;
    judge_id: number;
    entry_id: number;
    confidence: number | null;
    evidence: string | null;
    status: string;
    reason: string | null;
  }>(
    "SELECT id, judge_id, entry_id, confidence, evidence, status, reason FROM judge_conflicts WHERE source = 'detected'",
  );

describe("suggested conflicts carry a confidence and the reason", () => {
  it("stores a confidence from 0 to 100 and the evidence (what matched, with the values) on every suggestion", () => {
    const rows = detected();
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      expect(r.confidence).toBeGreaterThanOrEqual(0);
      expect(r.confidence).toBeLessThanOrEqual(100);
      const evidence = JSON.parse(r.evidence!) as ConflictEvidence[];
      expect(evidence.length).toBeGreaterThan(0);
      expect(typeof evidence[0]!.kind).toBe("string");
    }
    for (const p of planted) {
      const row = rows.find((r) => r.judge_id === p.judgeId && r.entry_id === p.entryId)!;
      expect(row.confidence).toBeGreaterThanOrEqual(80);
      expect((JSON.parse(row.evidence!) as ConflictEvidence[])[0]!.kind).toBe("same_organization");
    }
  });

  it("never suggests a link that rests only on a city name", () => {
    const rows = detected();
    expect(rows.filter((r) => cityJudges.includes(r.judge_id))).toEqual([]);
    // Nor anywhere else: every organization match names more than a city and generic words.
    for (const r of rows)
      for (const e of JSON.parse(r.evidence!) as ConflictEvidence[])
        if (e.kind === "affiliation_in_organization" || e.kind === "organization_in_affiliation")
          expect(distinctivePart(e.matched)).not.toBe("");
  });
});

describe("reviewing the suggestions", () => {
  it("filters by confidence band and by judge, the most confident first, in pages of 50", async () => {
    const high = await h.services.judges.reviewConflicts(competitionId, { status: "pending", band: "high" }, 1);
    expect(high.count.conflicts).toBe(
      h.one<{ n: number }>(
        "SELECT count(*) n FROM judge_conflicts WHERE source = 'detected' AND status = 'pending' AND confidence >= 80",
      ).n,
    );
    expect(high.rows.every((r) => r.confidence! >= 80)).toBe(true);
    const low = await h.services.judges.reviewConflicts(competitionId, { status: "pending", band: "low" }, 1);
    expect(low.rows.every((r) => r.confidence! < 50)).toBe(true);
    const one = planted[3]!.judgeId;
    const mine = await h.services.judges.reviewConflicts(competitionId, { status: "pending", judgeId: one }, 1);
    expect(mine.rows.length).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.judgeId === one)).toBe(true);
    const all = await h.services.judges.reviewConflicts(competitionId, { status: "pending" }, 1);
    expect(all.rows).toHaveLength(50);
    expect(all.pages).toBe(Math.ceil(all.count.conflicts / 50));
    const second = await h.services.judges.reviewConflicts(competitionId, { status: "pending" }, 2);
    expect(second.rows.some((r) => all.rows.some((a) => a.id === r.id))).toBe(false);
    const confidences = [...all.rows, ...second.rows].map((r) => r.confidence!);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
  });

  it("confirms every high-confidence suggestion in bulk with one reason, in one transaction, audited as one row with the ids", async () => {
    const filter = { status: "pending" as const, band: "high" as const };
    // A planted judge holds an unscored pair of their entry in the open round: confirming takes it away.
    const round = h.one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'").id;
    const target = h.one<{ entry_id: number }>(
      "SELECT re.entry_id FROM round_entries re JOIN entries e ON e.id = re.entry_id WHERE re.round_id = ? AND e.status = 'submitted' AND NOT EXISTS (SELECT 1 FROM judge_conflicts c WHERE c.entry_id = re.entry_id) LIMIT 1",
      round,
    ).entry_id;
    const judgeId = planted[0]!.judgeId;
    h.db.sqlite
      .prepare(
        "INSERT INTO judge_conflicts (judge_id, entry_id, source, status, confidence, evidence) VALUES (?, ?, 'detected', 'pending', 95, '[]')",
      )
      .run(judgeId, target);
    h.db.sqlite
      .prepare("INSERT INTO assignments (round_id, judge_id, entry_id) VALUES (?, ?, ?)")
      .run(round, judgeId, target);

    const noReason = await h.services.judges.previewBulk(h.organizer, competitionId, {
      action: "confirm",
      filter,
      ids: null,
      reason: null,
    });
    expect(noReason).toMatchObject({ ok: false, code: "conflictReview.bulk.reasonRequired", field: "reason" });
    const preview = await h.services.judges.previewBulk(h.organizer, competitionId, {
      action: "confirm",
      filter,
      ids: null,
      reason: "Same organization",
    });
    if (!preview.ok) throw new Error(preview.code);
    const expectedIds = h.all<{ id: number; judge_id: number }>(
      "SELECT id, judge_id FROM judge_conflicts WHERE source = 'detected' AND status = 'pending' AND confidence >= 80 ORDER BY id",
    );
    expect(preview.preview).toEqual({
      conflicts: expectedIds.length,
      judges: new Set(expectedIds.map((r) => r.judge_id)).size,
      unassigned: 1,
    });

    // All or nothing: a count that no longer matches the preview changes nothing.
    const stale = await h.services.judges.applyBulk(h.organizer, competitionId, {
      action: "confirm",
      filter,
      ids: null,
      reason: "Same organization",
      expected: expectedIds.length - 1,
    });
    expect(stale).toMatchObject({ ok: false, kind: "conflict", code: "conflictReview.bulk.changed" });
    expect(
      h.one<{ n: number }>("SELECT count(*) n FROM judge_conflicts WHERE status = 'confirmed' AND source = 'detected'")
        .n,
    ).toBe(0);

    const applied = await h.services.judges.applyBulk(h.organizer, competitionId, {
      action: "confirm",
      filter,
      ids: null,
      reason: "Same organization",
      expected: expectedIds.length,
    });
    expect(applied).toMatchObject({ ok: true, changed: expectedIds.length, unassigned: 1 });
    const rows = h.all<{ status: string; reason: string }>(
      `SELECT status, reason FROM judge_conflicts WHERE id IN (${expectedIds.map((r) => r.id).join(",")})`,
    );
    expect(rows.every((r) => r.status === "confirmed" && r.reason === "Same organization")).toBe(true);
    expect(
      h.one<{ n: number }>("SELECT count(*) n FROM assignments WHERE judge_id = ? AND entry_id = ?", judgeId, target).n,
    ).toBe(0);
    const audit = h.one<{ after: string; reason: string }>(
      "SELECT after, reason FROM audit_log WHERE action = 'conflict.bulk_confirm' ORDER BY id DESC LIMIT 1",
    );
    expect(audit.reason).toBe("Same organization");
    expect(JSON.parse(audit.after).conflictIds).toEqual(expectedIds.map((r) => r.id));
  });

  it("dismisses checked rows with one reason and re-opens them to pending (undo), with a reason", async () => {
    const page = await h.services.judges.reviewConflicts(competitionId, { status: "pending", band: "low" }, 1);
    const ids = page.rows.slice(0, 5).map((r) => r.id);
    const filter = { status: "pending" as const, band: "low" as const };
    const dismissed = await h.services.judges.applyBulk(h.organizer, competitionId, {
      action: "dismiss",
      filter,
      ids,
      reason: "Common name, different people",
      expected: 5,
    });
    expect(dismissed).toMatchObject({ ok: true, changed: 5 });
    expect(
      h
        .all<{ status: string }>(`SELECT status FROM judge_conflicts WHERE id IN (${ids.join(",")})`)
        .map((r) => r.status),
    ).toEqual(Array(5).fill("dismissed"));
    // Re-opening applies only to decided conflicts.
    const wrong = await h.services.judges.previewBulk(h.organizer, competitionId, {
      action: "reopen",
      filter,
      ids,
      reason: "x",
    });
    expect(wrong).toMatchObject({ ok: false, code: "conflictReview.bulk.wrongStatus" });
    const reopened = await h.services.judges.applyBulk(h.organizer, competitionId, {
      action: "reopen",
      filter: { status: "dismissed" },
      ids,
      reason: "Dismissed too fast",
      expected: 5,
    });
    expect(reopened).toMatchObject({ ok: true, changed: 5 });
    expect(
      h.all<{ status: string; reason: string }>(
        `SELECT status, reason FROM judge_conflicts WHERE id IN (${ids.join(",")})`,
      ),
    ).toEqual(Array(5).fill({ status: "pending", reason: "Dismissed too fast" }));
    expect(h.one<{ n: number }>("SELECT count(*) n FROM audit_log WHERE action = 'conflict.bulk_reopen'").n).toBe(1);
  });

  it("refuses a bulk decision to someone who is not an organizer", async () => {
    const judgeUser = h.judgeUser(planted[1]!.judgeId);
    const outcome = await h.services.judges.previewBulk(judgeUser, competitionId, {
      action: "dismiss",
      filter: { status: "pending" },
      ids: null,
      reason: "x",
    });
    expect(outcome).toMatchObject({ ok: false, kind: "forbidden" });
  });
});

const demo = demoServerForThisFile();
const text = async (res: Response) =>
  (await res.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

describe("the conflicts page on the real server", () => {
  let organizer = "";
  let judge = "";
  beforeAll(async () => {
    organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    const res = await demo.post("/admin/judges/conflicts", new URLSearchParams({ form: "suggest" }), {
      cookie: organizer,
    });
    expect(res.status).toBe(302);
  });

  it("lists suggestions with their confidence and the reason in words, in English and Chinese", async () => {
    const en = await text(await demo.get("/admin/judges/conflicts?band=low", { cookie: organizer }));
    expect(en).toContain("A team member has the judge's name:");
    expect(en).toMatch(/data-testid="confidence"[^>]*>\d+ · low/);
    const zh = await text(await demo.get("/admin/judges/conflicts?band=low", { cookie: organizer, lang: "zh-Hans" }));
    expect(zh).toContain("团队成员与评委同名：");
    expect(zh).toMatch(/data-testid="confidence"[^>]*>\d+ · 低/);
  });

  it("previews a bulk dismissal in numbers, then applies it after the confirmation", async () => {
    const n = demo.count(
      "SELECT count(*) n FROM judge_conflicts WHERE source = 'detected' AND status = 'pending' AND confidence < 50",
    );
    const judges = demo.count(
      "SELECT count(DISTINCT judge_id) n FROM judge_conflicts WHERE source = 'detected' AND status = 'pending' AND confidence < 50",
    );
    expect(n).toBeGreaterThan(50);
    const fields = { status: "pending", band: "low", decision: "dismiss", scope: "filter", reason: "Namesakes" };
    const noReason = await demo.post(
      "/admin/judges/conflicts",
      new URLSearchParams({ ...fields, form: "preview", reason: "" }),
      {
        cookie: organizer,
      },
    );
    expect(noReason.status).toBe(400);
    expect(await text(noReason)).toMatch(/aria-invalid="true"[^>]*\/><p role="alert"[^>]*>Please give the reason/);
    const preview = await demo.post("/admin/judges/conflicts", new URLSearchParams({ ...fields, form: "preview" }), {
      cookie: organizer,
    });
    expect(preview.status).toBe(200);
    expect(await text(preview)).toContain(`Dismiss ${n} suggested conflicts of ${judges} judges`);
    expect(demo.count("SELECT count(*) n FROM judge_conflicts WHERE status = 'dismissed'")).toBe(0);
    const applied = await demo.post(
      "/admin/judges/conflicts",
      new URLSearchParams({ ...fields, form: "apply", expected: String(n) }),
      { cookie: organizer },
    );
    expect(applied.status).toBe(302);
    expect(
      demo.count("SELECT count(*) n FROM judge_conflicts WHERE status = 'dismissed' AND reason = 'Namesakes'"),
    ).toBe(n);
    const after = await text(await demo.get(applied.headers.get("location")!, { cookie: organizer }));
    expect(after).toContain(`${n} suggestions dismissed.`);
  });

  it("keeps the page and its bulk actions to organizers", async () => {
    expect((await demo.get("/admin/judges/conflicts", { cookie: judge })).status).toBe(403);
    const res = await demo.post(
      "/admin/judges/conflicts",
      new URLSearchParams({
        form: "apply",
        status: "pending",
        decision: "confirm",
        scope: "filter",
        reason: "x",
        expected: "1",
      }),
      { cookie: judge },
    );
    expect(res.status).toBe(403);
  });
});
