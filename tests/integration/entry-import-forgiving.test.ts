// An organizer imports entries from the file people actually send: names instead of codes, either
// language, Excel's encodings; a broken file is said at its line and stores nothing; the new codes
// and claim links come back to download; a claim link makes its contact person the entrant, once.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer: string;
beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

const HEADER = ["group", "track", "title_en", "organization", "country", "contact_name", "contact_email"];
const csvText = (rows: string[][]) =>
  rows.map((r) => r.map((v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\n");
const upload = async (
  bytes: BlobPart,
  name: string,
  mode: "check" | "import",
  options: { lang?: string; invite?: boolean } = {},
) => {
  const body = new FormData();
  body.set("file", new Blob([bytes]), name);
  body.set("mode", mode);
  if (options.invite) body.set("invite", "on");
  const res = await demo.post("/admin/entries/import", body, { cookie: organizer, lang: options.lang ?? "en" });
  return { status: res.status, html: await res.text() };
};
const entries = () => demo.count("SELECT count(*) n FROM entries");
/** The page's text without tags, spaces collapsed, so that a sentence split over elements reads as one. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/\s+/g, " ");

describe("finding the import and its template", () => {
  it("the entries page links to the import, and the import page offers both templates", async () => {
    const list = await (await demo.get("/admin/entries", { cookie: organizer })).text();
    expect(list).toContain('href="/admin/entries/import"');
    const page = await (await demo.get("/admin/entries/import", { cookie: organizer })).text();
    expect(page).toContain('href="/admin/entries/import/template.xlsx"');
    expect(page).toContain('href="/admin/entries/import/template.csv"');
  });

  it("the CSV template has the header, an example row and the edition's codes with both names as # rows", async () => {
    const res = await demo.get("/admin/entries/import/template.csv", { cookie: organizer });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="entries-template-zgc2026\.csv"/);
    const rows = parse((await res.text()).replace(/^\uFEFF/, ""), { relax_column_count: true }) as string[][];
    expect(rows[0]!.slice(0, 4)).toEqual(["group", "track", "title_zh", "title_en"]);
    expect(rows[1]![11]).toBe("example.contact@example.org");
    expect(rows).toContainEqual(expect.arrayContaining(["# group", "EU", "Europe", "欧洲赛区"]));
    expect(rows).toContainEqual(expect.arrayContaining(["# track", "QI", "Quantum Information", "量子信息"]));
    expect(rows).toContainEqual(expect.arrayContaining(["# country", "DE", "Germany", "德国"]));
    expect((await demo.get("/admin/entries/import/template.csv")).status).toBe(302); // signed out: to the sign-in
  });

  it("the Excel template, filled in as it comes, imports; its codes sheet lists groups, tracks and countries", async () => {
    const res = await demo.get("/admin/entries/import/template.xlsx", { cookie: organizer, lang: "zh-CN" });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["entries", "代码表", "填写说明"]);
    const codes = workbook.worksheets[1]!.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1, 5) : []));
    expect(codes).toContainEqual(["group", "HMT", "Hong Kong, Macao & Taiwan", "港澳台赛区"]);
    expect(codes).toContainEqual(["country", "FR", "France", "法国"]);
    // As it comes, the example row is refused for what it is.
    const sheet = workbook.worksheets[0]!;
    const asItComes = await upload(await workbook.xlsx.writeBuffer(), "template.xlsx", "check");
    expect(text(asItComes.html)).toContain("This is the template's example row: delete it before importing.");
    // Filled in below the example's place, by names, it imports.
    sheet.getRow(2).getCell(12).value = "anja@template-fill.example.de";
    sheet.getRow(2).getCell(1).value = "欧洲组";
    sheet.getRow(2).getCell(8).value = "Germany";
    sheet.getRow(2).getCell(4).value = "Filled from the template";
    const before = entries();
    const filled = await upload(await workbook.xlsx.writeBuffer(), "template.xlsx", "import");
    expect(filled.status).toBe(200);
    expect(text(filled.html)).toContain("Imported 1 entry.");
    expect(entries()).toBe(before + 1);
  });
});

describe("values given by name, in either language", () => {
  it("accepts groups, tracks and countries by code or name in English or Chinese, any case or width", async () => {
    const file = csvText([
      HEADER,
      ["Europe", "Quantum information", "Named in English", "Lingua GmbH", "Germany", "A", "a@lingua.example.de"],
      ["欧洲组", "量子信息", "Named in Chinese", "Lingua GmbH", "德国", "B", "b@lingua.example.de"],
      ["eu", "qi", "Codes in lower case", "Lingua GmbH", "de", "C", "c@lingua.example.de"],
      ["ＥＵ", " Quantum   Information ", "Full width and spaces", "Lingua GmbH", "DEU", "D", "d@lingua.example.de"],
    ]);
    const before = entries();
    const checked = await upload(file, "names.csv", "check");
    expect(text(checked.html)).toContain("4 rows read: 4 can be imported, 0 have problems.");
    expect(text(checked.html)).toContain("Importing this file creates 4 entries:");
    expect(entries()).toBe(before);
    const imported = await upload(file, "names.csv", "import");
    expect(text(imported.html)).toContain("Imported 4 entries.");
    const stored = demo.query<{ group_code: string; track_code: string; country: string }>(
      `SELECT g.code group_code, t.code track_code, e.country FROM entries e JOIN groups g ON g.id = e.group_id
       JOIN tracks t ON t.id = e.track_id WHERE e.organization = 'Lingua GmbH'`,
    );
    expect(stored).toHaveLength(4);
    for (const row of stored) expect(row).toEqual({ group_code: "EU", track_code: "QI", country: "DE" });
  });

  it("reports an unknown or ambiguous value at its row and column with the values it may mean, in both languages", async () => {
    const file = csvText([
      HEADER,
      ["Mars", "QI", "Unknown group", "Vague Ltd", "DE", "A", "a@vague.example.de"],
      ["EU", "Quantum informaton", "Misspelt track", "Vague Ltd", "FR", "B", "b@vague.example.fr"],
      ["EU", "QI", "Ambiguous country", "Vague Ltd", "Congo", "C", "c@vague.example.cg"],
    ]);
    const before = entries();
    const { status, html } = await upload(file, "vague.csv", "import");
    expect(status).toBe(400);
    const page = text(html);
    expect(page).toContain("Nothing was imported: an import stores every row or none.");
    expect(page).toMatch(/ 2 group No group of this edition is called “Mars”\. Accepted: .*EU \(Europe\)/);
    expect(page).toContain(
      "3 track No track of this edition is called “Quantum informaton”. Did you mean: QI (Quantum Information)?",
    );
    expect(page).toMatch(
      / 4 country “Congo” could be more than one country or region\. Say which: C[GD] \(.+\), C[GD] \(.+\)\./,
    );
    expect(entries()).toBe(before);
    const zh = text((await upload(file, "vague.csv", "check", { lang: "zh-CN" })).html);
    expect(zh).toContain("本届赛事没有名为“Mars”的赛区。");
    expect(zh).toContain("是否是指：QI (量子信息)？");
  });
});

describe("a malformed file", () => {
  const sayAndStore = async (bytes: BlobPart, name: string, message: string, lang = "en") => {
    const before = entries();
    const { status, html } = await upload(bytes, name, "import", { lang });
    expect(status, message).toBe(400);
    expect(text(html)).toContain(message);
    expect(entries()).toBe(before);
  };

  it("a quote that never closes is reported at the line it opens, and nothing is stored", async () => {
    const file = [
      HEADER.join(","),
      "EU,QI,Fine row,Quote GmbH,DE,A,a@quote.example.de",
      'EU,QI,"Broken row,Quote GmbH,DE,B,b@quote.example.de',
      "EU,QI,Another,Quote GmbH,DE,C,c@quote.example.de",
    ].join("\n");
    await sayAndStore(file, "quotes.csv", 'Line 3: a cell opens a quote (") here that is never closed');
    await sayAndStore(file, "quotes.csv", "第 3 行：此处有单元格以引号", "zh-CN");
  });

  it("a CSV saved by Chinese Windows Excel (GBK) is reported at its first line that is not UTF-8", async () => {
    const gbk = Buffer.concat([
      Buffer.from(`${HEADER.join(",")}\nEU,QI,Plain ASCII row,Gbk GmbH,DE,A,a@gbk.example.de\nBJ,QI,`),
      Buffer.from([0xc1, 0xbf, 0xd7, 0xd3, 0xc0, 0xd7, 0xb4, 0xef]), // 量子雷达 in GBK
      Buffer.from(",Gbk Co,CN,B,b@gbk.example.cn\n"),
    ]);
    await sayAndStore(gbk, "gbk.csv", "Line 3 is not UTF-8 text: the file seems to be saved in GBK (Chinese Windows).");
  });

  it("a file named .xlsx that is not a workbook, and an old .xls, are said to be what they are", async () => {
    await sayAndStore(
      "group,track\nEU,QI\n",
      "entries.xlsx",
      "This file is named like an Excel workbook but is not one.",
    );
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    await sayAndStore(ole, "entries.xls", "This is an old Excel file (.xls) or a workbook locked with a password.");
  });

  it("a header row without the required columns names the missing ones at line 1", async () => {
    await sayAndStore(
      "group,track,title_en,organization,country\nEU,QI,X,Y,DE\n",
      "short.csv",
      "Line 1 (the header row) lacks the columns contact_name, contact_email. It has: group, track, title_en, organization, country.",
    );
  });

  it("UTF-16 text with its mark, as Excel saves 'Unicode text' (tabs), and a UTF-8 mark are read as they are", async () => {
    const rows = [
      HEADER,
      ["EU", "QI", "Unicode text from Excel", "Utf Sixteen AG", "Switzerland", "A", "a@utf16.example.ch"],
    ];
    const tabbed = rows.map((r) => r.join("\t")).join("\r\n");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tabbed, "utf16le")]);
    expect(text((await upload(utf16, "unicode.txt.csv", "check")).html)).toContain("1 rows read: 1 can be imported");
    const bom = `\uFEFF${csvText(rows).replace("Unicode text from Excel", "With a mark")}`;
    expect(text((await upload(bom, "bom.csv", "check")).html)).toContain("1 rows read: 1 can be imported");
    const semicolons = rows.map((r) => r.join(";")).join("\n");
    expect(text((await upload(semicolons, "semicolons.csv", "check")).html)).toContain(
      "1 rows read: 1 can be imported",
    );
  });
});

describe("after the import", () => {
  let batch = "";
  let links: string[] = [];

  it("shows the new codes row by row, and offers them with the claim links to download", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("entries");
    sheet.addRow(HEADER);
    sheet.addRow([
      "Asia",
      "Embodied AI",
      "Claimable robot",
      "Claim Robotics Pte Ltd",
      "Singapore",
      "Mei",
      "mei@claim.example.sg",
    ]);
    sheet.addRow([
      "亚洲赛区",
      "具身智能",
      "Second robot",
      "Claim Robotics Pte Ltd",
      "新加坡",
      "Tan",
      "tan@claim.example.sg",
    ]);
    const { status, html } = await upload(await workbook.xlsx.writeBuffer(), "claim.xlsx", "import", { invite: true });
    expect(status).toBe(200);
    const page = text(html);
    expect(page).toContain("Imported 2 entries.");
    expect(page).toContain("Frontier does not send these e-mails yet");
    const stored = demo.query<{ code: string; title_en: string }>(
      "SELECT code, title_en FROM entries WHERE organization = 'Claim Robotics Pte Ltd' ORDER BY id",
    );
    expect(stored.map((s) => s.code)).toEqual([
      expect.stringMatching(/^AS-EAI-\d{4}$/),
      expect.stringMatching(/^AS-EAI-\d{4}$/),
    ]);
    expect(page).toContain(` 2 ${stored[0]!.code} Claimable robot `);
    expect(page).toContain(` 3 ${stored[1]!.code} Second robot `);
    batch = /result\.csv\?batch=([0-9a-f-]{36})/.exec(html)![1]!;

    const csv = await demo.get(`/admin/entries/import/result.csv?batch=${batch}`, { cookie: organizer });
    expect(csv.status).toBe(200);
    const rows = parse((await csv.text()).replace(/^\uFEFF/, "")) as string[][];
    expect(rows[0]).toEqual(["Row", "Code", "title_zh", "title_en", "Contact e-mail", "Claim link"]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
      ["2", stored[0]!.code, "Claimable robot", "mei@claim.example.sg"],
      ["3", stored[1]!.code, "Second robot", "tan@claim.example.sg"],
    ]);
    links = rows.slice(1).map((r) => new URL(r[5]!).pathname);
    for (const link of links) expect(link).toMatch(/^\/claim\/\d+\.\d+\.[A-Za-z0-9_-]{43}$/);

    const xlsx = await demo.get(`/admin/entries/import/result.xlsx?batch=${batch}`, { cookie: organizer });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    expect(book.worksheets[0]!.getRow(2).getCell(2).value).toBe(stored[0]!.code);
    expect(book.worksheets[0]!.getRow(2).getCell(1).value).toBe(2); // a number, not text
    // An audited import, each entry with its row.
    expect(
      demo.count(
        "SELECT count(*) n FROM audit_log WHERE action = 'entry.imported' AND json_extract(after, '$.batch') = ?",
        batch,
      ),
    ).toBe(2);
  });

  it("a claim link makes the person who signs up with the contact e-mail the entrant, once", async () => {
    const page = await demo.get(links[0]!);
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("private, no-store");
    expect(text(await page.text())).toContain("This link is for mei@claim.example.sg.");
    const signUp = await demo.post(
      links[0]!,
      new URLSearchParams({ intent: "signup", displayName: "Mei", password: "claim-it-once-123" }),
    );
    expect(signUp.status).toBe(302);
    expect(signUp.headers.get("location")).toBe("/me");
    const cookie = signUp.headers.get("set-cookie")!.split(";")[0]!;
    const [entry] = demo.query<{ entrant: string | null; id: number; code: string }>(
      "SELECT u.email entrant, e.id, e.code FROM entries e LEFT JOIN users u ON u.id = e.entrant_user_id WHERE e.contact_email = 'mei@claim.example.sg'",
    );
    expect(entry!.entrant).toBe("mei@claim.example.sg");
    expect(
      demo.count("SELECT count(*) n FROM audit_log WHERE action = 'entry.claimed' AND subject_id = ?", entry!.id),
    ).toBe(1);
    expect(await (await demo.get("/me", { cookie })).text()).toContain(entry!.code);
    // Used: the link says so, and claiming again is refused.
    expect(text(await (await demo.get(links[0]!, { cookie })).text())).toContain("This claim link does not work");
    const again = await demo.post(links[0]!, new URLSearchParams({ intent: "claim" }), { cookie });
    expect(again.status).toBe(409);
    expect(
      demo.count("SELECT count(*) n FROM audit_log WHERE action = 'entry.claimed' AND subject_id = ?", entry!.id),
    ).toBe(1);
    // The download now says it was claimed instead of offering the link.
    const rows = parse(
      (await (await demo.get(`/admin/entries/import/result.csv?batch=${batch}`, { cookie: organizer })).text()).replace(
        /^\uFEFF/,
        "",
      ),
    ) as string[][];
    expect(rows[1]![5]).toBe("claimed");
  });

  it("only the account with the entry's contact e-mail can claim it; signed in with it, one click does", async () => {
    const other = await demo.signIn("entrant@frontier.demo", "frontier-entrant");
    const refused = await demo.post(links[1]!, new URLSearchParams({ intent: "claim" }), { cookie: other });
    expect(refused.status).toBe(403);
    expect(
      demo.count(
        "SELECT count(*) n FROM entries WHERE contact_email = 'tan@claim.example.sg' AND entrant_user_id IS NOT NULL",
      ),
    ).toBe(0);
    // The contact person already has an account: signs in, then claims.
    await demo.post(
      "/signup",
      new URLSearchParams({ email: "tan@claim.example.sg", displayName: "Tan", password: "tan-has-an-account" }),
    );
    const tan = await demo.signIn("tan@claim.example.sg", "tan-has-an-account");
    expect(text(await (await demo.get(links[1]!, { cookie: tan })).text())).toContain("Claim this entry");
    const claimed = await demo.post(links[1]!, new URLSearchParams({ intent: "claim" }), { cookie: tan });
    expect(claimed.status).toBe(302);
    expect(
      demo.count(
        "SELECT count(*) n FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE e.contact_email = 'tan@claim.example.sg' AND u.email = 'tan@claim.example.sg'",
      ),
    ).toBe(1);
  });

  it("a forged or altered claim link does nothing", async () => {
    const forged = links[1]!.replace(/.$/, (c) => (c === "A" ? "B" : "A"));
    expect(text(await (await demo.get(forged)).text())).toContain("This claim link does not work");
    const res = await demo.post(
      forged,
      new URLSearchParams({ intent: "signup", displayName: "X", password: "forged-link-123" }),
    );
    expect(res.status).toBe(409);
    expect(demo.count("SELECT count(*) n FROM users WHERE display_name = 'X'")).toBe(0);
  });
});
