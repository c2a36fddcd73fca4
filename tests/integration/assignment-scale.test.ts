// Assignment at the scale of 150 judges: a run limited to judges who accepted their invitation,
// the entries left short of judges listed with why, and the whole judge–entry table viewed and
// downloaded (CSV and Excel) with exactly the round's pairs.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { servicesForThisFile } from "../support/services";
import { demoServerForThisFile } from "../support/demo-server";

const h = servicesForThisFile("demo");
let roundId = 0;
let competitionId = 0;

beforeAll(() => {
  roundId = h.one<{ id: number }>("SELECT id FROM rounds WHERE slug = 'domain'").id;
  competitionId = h.one<{ competition_id: number }>(
    "SELECT competition_id FROM rounds WHERE id = ?",
    roundId,
  ).competition_id;
});

/** The round's pairs without a score, of judges who have not accepted their invitation. */
const unscoredOfNotAccepted = (all: typeof h.all, round: number) =>
  all<{ n: number }>(
    `SELECT count(*) n FROM assignments a JOIN judges j ON j.id = a.judge_id
     WHERE a.round_id = ? AND j.accepted_at IS NULL
     AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = a.round_id AND s.judge_id = a.judge_id AND s.entry_id = a.entry_id)`,
    round,
  )[0]!.n;

/** Two of the round's entries nobody has scored yet, and the judges (accepted and not) by id. */
function unscoredEntries(count: number) {
  return h
    .all<{ id: number; code: string }>(
      `SELECT e.id, e.code FROM round_entries re JOIN entries e ON e.id = re.entry_id
       WHERE re.round_id = ? AND e.status = 'submitted'
       AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = re.round_id AND s.entry_id = e.id) ORDER BY e.code`,
      roundId,
    )
    .slice(0, count);
}

/** Confirmed conflicts of every judge with the entry except those kept free. */
function conflictAllBut(entryId: number, free: readonly number[]) {
  h.db.sqlite
    .prepare(
      `INSERT INTO judge_conflicts (judge_id, entry_id, source, status, reason)
       SELECT id, ?, 'organizer', 'confirmed', 'test' FROM judges WHERE competition_id = ? AND id NOT IN (${free.join(",")})`,
    )
    .run(entryId, competitionId);
}

describe("the demo's judges and their invitations", () => {
  it("has most demo judges accepted and a few not, the same on every seed", () => {
    const { total, accepted } = h.one<{ total: number; accepted: number }>(
      "SELECT count(*) total, count(accepted_at) accepted FROM judges",
    );
    expect(total).toBe(150);
    expect(accepted).toBe(138);
    expect(
      h.one<{ a: string | null }>(
        "SELECT j.accepted_at a FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'judge@frontier.demo'",
      ).a,
    ).not.toBeNull();
  });
});

describe("accepting an invitation", () => {
  it("marks the judge as accepted when they choose their password through the link", async () => {
    const created = await h.services.judges.create(h.organizer, competitionId, {
      email: "new.judge@accept.example.net",
      name: "Nia Okoro",
      affiliation: "Accept Labs",
      country: "NG",
      tracks: "",
    });
    if (!created.ok) throw new Error(created.code);
    const judgeId = h.one<{ id: number }>(
      "SELECT j.id FROM judges j JOIN users u ON u.id = j.user_id WHERE u.email = 'new.judge@accept.example.net'",
    ).id;
    expect(h.one<{ a: string | null }>("SELECT accepted_at a FROM judges WHERE id = ?", judgeId).a).toBeNull();
    const link = await h.services.judges.inviteLink(h.organizer, competitionId, judgeId);
    if (!link.ok) throw new Error(link.code);
    const accepted = await h.services.judges.acceptInvite(link.path.replace("/invite/", ""), "a-long-password-1");
    expect(accepted.ok).toBe(true);
    expect(h.one<{ a: string | null }>("SELECT accepted_at a FROM judges WHERE id = ?", judgeId).a).toMatch(/^\d{4}-/);
    // Leave the pool as the demo has it for the runs below.
    h.db.sqlite.prepare("UPDATE judges SET accepted_at = NULL WHERE id = ?").run(judgeId);
  });
});

describe("an assignment run limited to judges who accepted", () => {
  it("gives no new work to a judge who has not accepted, and says how many could take work", async () => {
    const run = await h.services.assignment.run(h.organizer, roundId, {
      seed: 7,
      resetUnscored: true,
      acceptedOnly: true,
    });
    if (!run.ok) throw new Error(run.code);
    expect(run.pool).toBe(138);
    expect(unscoredOfNotAccepted(h.all, roundId)).toBe(0);
    // Scored pairs of those judges stay: their marks are the record.
    expect(run.removed).toBeGreaterThan(0);
    const audit = JSON.parse(
      h.one<{ after: string }>("SELECT after FROM audit_log WHERE action = 'round.assigned' ORDER BY id DESC LIMIT 1")
        .after,
    );
    expect(audit).toMatchObject({ acceptedOnly: true, pool: 138 });
  });

  it("lists the entries short of judges with title, how many of how many, and why", async () => {
    const [a, b] = unscoredEntries(2);
    const accepted = h
      .all<{ id: number }>("SELECT id FROM judges WHERE accepted_at IS NOT NULL ORDER BY id LIMIT 2")
      .map((j) => j.id);
    const notAccepted = h
      .all<{ id: number }>("SELECT id FROM judges WHERE accepted_at IS NULL ORDER BY id LIMIT 3")
      .map((j) => j.id);
    conflictAllBut(a!.id, accepted); // only two judges could ever take it
    conflictAllBut(b!.id, [...accepted, ...notAccepted]); // five could, three of them not accepted yet
    const run = await h.services.assignment.run(h.organizer, roundId, {
      seed: 7,
      resetUnscored: true,
      acceptedOnly: true,
    });
    if (!run.ok) throw new Error(run.code);
    expect(run.unassigned.map((u) => u.code).sort()).toEqual([a!.code, b!.code].sort());
    const short = await h.services.assignment.shortEntries(roundId);
    const ofA = short.find((s) => s.entryId === a!.id)!;
    expect(ofA).toMatchObject({ code: a!.code, assigned: 2, needed: 5, cause: "not_enough_eligible_judges" });
    expect(ofA.titleEn).toBeTruthy();
    expect(ofA.excluded.declared_entry).toBe(h.one<{ n: number }>("SELECT count(*) n FROM judges").n - 2);
    expect(short.find((s) => s.entryId === b!.id)).toMatchObject({
      assigned: 2,
      needed: 5,
      cause: "not_accepted",
      freeNotAccepted: 3,
    });
    // Without the limit, the three who have not accepted fill the second entry.
    await h.services.assignment.run(h.organizer, roundId, { seed: 7 });
    expect((await h.services.assignment.shortEntries(roundId)).map((s) => s.entryId)).toEqual([a!.id]);
  });
});

describe("the judge–entry table", () => {
  it("counts per judge add up to the round's pairs, and the list holds exactly the pairs and the conflicts", async () => {
    const pairs = h.all<{ judge_id: number; entry_id: number }>(
      "SELECT judge_id, entry_id FROM assignments WHERE round_id = ?",
      roundId,
    );
    const totals = await h.services.assignment.judgeTable(competitionId, roundId);
    expect(totals).toHaveLength(h.one<{ n: number }>("SELECT count(*) n FROM judges").n);
    expect(totals.reduce((sum, j) => sum + j.assigned, 0)).toBe(pairs.length);
    const scored = h.one<{ n: number }>(
      "SELECT count(*) n FROM scores WHERE round_id = ? AND status = 'submitted'",
      roundId,
    ).n;
    expect(totals.reduce((sum, j) => sum + j.scored, 0)).toBe(scored);
    const sheet = await h.services.assignment.pairSpreadsheet(roundId, {}, { locale: "en", timeZone: "Asia/Shanghai" });
    expect(sheet.headers[0]).toBe("Judge");
    const page = await h.services.assignment.pairTable(roundId, { status: "conflict" }, 1);
    expect(page.total).toBe(sheet.rows.filter((r) => r[6] === "conflict").length);
    expect(sheet.rows.filter((r) => r[6] !== "conflict")).toHaveLength(pairs.length);
  });
});

const demo = demoServerForThisFile();

describe("assignment pages on the real server", () => {
  let organizer = "";
  let slug = "";
  beforeAll(async () => {
    organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
    slug = "domain";
  });

  it("runs an assignment limited to accepted judges from the form and lists the entries left short, linked", async () => {
    const round = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug)[0]!.id;
    const res = await demo.post(
      `/admin/rounds/${slug}/assignments`,
      new URLSearchParams({ form: "run", seed: "11", mode: "reset", acceptedOnly: "on" }),
      { cookie: organizer },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("138 judges could take work.");
    expect(unscoredOfNotAccepted((sql, ...p) => demo.query(sql, ...p), round)).toBe(0);

    // Make one unscored entry impossible to fill: every judge but one conflicts with it.
    const entry = demo.query<{ id: number; code: string }>(
      `SELECT e.id, e.code FROM round_entries re JOIN entries e ON e.id = re.entry_id
       WHERE re.round_id = ? AND NOT EXISTS (SELECT 1 FROM scores s WHERE s.round_id = re.round_id AND s.entry_id = e.id) LIMIT 1`,
      round,
    )[0]!;
    demo.run("DELETE FROM assignments WHERE round_id = ? AND entry_id = ?", round, entry.id);
    demo.run(
      `INSERT INTO judge_conflicts (judge_id, entry_id, source, status) SELECT id, ?, 'organizer', 'confirmed' FROM judges WHERE id <> (SELECT min(id) FROM judges)`,
      entry.id,
    );
    const page = await demo.get(`/admin/rounds/${slug}/assignments`, { cookie: organizer });
    const html = await page.text();
    expect(html).toContain(`href="/admin/entries/${entry.id}"`);
    expect(html).toMatch(
      new RegExp(`${entry.code}[\\s\\S]*?0 of 5 judges[\\s\\S]*?not enough judges without a conflict`),
    );
  });

  it("downloads the judge–entry table as CSV and Excel, one row per pair (and per conflict), headers in the reader's language", async () => {
    const round = demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = ?", slug)[0]!.id;
    const pairs = demo.count("SELECT count(*) n FROM assignments WHERE round_id = ?", round);
    const csv = await demo.get(`/admin/rounds/${slug}/assignments/table.csv`, { cookie: organizer });
    expect(csv.status).toBe(200);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual([
      "Judge",
      "E-mail",
      "Affiliation",
      "Entry code",
      "Entry",
      "Organization",
      "State",
      "Submitted at",
    ]);
    expect(rows.slice(1).filter((r) => r[6] !== "conflict")).toHaveLength(pairs);
    const scoredCsv = parse(
      (
        await (
          await demo.get(`/admin/rounds/${slug}/assignments/table.csv?status=scored`, { cookie: organizer })
        ).text()
      ).replace(/^\uFEFF/, ""),
    ) as string[][];
    expect(scoredCsv.length - 1).toBe(
      demo.count("SELECT count(*) n FROM scores WHERE round_id = ? AND status = 'submitted'", round),
    );

    const xlsx = await demo.get(`/admin/rounds/${slug}/assignments/table.xlsx`, { cookie: organizer, lang: "zh-Hans" });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("评委");
    expect(sheet.rowCount - 1).toBe(rows.length - 1);
  });

  it("shows the table by judge and, filtered, every pair with its state", async () => {
    const byJudge = await (await demo.get(`/admin/rounds/${slug}/assignments/table`, { cookie: organizer })).text();
    expect(byJudge).toContain('data-testid="judge-totals"');
    const judge = demo.query<{ id: number; name: string }>(
      "SELECT j.id, j.name FROM judges j JOIN assignments a ON a.judge_id = j.id GROUP BY j.id LIMIT 1",
    )[0]!;
    const list = await (
      await demo.get(`/admin/rounds/${slug}/assignments/table?view=pairs&judge=${judge.id}`, { cookie: organizer })
    ).text();
    const n = demo.count(
      "SELECT count(*) n FROM assignments a JOIN rounds r ON r.id = a.round_id WHERE r.slug = ? AND a.judge_id = ?",
      slug,
      judge.id,
    );
    expect(list).toContain(n === 1 ? "1 row" : `${n} rows`);
  });
});
