// The guardrails of closing, publishing and taking a publication back, on copies of the demo: the
// services (every guard is theirs) and real HTTP posts to the built server. The demo's domain round
// is open with drafts and missing scores; its final is a draft already holding 22 seated finalists.
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";
import { servicesForThisFile } from "../support/services";

const waitingSql = `SELECT count(*) n FROM assignments a JOIN entries e ON e.id = a.entry_id AND e.status = 'submitted'
  WHERE a.round_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id
    AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id AND s.status = 'submitted')`;

describe("the round guardrails in the services", () => {
  const demo = servicesForThisFile("demo");
  let competitionId = 0;
  let domainId = 0;
  let finalId = 0;
  const ids = (sql: string, ...params: unknown[]) => demo.all<{ id: number }>(sql, ...params).map((r) => r.id);
  const finalLineup = () => ids("SELECT entry_id id FROM round_entries WHERE round_id = ? ORDER BY entry_id", finalId);
  const statusOf = (id: number) => demo.one<{ status: string }>("SELECT status FROM rounds WHERE id = ?", id).status;
  let seatedFinal: { entry_id: number; stage_order: number | null }[] = [];

  beforeAll(() => {
    competitionId = demo.one<{ id: number }>("SELECT id FROM competitions WHERE slug = 'zgc2026'").id;
    domainId = demo.one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'").id;
    finalId = demo.one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'final'").id;
    seatedFinal = demo.all(
      "SELECT entry_id, stage_order FROM round_entries WHERE round_id = ? ORDER BY entry_id",
      finalId,
    );
  });

  it("names, before closing, every judge with drafts and how many scores are missing", async () => {
    const preview = await demo.services.rounds.closePreview(domainId);
    const draftsPerJudge = demo.all<{ id: number; name: string; n: number }>(
      `SELECT j.id, j.name, count(*) n FROM scores s JOIN judges j ON j.id = s.judge_id
       JOIN entries e ON e.id = s.entry_id AND e.status = 'submitted'
       JOIN assignments a ON a.round_id = s.round_id AND a.judge_id = s.judge_id AND a.entry_id = s.entry_id
       WHERE s.round_id = ? AND s.status = 'draft' GROUP BY j.id`,
      domainId,
    );
    expect(draftsPerJudge.length).toBeGreaterThan(0);
    for (const j of draftsPerJudge)
      expect(
        preview.judges.find((p) => p.judgeId === j.id),
        j.name,
      ).toMatchObject({ judgeName: j.name, drafts: j.n });
    expect(preview.drafts + preview.missing).toBe(demo.one<{ n: number }>(waitingSql, domainId).n);
    expect(preview.missing).toBeGreaterThan(0);
    expect(preview.entries.length).toBeGreaterThan(0);
  });

  it("refuses to close a round waiting for scores without the confirmation, and audits the numbers with it", async () => {
    const refused = await demo.services.rounds.setStatus(demo.organizer, competitionId, "domain", "closed", null);
    expect(refused).toMatchObject({ ok: false, kind: "invalid", field: "confirm", code: "guards.close.confirmNeeded" });
    expect(statusOf(domainId)).toBe("open");
    const closed = await demo.services.rounds.setStatus(demo.organizer, competitionId, "domain", "closed", null, true);
    expect(closed).toEqual({ ok: true });
    expect(statusOf(domainId)).toBe("closed");
    const audit = demo.one<{ after: string }>(
      "SELECT after FROM audit_log WHERE action = 'round.closed' AND subject_id = ? ORDER BY id DESC LIMIT 1",
      domainId,
    );
    expect(JSON.parse(audit.after)).toMatchObject({ status: "closed", drafts: expect.any(Number) });
  });

  it("refuses to publish when it would take judged entries out of the next round, changing nothing", async () => {
    const plan = (await demo.services.resultsAdmin.publishPreview(domainId))!;
    expect(plan.next).toMatchObject({ slug: "final", mode: "refill", before: 22 });
    expect(plan.next!.blocked.length).toBeGreaterThan(0);
    const waiting = String(plan.pending.drafts + plan.pending.missing);
    const outcome = await demo.services.resultsAdmin.publish(demo.organizer, domainId, {
      checked: true,
      typedCount: waiting,
      reason: "Jury agreed",
      confirmNext: true,
    });
    expect(outcome).toMatchObject({ ok: false, kind: "conflict", field: "nextRound" });
    expect(statusOf(domainId)).toBe("closed");
    expect(finalLineup()).toEqual(seatedFinal.map((f) => f.entry_id));
  });

  it("publishes with scores missing only with their number typed and a reason; the preview's line-up is who joins", async () => {
    // The final's panel is not seated yet in this edition (the organizer has no page to unseat a whole panel).
    demo.db.sqlite.prepare("DELETE FROM assignments WHERE round_id = ?").run(finalId);
    const wildcard = demo.one<{ entry_id: number }>(
      `SELECT re.entry_id FROM round_entries re JOIN results r ON r.round_id = re.round_id AND r.entry_id = re.entry_id
       WHERE re.round_id = ? AND r.rank IS NOT NULL ORDER BY r.rank DESC LIMIT 1`,
      domainId,
    ).entry_id;
    expect(
      await demo.services.resultsAdmin.override(demo.organizer, domainId, wildcard, "advanced", "Jury's wildcard"),
    ).toEqual({ ok: true });
    const plan = (await demo.services.resultsAdmin.publishPreview(domainId))!;
    const waiting = plan.pending.drafts + plan.pending.missing;
    expect(waiting).toBeGreaterThan(0);
    expect(plan.next).toMatchObject({ mode: "refill", blocked: [] });
    expect(plan.overrides).toEqual([expect.objectContaining({ entryId: wildcard, reason: "Jury's wildcard" })]);

    const publish = (c: object) => demo.services.resultsAdmin.publish(demo.organizer, domainId, c);
    expect(await publish({ checked: true, confirmNext: true })).toMatchObject({
      kind: "invalid",
      fields: { typedCount: ["guards.publish.typeCount"], reason: ["guards.publish.reasonNeeded"] },
    });
    expect(
      await publish({ checked: true, confirmNext: true, typedCount: String(waiting + 1), reason: "x" }),
    ).toMatchObject({ kind: "invalid", field: "typedCount" });
    expect(await publish({ checked: true, typedCount: String(waiting), reason: "x" })).toMatchObject({
      field: "confirmNext",
    });
    expect(statusOf(domainId)).toBe("closed");

    const done = await publish({
      checked: true,
      confirmNext: true,
      typedCount: String(waiting),
      reason: "The jury closed the round short",
      fingerprint: plan.fingerprint,
    });
    expect(done).toMatchObject({ ok: true, advancing: plan.advancing.length });
    expect(statusOf(domainId)).toBe("published");
    expect(finalLineup()).toEqual([...plan.advancing].sort((a, b) => a - b));
    const entrant = demo.one<{ id: number }>("SELECT id FROM users WHERE email = 'entrant@frontier.demo'").id;
    const mine = (await demo.services.entries.ownedBy(entrant))
      .flatMap((e) => e.rounds)
      .find((r) => r.slug === "domain");
    expect(mine).toMatchObject({ published: true, state: expect.stringMatching(/advanced|eliminated/) });
    expect(plan.units.reduce((n, u) => n + u.advancing, 0)).toBe(plan.advancing.length);
    const audit = demo.one<{ after: string; reason: string }>(
      "SELECT after, reason FROM audit_log WHERE action = 'round.published' AND subject_id = ? ORDER BY id DESC LIMIT 1",
      domainId,
    );
    expect(audit.reason).toBe("The jury closed the round short");
    expect(JSON.parse(audit.after)).toMatchObject({
      advancing: plan.advancing.length,
      drafts: plan.pending.drafts,
      missing: plan.pending.missing,
      noScore: plan.noScore,
      shortOfJudges: plan.shortOfJudges,
      nextRoundBefore: 22,
      nextRoundAfter: plan.advancing.length,
    });
  });

  it("takes the publication back before the next round opens: states, the next round and the public pages", async () => {
    expect(await demo.services.resultsAdmin.unpublish(demo.organizer, domainId, " ")).toMatchObject({
      kind: "invalid",
      field: "reason",
    });
    const outcome = await demo.services.resultsAdmin.unpublish(demo.organizer, domainId, "Wrong rule applied");
    expect(outcome).toMatchObject({ ok: true, putBack: expect.any(Number) });
    expect(statusOf(domainId)).toBe("closed");
    expect(
      demo.all("SELECT entry_id, stage_order FROM round_entries WHERE round_id = ? ORDER BY entry_id", finalId),
    ).toEqual(seatedFinal);
    const states = demo.all<{ state: string; state_source: string; state_reason: string | null }>(
      "SELECT state, state_source, state_reason FROM round_entries WHERE round_id = ?",
      domainId,
    );
    expect(states.filter((s) => s.state_source === "rule").every((s) => s.state === "in")).toBe(true);
    expect(states.filter((s) => s.state_source === "organizer")).toEqual([
      { state: "advanced", state_source: "organizer", state_reason: "Jury's wildcard" },
    ]);
    const entrant = demo.one<{ id: number }>("SELECT id FROM users WHERE email = 'entrant@frontier.demo'").id;
    const mine = (await demo.services.entries.ownedBy(entrant))
      .flatMap((e) => e.rounds)
      .find((r) => r.slug === "domain");
    expect(mine).toMatchObject({ published: false, state: null, feedback: null });
    expect(await demo.services.results.publicResults(competitionId, "domain", { page: 1 })).toMatchObject({
      published: false,
    });
    expect(await demo.services.results.api(competitionId, "domain", null)).toMatchObject({
      ok: false,
      code: "live.api.not_published",
    });
    expect(
      demo.one<{ n: number }>(
        "SELECT count(*) n FROM audit_log WHERE action = 'round.unpublished' AND subject_id = ?",
        domainId,
      ).n,
    ).toBe(1);
  });

  it("reopens a closed round only with a reason", async () => {
    const rounds = demo.services.rounds;
    expect(await rounds.setStatus(demo.organizer, competitionId, "domain", "open", null)).toMatchObject({
      field: "reason",
    });
    expect(await rounds.setStatus(demo.organizer, competitionId, "domain", "open", "A late score")).toEqual({
      ok: true,
    });
    expect(statusOf(domainId)).toBe("open");
    expect(await rounds.setStatus(demo.organizer, competitionId, "domain", "closed", null, true)).toEqual({ ok: true });
  });

  it("refuses to take a publication back once the next round has opened", async () => {
    const plan = (await demo.services.resultsAdmin.publishPreview(domainId))!;
    const waiting = String(plan.pending.drafts + plan.pending.missing);
    const confirm = { checked: true, confirmNext: true, typedCount: waiting, reason: "Again" };
    expect(await demo.services.resultsAdmin.publish(demo.organizer, domainId, confirm)).toMatchObject({ ok: true });
    expect(await demo.services.rounds.setStatus(demo.organizer, competitionId, "final", "open", null)).toEqual({
      ok: true,
    });
    expect(await demo.services.resultsAdmin.unpublish(demo.organizer, domainId, "Too late")).toMatchObject({
      kind: "conflict",
      code: "guards.unpublish.nextOpened",
    });
    expect(statusOf(domainId)).toBe("published");
  });

  it("refuses a judge who asks to close, publish or unpublish", async () => {
    const judgeId = demo.one<{ id: number }>("SELECT id FROM judges ORDER BY id LIMIT 1").id;
    const judge = demo.judgeUser(judgeId);
    expect(await demo.services.resultsAdmin.unpublish(judge, domainId, "x")).toMatchObject({ kind: "forbidden" });
    expect(await demo.services.resultsAdmin.publish(judge, domainId, { checked: true })).toMatchObject({
      kind: "forbidden",
    });
    expect(await demo.services.rounds.setStatus(judge, competitionId, "final", "closed", null, true)).toMatchObject({
      kind: "forbidden",
    });
  });
});

describe("the round guardrails over HTTP", () => {
  const server = demoServerForThisFile();
  let organizer = "";
  let domainId = 0;
  const text = async (res: Response) =>
    (await res.text()).replaceAll("&#x27;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&");
  const statusOf = () => server.query<{ status: string }>("SELECT status FROM rounds WHERE slug = 'domain'")[0]!.status;
  const post = (path: string, fields: Record<string, string>) =>
    server.post(path, new URLSearchParams(fields), { cookie: organizer });

  beforeAll(async () => {
    organizer = await server.signIn("organizer@frontier.demo", "frontier-organizer");
    domainId = server.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'")[0]!.id;
  });

  it("shows the close preview with the judges' names and refuses an unconfirmed close with 400 at the field", async () => {
    const judge = server.query<{ name: string }>(
      `SELECT j.name FROM scores s JOIN judges j ON j.id = s.judge_id JOIN entries e ON e.id = s.entry_id AND e.status = 'submitted'
       WHERE s.round_id = ? AND s.status = 'draft' ORDER BY j.name LIMIT 1`,
      domainId,
    )[0]!.name;
    const page = await text(await server.get("/admin/rounds/domain", { cookie: organizer }));
    expect(page).toContain('data-testid="close-preview"');
    expect(page).toContain(judge);
    const refused = await post("/admin/rounds/domain?index", { form: "status", to: "closed" });
    expect(refused.status).toBe(400);
    const html = await text(refused);
    expect(html).toMatch(/id="close-confirm-error"[^>]*>This round still waits for \d+ drafts and \d+ missing scores/);
    expect(statusOf()).toBe("open");
    expect((await post("/admin/rounds/domain?index", { form: "status", to: "closed", confirm: "1" })).status).toBe(302);
    expect(statusOf()).toBe("closed");
    expect(await text(await server.get("/admin/rounds/domain", { cookie: organizer }))).toContain(
      "Reopening lets judges submit and revise scores again",
    );
  });

  it("refuses publishing that would unseat the final's finalists with 409", async () => {
    const res = await post("/admin/rounds/domain/results?index", { form: "publish", confirm: "on" });
    expect(res.status).toBe(409);
    expect(await text(res)).toContain("judges are assigned to or have scored in the next round");
    expect(statusOf()).toBe("closed");
  });

  it("publishes with missing scores only with the number typed and a reason, and audits it", async () => {
    // The final's panel is not seated yet in this edition.
    server.run("DELETE FROM assignments WHERE round_id = (SELECT id FROM rounds WHERE slug = 'final')");
    const page = await text(await server.get("/admin/rounds/domain/results", { cookie: organizer }));
    expect(page).toContain('data-testid="publish-preview"');
    const waiting = server.count(waitingSql, domainId);
    expect(page).toContain(`Type the number of scores still waiting (${waiting})`);

    const bare = await post("/admin/rounds/domain/results?index", {
      form: "publish",
      confirm: "on",
      confirmNext: "on",
    });
    expect(bare.status).toBe(400);
    const html = await text(bare);
    expect(html).toMatch(new RegExp(`id="publish-typedCount-error"[^>]*>Type ${waiting}, the number`));
    expect(html).toMatch(/id="publish-reason-error"[^>]*>Say why the round is published with scores missing/);
    expect(statusOf()).toBe("closed");

    const ok = await post("/admin/rounds/domain/results?index", {
      form: "publish",
      confirm: "on",
      confirmNext: "on",
      typedCount: String(waiting),
      reason: "Deadline passed",
    });
    expect(ok.status).toBe(302);
    expect(statusOf()).toBe("published");
    const audit = server.query<{ after: string; reason: string }>(
      "SELECT after, reason FROM audit_log WHERE action = 'round.published' AND subject_id = ?",
      domainId,
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]!.reason).toBe("Deadline passed");
    expect(JSON.parse(audit[0]!.after).drafts + JSON.parse(audit[0]!.after).missing).toBe(waiting);
    expect((await server.get("/api/v1/results/zgc2026/domain")).status).toBe(200);
  });

  it("takes the publication back with a reason: the public page and the API stop showing it", async () => {
    const noReason = await post("/admin/rounds/domain/results?index", { form: "unpublish" });
    expect(noReason.status).toBe(400);
    expect(await text(noReason)).toContain("Say why the publication is taken back");
    const done = await post("/admin/rounds/domain/results?index", { form: "unpublish", reason: "Wrong rule" });
    expect(done.status).toBe(302);
    expect(statusOf()).toBe("closed");
    expect(await text(await server.get("/c/zgc2026/results/domain"))).toContain(
      "The results of this round are not published yet.",
    );
    expect((await server.get("/api/v1/results/zgc2026/domain")).status).toBe(404);
  });

  it("reopens a closed round with a reason", async () => {
    expect((await post("/admin/rounds/domain?index", { form: "status", to: "open" })).status).toBe(400);
    expect(
      (await post("/admin/rounds/domain?index", { form: "status", to: "open", reason: "A late score" })).status,
    ).toBe(302);
    expect(statusOf()).toBe("open");
  });
});
