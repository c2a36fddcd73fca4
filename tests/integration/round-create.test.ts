// An organizer adds the rounds of a new edition, and a created round does all a seeded one does:
// it opens on a complete rubric, takes judges and scores, publishes, and its advancing entries fill
// the next round. Bad input is refused at its field with nothing written; deleting and moving
// work only while nothing depends on the round. Services first, then the same over real HTTP.
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import type { Services } from "../../app/services/index.server";
import type { SessionUser } from "../../app/services/auth.server";
import { demoServerForThisFile } from "../support/demo-server";
import { buildEdition, roundForm, runRound } from "../support/new-edition";
import { servicesForThisFile } from "../support/services";

const harness = servicesForThisFile();

describe("creating an edition's rounds (services)", () => {
  let services: Services;
  let organizer: SessionUser;
  let edition: ReturnType<typeof buildEdition>;
  const slug = "trial2027";
  const rounds = () =>
    harness.all<{ slug: string; position: number; status: string; kind: string }>(
      "SELECT slug, position, status, kind FROM rounds WHERE competition_id = ? ORDER BY position",
      edition.competitionId,
    );
  const criteria = (roundSlug: string) =>
    harness.all(
      `SELECT c.position, c.name_zh, c.name_en, c.weight_bp, c.max_milli, c.step_milli FROM criteria c
       JOIN rounds r ON r.id = c.round_id WHERE r.competition_id = ? AND r.slug = ? ORDER BY c.position`,
      edition.competitionId,
      roundSlug,
    );
  const roundId = (roundSlug: string) =>
    harness.one<{ id: number }>(
      "SELECT id FROM rounds WHERE competition_id = ? AND slug = ?",
      edition.competitionId,
      roundSlug,
    ).id;

  beforeAll(() => {
    services = harness.services;
    organizer = harness.organizer;
    const sqlite = harness.db.sqlite;
    edition = buildEdition(
      (sql, ...p) => sqlite.prepare(sql).run(...p),
      (sql) => harness.all(sql),
      slug,
      2027,
    );
  });

  it("adds rounds at the end as drafts, with the default rubric or an exact copy of another round's", async () => {
    const first = await services.roundCreate.create(organizer, slug, roundForm({ slug: "prelim", position: "1" }));
    expect(first).toMatchObject({ ok: true, slug: "prelim", position: 1, criteria: 4, carried: 0 });
    const second = await services.roundCreate.create(
      organizer,
      slug,
      roundForm({
        slug: "Final",
        nameZh: "总决赛",
        nameEn: "Final",
        kind: "stage",
        scope: "all",
        advanceCount: "0",
        rubric: "copy",
        copyFrom: "prelim",
      }),
    );
    expect(second).toMatchObject({ ok: true, slug: "final", position: 2 });
    expect(rounds()).toEqual([
      { slug: "prelim", position: 1, status: "draft", kind: "online" },
      { slug: "final", position: 2, status: "draft", kind: "stage" },
    ]);
    expect(criteria("prelim")).toHaveLength(4);
    expect(criteria("final")).toEqual(criteria("prelim"));
    const audit = harness.one<{ after: string }>(
      "SELECT after FROM audit_log WHERE action = 'round.created' AND subject_id = ?",
      roundId("final"),
    );
    expect(JSON.parse(audit.after)).toMatchObject({ slug: "final", position: 2, rubric: { from: "prelim" } });
  });

  it("refuses a taken slug, a second stage round and a skipped position at their fields, writing nothing", async () => {
    const before = rounds();
    const audits = harness.one<{ n: number }>("SELECT count(*) n FROM audit_log").n;
    const taken = await services.roundCreate.create(organizer, slug, roundForm({ slug: "prelim" }));
    expect(taken).toMatchObject({ ok: false, kind: "invalid", fields: { slug: ["roundCreate.slugTaken"] } });
    const stage = await services.roundCreate.create(organizer, slug, roundForm({ slug: "gala", kind: "stage" }));
    expect(stage).toMatchObject({
      ok: false,
      fields: { kind: ["roundCreate.secondStage"] },
      params: { round: "final" },
    });
    const skip = await services.roundCreate.create(organizer, slug, roundForm({ slug: "later", position: "5" }));
    expect(skip).toMatchObject({
      ok: false,
      fields: { position: ["roundCreate.positionSkips"] },
      params: { position: 3 },
    });
    const bad = await services.roundCreate.create(
      organizer,
      slug,
      roundForm({ slug: "x y", judgesPerEntry: "0", tieBreak1: "criterion:1" }),
    );
    expect(bad).toMatchObject({ ok: false, kind: "invalid" });
    if (bad.ok) throw new Error("refused above");
    expect(Object.keys(bad.fields ?? {}).sort()).toEqual(["judgesPerEntry", "slug", "tieBreak1"]);
    const unknown = await services.roundCreate.create(
      organizer,
      slug,
      roundForm({ slug: "copyless", rubric: "copy", copyFrom: "nowhere" }),
    );
    expect(unknown).toMatchObject({ ok: false, fields: { copyFrom: ["roundCreate.copyFromUnknown"] } });
    expect(rounds()).toEqual(before);
    expect(harness.one<{ n: number }>("SELECT count(*) n FROM audit_log").n).toBe(audits);
    const judge = { ...organizer, roles: ["judge" as const] };
    expect(await services.roundCreate.create(judge, slug, roundForm({ slug: "sneaky" }))).toMatchObject({
      ok: false,
      kind: "forbidden",
    });
  });

  it("moves and deletes an empty draft round, closing up the positions", async () => {
    await services.roundCreate.create(organizer, slug, roundForm({ slug: "spare" }));
    expect(await services.roundCreate.move(organizer, slug, "spare", "up")).toEqual({ ok: true, position: 2 });
    expect(rounds().map((r) => r.slug)).toEqual(["prelim", "spare", "final"]);
    expect(await services.roundCreate.remove(organizer, slug, "spare", false)).toMatchObject({
      ok: false,
      fields: { confirm: ["roundCreate.confirmDelete"] },
    });
    expect(await services.roundCreate.remove(organizer, slug, "spare", true)).toEqual({ ok: true, movedUp: ["final"] });
    expect(rounds().map((r) => [r.slug, r.position])).toEqual([
      ["prelim", 1],
      ["final", 2],
    ]);
    expect(await services.roundCreate.move(organizer, slug, "prelim", "up")).toMatchObject({
      ok: false,
      code: "roundCreate.cannotMoveFurther",
    });
  });

  it("runs a created round like a seeded one: entries, opening, judges, scores, publication, the next round filled", async () => {
    // Opening still needs a complete rubric: a criterion taken away, and the round stays a draft.
    const last = harness.one<{ id: number }>(
      "SELECT id FROM criteria WHERE round_id = ? ORDER BY position DESC LIMIT 1",
      roundId("prelim"),
    );
    const saved = harness.one<Record<string, unknown>>("SELECT * FROM criteria WHERE id = ?", last.id);
    harness.db.sqlite.prepare("DELETE FROM criteria WHERE id = ?").run(last.id);
    expect(await services.rounds.setStatus(organizer, edition.competitionId, "prelim", "open", null)).toMatchObject({
      ok: false,
      code: "round.rubricIncomplete",
    });
    harness.db.sqlite
      .prepare(
        "INSERT INTO criteria (id, round_id, position, name_zh, name_en, weight_bp, max_milli, step_milli) VALUES (@id, @round_id, @position, @name_zh, @name_en, @weight_bp, @max_milli, @step_milli)",
      )
      .run(saved);
    // Entering the submitted entries can be undone while no judge is assigned; entering again adds them all.
    expect(await services.roundCreate.enterSubmitted(organizer, slug, "prelim")).toEqual({ ok: true, entered: 8 });
    expect(await services.roundCreate.emptyFirstRound(organizer, slug, "prelim")).toEqual({ ok: true, removed: 8 });
    const entered = await services.roundCreate.enterSubmitted(organizer, slug, "prelim");
    expect(entered).toEqual({ ok: true, entered: 8 });
    expect(await services.roundCreate.enterSubmitted(organizer, slug, "final")).toMatchObject({
      ok: false,
      code: "roundCreate.enterFirstOnly",
    });
    // A round with entries is no longer an empty draft: it stays, and the final cannot jump over it.
    expect(await services.roundCreate.remove(organizer, slug, "prelim", true)).toMatchObject({
      ok: false,
      kind: "conflict",
      code: "roundCreate.deleteInUse",
      params: { entries: 8 },
    });
    expect(await services.roundCreate.move(organizer, slug, "final", "up")).toMatchObject({
      ok: false,
      code: "roundCreate.moveInUse",
    });
    await runRound(services, organizer, edition, "prelim", roundId("prelim"));
    expect(await services.roundCreate.emptyFirstRound(organizer, slug, "prelim")).toMatchObject({
      ok: false,
      code: "roundCreate.emptyInUse",
    });
    // Two per group advance into the final, found by position.
    expect(
      harness.one<{ n: number }>("SELECT count(*) n FROM round_entries WHERE round_id = ?", roundId("final")).n,
    ).toBe(4);
    // The created stage round is the edition's live final: its panel is seated and the final starts on it.
    const panel = edition.judges.map((j) => j.id);
    expect(await services.assignment.seatPanel(organizer, roundId("final"), panel)).toMatchObject({ ok: true });
    expect(await services.live.start(organizer, slug)).toEqual({ ok: true });
    expect(
      harness.one<{ round_id: number }>(
        "SELECT round_id FROM live_state WHERE competition_id = ?",
        edition.competitionId,
      ).round_id,
    ).toBe(roundId("final"));
  });

  it("fills a round added after the one before it was published, at once", async () => {
    const other = "after2027";
    const built = buildEdition(
      (sql, ...p) => harness.db.sqlite.prepare(sql).run(...p),
      (sql) => harness.all(sql),
      other,
      2026,
    );
    await services.roundCreate.create(organizer, other, roundForm({ slug: "prelim", advanceCount: "3" }));
    await services.roundCreate.enterSubmitted(organizer, other, "prelim");
    const prelimId = harness.one<{ id: number }>(
      "SELECT id FROM rounds WHERE competition_id = ? AND slug = 'prelim'",
      built.competitionId,
    ).id;
    await runRound(services, organizer, built, "prelim", prelimId);
    const next = await services.roundCreate.create(organizer, other, roundForm({ slug: "semi", nameEn: "Semifinal" }));
    expect(next).toMatchObject({ ok: true, position: 2, carried: 6 });
  });
});

// The same pages over HTTP on the built server, as an organizer's browser posts them.
const demo = demoServerForThisFile({}, (file) => {
  const sqlite = new Database(file);
  try {
    buildEdition(
      (sql, ...p) => sqlite.prepare(sql).run(...p),
      (sql) => sqlite.prepare(sql).all() as never[],
      "web2027",
      2027,
    );
  } finally {
    sqlite.close();
  }
});

/** The text of the element a field's error is rendered in, or null when the field has none. */
function errorAt(html: string, field: string): string | null {
  const match = new RegExp(`id="round-${field}-error"[^>]*>([^<]*)<`).exec(html);
  return match ? match[1]! : null;
}

describe("the new-round and rounds pages (HTTP)", () => {
  let organizer = "";
  const newRound = "/admin/competitions/web2027/rounds/new";
  const list = "/admin/competitions/web2027/rounds";
  const post = (path: string, fields: Record<string, string>) =>
    demo.post(path, new URLSearchParams(fields), { cookie: organizer });

  beforeAll(async () => {
    organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
  });

  it("shows the form with the next position and its defaults, in both languages, to organizers only", async () => {
    const res = await demo.get(newRound, { cookie: organizer });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Add a round · Frontier");
    expect(html).toContain('name="position" value="1"');
    expect(await (await demo.get(newRound, { cookie: organizer, lang: "zh-CN" })).text()).toContain("新增轮次");
    const judge = await demo.signIn("judge@frontier.demo", "frontier-judge");
    expect((await demo.get(newRound, { cookie: judge })).status).toBe(403);
    expect((await demo.get("/admin/competitions/nowhere/rounds/new", { cookie: organizer })).status).toBe(404);
  });

  it("creates a round, makes its edition the organizer's, and opens its set-up page", async () => {
    const res = await post(newRound, roundForm({ slug: "qualifier", nameEn: "Qualifier", position: "1" }));
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe("/admin/rounds/qualifier?saved=created");
    const edition = /edition=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
    expect(edition).toBeDefined();
    const page = await demo.get("/admin/rounds/qualifier", { cookie: `${organizer}; ${edition}` });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Qualifier");
  });

  it("answers a taken slug, a second stage round and a skipped position with 400 at the field", async () => {
    const final = await post(newRound, roundForm({ slug: "final", kind: "stage", scope: "all", advanceCount: "0" }));
    expect(final.status).toBe(302);
    const taken = await post(newRound, roundForm({ slug: "qualifier" }));
    expect(taken.status).toBe(400);
    const takenHtml = await taken.text();
    expect(errorAt(takenHtml, "slug")).toBe("Another round of this edition is already called “qualifier”.");
    expect(takenHtml).toContain("Please correct the marked fields.");
    expect(takenHtml).toContain('value="qualifier"');
    const stage = await post(newRound, roundForm({ slug: "gala", kind: "stage" }));
    expect(stage.status).toBe(400);
    expect(errorAt(await stage.text(), "kind")).toContain("already has a round played live on stage (“final”)");
    const skip = await post(newRound, roundForm({ slug: "later", position: "7" }));
    expect(skip.status).toBe(400);
    expect(errorAt(await skip.text(), "position")).toContain("this one would be round 3");
    expect(
      demo.count(
        "SELECT count(*) n FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE c.slug = 'web2027'",
      ),
    ).toBe(2);
  });

  it("copies a rubric exactly, and lists, moves and deletes an empty draft with a confirmation", async () => {
    const copy = await post(newRound, roundForm({ slug: "extra", rubric: "copy", copyFrom: "qualifier" }));
    expect(copy.status).toBe(302);
    const rubric = (slug: string) =>
      demo.query(
        `SELECT c.position, c.name_zh, c.name_en, c.weight_bp, c.max_milli, c.step_milli FROM criteria c
         JOIN rounds r ON r.id = c.round_id JOIN competitions k ON k.id = r.competition_id
         WHERE k.slug = 'web2027' AND r.slug = ? ORDER BY c.position`,
        slug,
      );
    expect(rubric("extra")).toEqual(rubric("qualifier"));
    const page = await demo.get(list, { cookie: organizer });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('name="round" value="extra"');
    expect((await post(list, { intent: "move", round: "extra", direction: "up" })).status).toBe(302);
    const confirmPage = await (await demo.get(`${list}?delete=extra`, { cookie: organizer })).text();
    expect(confirmPage).toContain("The rounds after it move up one place");
    const unconfirmed = await post(list, { intent: "delete", round: "extra" });
    expect(unconfirmed.status).toBe(400);
    expect(errorAt(await unconfirmed.text(), "confirm")).toContain("tick the box");
    const deleted = await post(list, { intent: "delete", round: "extra", confirm: "on" });
    expect(deleted.status).toBe(302);
    expect(
      demo.query<{ slug: string; position: number }>(
        "SELECT r.slug, r.position FROM rounds r JOIN competitions c ON c.id = r.competition_id WHERE c.slug = 'web2027' ORDER BY r.position",
      ),
    ).toEqual([
      { slug: "qualifier", position: 1 },
      { slug: "final", position: 2 },
    ]);
  });

  it("enters the submitted entries into the first round, after which it can no longer be deleted (409)", async () => {
    const entered = await post(list, { intent: "enter", round: "qualifier" });
    expect(entered.status).toBe(302);
    expect(entered.headers.get("location")).toBe(`${list}?entered=8`);
    const refused = await post(list, { intent: "delete", round: "qualifier", confirm: "on" });
    expect(refused.status).toBe(409);
    expect(await refused.text()).toContain("is no longer an empty draft (8 entries");
  });
});
