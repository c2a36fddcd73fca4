// The organizer's downloads as organizers open them: headers in their language, names beside
// codes, times in the competition's time zone, numbers as number cells, and a results workbook
// with one sheet per entry and one per judge's mark, counted against the database.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { localeCookie } from "../../app/i18n/locale.server";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer: string;
beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

type Entry = {
  id: number;
  code: string;
  submitted_at: string;
  group_code: string;
  group_en: string;
  group_zh: string;
  track_code: string;
  track_en: string;
  track_zh: string;
  city: string;
  website: string;
  contact_name: string;
};
const germanEntry = () =>
  demo.query<Entry>(
    `SELECT e.id, e.code, e.submitted_at, g.code group_code, g.name_en group_en, g.name_zh group_zh,
            t.code track_code, t.name_en track_en, t.name_zh track_zh, e.city, e.website, e.contact_name
     FROM entries e JOIN groups g ON g.id = e.group_id JOIN tracks t ON t.id = e.track_id
     WHERE e.country = 'DE' AND e.submitted_at IS NOT NULL ORDER BY e.code LIMIT 1`,
  )[0]!;
const team = (entryId: number) =>
  demo.query<{ name: string; role: string }>(
    "SELECT name, role FROM team_members WHERE entry_id = ? ORDER BY position",
    entryId,
  );

async function csvOf(path: string, options: { lang?: string; cookie?: string } = {}) {
  const res = await demo.get(path, {
    lang: options.lang,
    cookie: [organizer, options.cookie].filter(Boolean).join("; "),
  });
  expect(res.status, path).toBe(200);
  const bytes = Buffer.from(await res.arrayBuffer());
  // UTF-8 with a byte-order mark, so that Excel reads the Chinese right (fetch's text() would hide it).
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString("utf8");
  const [header, ...rows] = parse(text, { bom: true, relax_column_count: true }) as string[][];
  return { header: header!, rows, text };
}

async function workbookOf(path: string, lang = "en") {
  const res = await demo.get(path, { cookie: organizer, lang });
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await res.arrayBuffer());
  return workbook;
}

// The regional round's workbook (15,000 marks) takes a while to read: read once per language.
const workbooks = new Map<string, Promise<ExcelJS.Workbook>>();
const regionalWorkbook = (lang = "en") => {
  if (!workbooks.has(lang)) workbooks.set(lang, workbookOf("/admin/rounds/regional/results/export.xlsx", lang));
  return workbooks.get(lang)!;
};

/** Asks /healthz again and again until `work` settles; the slowest answer in ms and how many were asked. */
async function healthWhile(work: Promise<unknown>) {
  let done = false;
  void work.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await demo.get("/healthz");
    await res.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { slowest: Math.max(...times), asked: times.length };
}

/** A sheet's rows as header → cell, read the way a program reading the file sees them. */
function records(sheet: ExcelJS.Worksheet) {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const out: Map<string, ExcelJS.Cell>[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    out.push(new Map(header.map((h, i) => [h, row.getCell(i + 1)])));
  }
  return { header, rows: out };
}

/** "2026-05-24 09:01": the instant as a clock in `zone` shows it. */
function inZone(iso: string, zone: string): string {
  const p = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  }).formatToParts(new Date(iso));
  const part = (type: string) => p.find((x) => x.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}`;
}

describe("the entries export", () => {
  it("speaks the reader's language: English and Chinese headers from Accept-Language, the lng cookie winning", async () => {
    const english = await csvOf("/admin/entries/export.csv?country=DE", { lang: "en" });
    expect(english.header.slice(0, 5)).toEqual(["Entry code", "Group code", "Group", "Track code", "Track"]);
    expect(english.header).toContain("Submitted (Asia/Shanghai)");
    expect(english.header).toContain("Contact e-mail");
    const chinese = await csvOf("/admin/entries/export.csv?country=DE", { lang: "zh-CN,zh;q=0.9" });
    expect(chinese.header.slice(0, 5)).toEqual(["项目编号", "赛区代码", "赛区", "赛道代码", "赛道"]);
    expect(chinese.header).toContain("提交时间 (Asia/Shanghai)");
    // The language chosen on the site outranks the browser's.
    const chosen = (await localeCookie.serialize("zh-Hans")).split(";")[0]!;
    const byCookie = await csvOf("/admin/entries/export.csv?country=DE", { lang: "en", cookie: chosen });
    expect(byCookie.header).toEqual(chinese.header);
    expect(english.rows.length).toBe(demo.count("SELECT count(*) n FROM entries WHERE country = 'DE'"));
  });

  it("gives names beside codes, the team in one cell, contact, city, website and the time in the competition's zone", async () => {
    const entry = germanEntry();
    const members = team(entry.id);
    const { header, rows } = await csvOf("/admin/entries/export.csv?country=DE", { lang: "en" });
    const row = rows.find((r) => r[0] === entry.code)!;
    const cell = (name: string) => row[header.indexOf(name)];
    expect([cell("Group code"), cell("Group"), cell("Track code"), cell("Track")]).toEqual([
      entry.group_code,
      entry.group_en,
      entry.track_code,
      entry.track_en,
    ]);
    expect([cell("Country code"), cell("Country or region")]).toEqual(["DE", "Germany"]);
    expect([cell("City"), cell("Website"), cell("Contact name")]).toEqual([
      entry.city,
      entry.website,
      entry.contact_name,
    ]);
    expect(cell("Team (name and role)")).toBe(members.map((m) => `${m.name} (${m.role})`).join("; "));
    expect(cell("Team members")).toBe(String(members.length));
    expect(cell("Status")).toBe("Submitted");
    expect(cell("Submitted (Asia/Shanghai)")).toBe(inZone(entry.submitted_at, "Asia/Shanghai"));

    const zh = await csvOf("/admin/entries/export.csv?country=DE", { lang: "zh-CN" });
    const zhRow = zh.rows.find((r) => r[0] === entry.code)!;
    expect(zhRow[zh.header.indexOf("赛区")]).toBe(entry.group_zh);
    expect(zhRow[zh.header.indexOf("国家或地区")]).toBe("德国");
    expect(zhRow[zh.header.indexOf("状态")]).toBe("已提交");
  });

  it("follows the competition's time zone when it changes, in CSV and as date cells in Excel", async () => {
    const entry = germanEntry();
    demo.run("UPDATE competitions SET time_zone = 'Europe/Berlin'");
    try {
      const { header, rows } = await csvOf("/admin/entries/export.csv?country=DE");
      const row = rows.find((r) => r[0] === entry.code)!;
      expect(row[header.indexOf("Submitted (Europe/Berlin)")]).toBe(inZone(entry.submitted_at, "Europe/Berlin"));

      const sheet = (await workbookOf("/admin/entries/export.xlsx?country=DE")).worksheets[0]!;
      expect(sheet.name).toBe("Entries");
      const { rows: cells } = records(sheet);
      const mine = cells.find((r) => r.get("Entry code")!.value === entry.code)!;
      const submitted = mine.get("Submitted (Europe/Berlin)")!;
      // A real date cell holding the Berlin wall clock, shown to the minute.
      expect(submitted.value).toBeInstanceOf(Date);
      expect((submitted.value as Date).toISOString().slice(0, 16).replace("T", " ")).toBe(
        inZone(entry.submitted_at, "Europe/Berlin"),
      );
      expect(submitted.numFmt).toBe("yyyy-mm-dd hh:mm");
      const size = mine.get("Team members")!;
      expect(size.value).toBe(team(entry.id).length);
      expect(size.numFmt).toBe("0");
    } finally {
      demo.run("UPDATE competitions SET time_zone = 'Asia/Shanghai'");
    }
  });
});

describe("the results export", () => {
  const regional = () => demo.query<{ id: number }>("SELECT id FROM rounds WHERE slug = 'regional'")[0]!.id;

  it("has one sheet row per entry and one per judge's mark, as many as the database holds", async () => {
    const roundId = regional();
    const workbook = await regionalWorkbook();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Results", "Judges' marks", "About"]);
    const results = records(workbook.getWorksheet("Results")!);
    const marks = records(workbook.getWorksheet("Judges' marks")!);
    expect(results.rows.length).toBe(demo.count("SELECT count(*) n FROM results WHERE round_id = ?", roundId));
    expect(marks.rows.length).toBe(
      demo.count("SELECT count(*) n FROM scores WHERE round_id = ? AND status = 'submitted'", roundId),
    );
    for (const name of ["Rank", "Entry code", "Group", "Track", "Result", "Judges counted", "State in this round"])
      expect(results.header).toContain(name);
    for (const name of ["Entry code", "Judge", "Innovation", "Weighted total", "Revision"])
      expect(marks.header).toContain(name);
    expect(marks.header).toContain("Submitted (Asia/Shanghai)");
  });

  it("stores results, ranks, counts and marks as numbers with the round's decimals", async () => {
    const roundId = regional();
    const [best] = demo.query<{ code: string; rank: number; result: string; judges_counted: number; group: string }>(
      `SELECT e.code, r.rank, r.result, r.judges_counted, g.name_en "group" FROM results r
       JOIN entries e ON e.id = r.entry_id JOIN groups g ON g.id = e.group_id
       WHERE r.round_id = ? AND r.rank IS NOT NULL ORDER BY r.rank, e.code LIMIT 1`,
      roundId,
    );
    const workbook = await regionalWorkbook();
    const row = records(workbook.getWorksheet("Results")!).rows.find((r) => r.get("Entry code")!.value === best!.code)!;
    expect(row.get("Result")!.value).toBe(Number(best!.result));
    expect(row.get("Result")!.numFmt).toBe("0.00");
    expect(row.get("Rank")!.value).toBe(best!.rank);
    expect(row.get("Judges counted")!.value).toBe(best!.judges_counted);
    expect(row.get("Group")!.value).toBe(best!.group);
    expect(row.get("State in this round")!.value).toMatch(/^(Advanced|Did not advance|In competition)$/);

    // One judge's sheet: each criterion's mark and the weighted total, as numbers.
    const [score] = demo.query<{ id: number; code: string; judge: string }>(
      `SELECT s.id, e.code, j.name judge FROM scores s JOIN entries e ON e.id = s.entry_id JOIN judges j ON j.id = s.judge_id
       WHERE s.round_id = ? AND s.status = 'submitted' ORDER BY e.code, j.name LIMIT 1`,
      roundId,
    );
    const marks = demo.query<{ name_en: string; mark_milli: number; weight_bp: number }>(
      "SELECT c.name_en, m.mark_milli, c.weight_bp FROM score_marks m JOIN criteria c ON c.id = m.criterion_id WHERE m.score_id = ?",
      score!.id,
    );
    const markRow = records(workbook.getWorksheet("Judges' marks")!).rows.find(
      (r) => r.get("Entry code")!.value === score!.code && r.get("Judge")!.value === score!.judge,
    )!;
    for (const m of marks) {
      expect(markRow.get(m.name_en)!.value, m.name_en).toBe(m.mark_milli / 1000);
      expect(markRow.get(m.name_en)!.numFmt).toBe("0.0"); // the rubric's step is 0.5
    }
    const weighted = marks.reduce((sum, m) => sum + m.mark_milli * m.weight_bp, 0) / 10_000_000;
    expect(markRow.get("Weighted total")!.value).toBeCloseTo(weighted, 9);
    expect(markRow.get("Weighted total")!.numFmt).toBe("0.000"); // 0.5 steps × weights like 15%
    expect(typeof markRow.get("Revision")!.value).toBe("number");
  });

  it("gives CSV the per-entry table, and the per-mark table with ?rows=marks", async () => {
    const roundId = regional();
    const perEntry = await csvOf("/admin/rounds/regional/results/export.csv");
    expect(perEntry.rows.length).toBe(demo.count("SELECT count(*) n FROM results WHERE round_id = ?", roundId));
    const [first] = demo.query<{ code: string; result: string }>(
      "SELECT e.code, r.result FROM results r JOIN entries e ON e.id = r.entry_id WHERE r.round_id = ? AND r.result LIKE '%0' LIMIT 1",
      roundId,
    );
    const row = perEntry.rows.find((r) => r[perEntry.header.indexOf("Entry code")] === first!.code)!;
    // Written plainly with the round's digits: "9.50", not "9.5".
    expect(row[perEntry.header.indexOf("Result")]).toBe(first!.result);
    const perMark = await csvOf("/admin/rounds/regional/results/export.csv?rows=marks");
    expect(perMark.header).toContain("Judge");
    expect(perMark.rows.length).toBe(
      demo.count("SELECT count(*) n FROM scores WHERE round_id = ? AND status = 'submitted'", roundId),
    );
  });

  it("words the workbook in Chinese for a Chinese reader", async () => {
    const workbook = await regionalWorkbook("zh-CN");
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["成绩", "评委评分", "说明"]);
    const results = records(workbook.getWorksheet("成绩")!);
    for (const name of ["名次", "项目编号", "赛区", "成绩", "计分评委数", "本轮结果"])
      expect(results.header).toContain(name);
    const states = new Set(results.rows.map((r) => String(r.get("本轮结果")!.value)));
    expect(
      [...states].every((s) => ["晋级", "未晋级", "参赛中"].includes(s)),
      [...states].join(),
    ).toBe(true);
  });

  it("an organizer downloading the whole workbook does not hold the server for anyone else", async () => {
    const downloading = demo
      .get("/admin/rounds/regional/results/export.xlsx", { cookie: organizer })
      .then((r) => r.arrayBuffer());
    const health = await healthWhile(downloading);
    expect((await downloading).byteLength).toBeGreaterThan(100_000);
    expect(health.slowest, `slowest /healthz of ${health.asked}`).toBeLessThan(1000);
  });
});
