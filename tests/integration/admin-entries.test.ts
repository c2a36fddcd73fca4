import ExcelJS from "exceljs";
import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";

const demo = demoServerForThisFile();
let organizer: string;
let entrant: string;

const login = (email: string, password: string) => demo.signIn(email, password);
const get = (path: string, cookie: string, lang = "en") => demo.get(path, { cookie, lang });
const post = (path: string, body: URLSearchParams | FormData, cookie: string, lang = "en") =>
  demo.post(path, body, { cookie, lang });
const query = <T>(sql: string, ...params: unknown[]) => demo.query<T>(sql, ...params);
const count = (sql: string, ...params: unknown[]) => demo.count(sql, ...params);

beforeAll(async () => {
  organizer = await login("organizer@frontier.demo", "frontier-organizer");
  entrant = await login("entrant@frontier.demo", "frontier-entrant");
});

describe("organizer pages", () => {
  it("refuse entrants and anonymous visitors", async () => {
    for (const path of ["/admin/entries", "/admin/entries/1", "/admin/entries/export.csv", "/admin/entries/import"]) {
      expect((await get(path, entrant)).status, path).toBe(403);
      const anonymous = await get(path, "");
      expect(anonymous.status, path).toBe(302);
      expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    }
    expect(
      (
        await post(
          "/admin/entries/1",
          new URLSearchParams({ form: "status", status: "disqualified", reason: "x" }),
          entrant,
        )
      ).status,
    ).toBe(403);
  });

  it("search all 3,100 entries by organization, filter by group and status, 50 per page", async () => {
    const page = await (await get("/admin/entries?group=EU&status=submitted&sort=code", organizer)).text();
    const codes = [...new Set(page.match(/EU-[A-Z0-9]{2,3}-\d{4}/g))];
    expect(codes).toHaveLength(50);
    expect(codes).toEqual([...codes].sort());
    const [sample] = query<{ organization: string; code: string }>(
      "SELECT organization, code FROM entries WHERE country = 'JP' LIMIT 1",
    );
    const found = await (await get(`/admin/entries?q=${encodeURIComponent(sample!.organization)}`, organizer)).text();
    expect(found).toContain(sample!.code);
    const expected = count("SELECT count(*) n FROM entries WHERE organization LIKE ?", `%${sample!.organization}%`);
    expect(found).toContain(expected === 1 ? "1 entry" : `${expected} entries`);
  });

  it("disqualify an entry with a reason, recorded in its history", async () => {
    const [entry] = query<{ id: number }>(
      "SELECT id FROM entries WHERE status = 'submitted' AND country = 'FR' LIMIT 1",
    );
    const res = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "status", status: "disqualified", reason: "Plagiarised pitch deck" }),
      organizer,
    );
    expect(res.status).toBe(302);
    expect(query("SELECT status, status_reason FROM entries WHERE id = ?", entry!.id)).toEqual([
      { status: "disqualified", status_reason: "Plagiarised pitch deck" },
    ]);
    const page = await (await get(`/admin/entries/${entry!.id}`, organizer)).text();
    expect(page).toContain("Disqualified");
    expect(page).toContain("Plagiarised pitch deck");
    const missing = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "status", status: "withdrawn", reason: "" }),
      organizer,
    );
    expect(await missing.text()).toContain("Please fill this in.");
  });
});

describe("organizer pages refusing a change", () => {
  it("answer a status change to the status the entry already has with 409, and one without a reason with 400", async () => {
    const [entry] = query<{ id: number }>(
      "SELECT id FROM entries WHERE status = 'submitted' AND country = 'IT' LIMIT 1",
    );
    const same = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "status", status: "submitted", reason: "no change" }),
      organizer,
    );
    expect(same.status).toBe(409);
    expect(await same.text()).toContain("Nothing to change.");
    const noReason = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "status", status: "withdrawn", reason: " " }),
      organizer,
    );
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toContain("Please fill this in.");
    expect(query("SELECT status FROM entries WHERE id = ?", entry!.id)).toEqual([{ status: "submitted" }]);
    expect(count("SELECT count(*) n FROM audit_log WHERE subject_type = 'entry' AND subject_id = ?", entry!.id)).toBe(
      0,
    );
  });

  it("move an entry to another group only where its country is eligible, with a new code", async () => {
    const [entry] = query<{ id: number; code: string }>(
      "SELECT id, code FROM entries WHERE country = 'DE' AND status = 'submitted' LIMIT 1",
    );
    const refused = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "move", group: "BJ", track: "QI", reason: "wrong group" }),
      organizer,
    );
    expect(await refused.text()).toContain("This group is for entries from mainland China.");
    expect(query("SELECT code FROM entries WHERE id = ?", entry!.id)).toEqual([{ code: entry!.code }]);
    const moved = await post(
      `/admin/entries/${entry!.id}`,
      new URLSearchParams({ form: "move", group: "EU", track: "SB", reason: "better fit" }),
      organizer,
    );
    expect(moved.status).toBe(302);
    const [after] = query<{ code: string }>("SELECT code FROM entries WHERE id = ?", entry!.id);
    expect(after!.code).toMatch(/^EU-SB-\d{4}$/);
    expect(count("SELECT count(*) n FROM audit_log WHERE subject_id = ? AND action = 'entry.moved'", entry!.id)).toBe(
      1,
    );
  });
});

describe("feedback for entrants", () => {
  it("reaches the entrant only once its round is published", async () => {
    const [own] = query<{ id: number }>(
      "SELECT e.id FROM entries e JOIN users u ON u.id = e.entrant_user_id WHERE u.email = 'entrant@frontier.demo'",
    );
    const note = "Strong cryogenic results; bring the cost model to the next round.";
    const res = await post(
      `/admin/entries/${own!.id}`,
      new URLSearchParams({ form: "feedback", round: "domain", feedback: note }),
      organizer,
    );
    expect(res.status).toBe(302);
    expect(
      query(
        "SELECT re.feedback FROM round_entries re JOIN rounds r ON r.id = re.round_id WHERE r.slug = 'domain' AND re.entry_id = ?",
        own!.id,
      ),
    ).toEqual([{ feedback: note }]);
    // The domain round is still open: its feedback stays hidden.
    expect(await (await get("/me", entrant)).text()).not.toContain(note);
    // The regional round is published: a new note there shows at once.
    const published = "Well presented; the jury liked the demo video.";
    await post(
      `/admin/entries/${own!.id}`,
      new URLSearchParams({ form: "feedback", round: "regional", feedback: published }),
      organizer,
    );
    expect(await (await get("/me", entrant)).text()).toContain(published);
  });
});

describe("export", () => {
  it("exports the filtered list to CSV with formula cells neutralized", async () => {
    const [entry] = query<{ id: number }>("SELECT id FROM entries WHERE country = 'NL' LIMIT 1");
    const db = new Database(demo.dbFile);
    db.prepare("UPDATE entries SET organization = '=HYPERLINK(\"http://evil\")' WHERE id = ?").run(entry!.id);
    db.close();
    const res = await get("/admin/entries/export.csv?country=NL", organizer);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="entries-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    // Every cell quoted: a `;`-separated Excel can never split one into a formula.
    expect(lines[0]).toBe(
      [
        "Entry code",
        "Group code",
        "Group",
        "Track code",
        "Track",
        "Title (Chinese)",
        "Title (English)",
        "Organization",
        "Country code",
        "Country or region",
        "City",
        "Website",
        "Contact name",
        "Contact e-mail",
        "Team (name and role)",
        "Team members",
        "Status",
        "Reason for the status",
        "Submitted (Asia/Shanghai)",
      ]
        .map((h) => `"${h}"`)
        .join(","),
    );
    expect(lines.length - 1).toBe(count("SELECT count(*) n FROM entries WHERE country = 'NL'"));
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(text).not.toMatch(/,=HYPERLINK/);
  });

  it("exports the same list to Excel", async () => {
    const res = await get("/admin/entries/export.xlsx?country=NL", organizer);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount - 1).toBe(count("SELECT count(*) n FROM entries WHERE country = 'NL'"));
    const organizations = sheet.getColumn(8).values.slice(2).map(String);
    expect(organizations).toContain(`'=HYPERLINK("http://evil")`);
  });
});

function csv(rows: string[][]): Blob {
  const escape = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return new Blob([rows.map((r) => r.map(escape).join(",")).join("\n")], { type: "text/csv" });
}
const HEADER = [
  "group",
  "track",
  "title_zh",
  "title_en",
  "organization",
  "country",
  "contact_name",
  "contact_email",
  "team",
];

const mixedRows = (): string[][] => [
  [
    "EU",
    "QI",
    "",
    "Photonic qubits for Lyon",
    "Lyon Photonique SAS",
    "FR",
    "Élodie Martin",
    "elodie@lyon-photonique.example.fr",
    "Élodie Martin|CEO|elodie@lyon-photonique.example.fr; 李娜|CTO",
  ],
  [
    "AS",
    "BCI",
    "",
    "Neural lace for Dubai 🚀",
    "مختبر دبي للأعصاب",
    "AE",
    "نور الهدى",
    "noor@dubai-neuro.example.ae",
    "نور الهدى|رئيسة الفريق",
  ],
  ["BJ", "QI", "量子雷达", "", "北京量子雷达科技有限公司", "DE", "王伟", "wang@qradar.example.cn", ""], // wrong country for the group
  ["EU", "ZZ", "", "Unknown track", "X GmbH", "DE", "A B", "ab@x.example.de", ""], // unknown track
  ["EU", "QI", "", "<script>alert(1)</script>", "Y GmbH", "DE", "C D", "not-an-email", ""], // markup and a bad e-mail
  ["EU", "QI", "", "Photonic qubits for Lyon", "Lyon Photonique SAS", "FR", "Other", "other@lyon.example.fr", ""], // duplicate of row 2
];
const mixed = () => csv([HEADER, ...mixedRows()]);

/** The two good rows of `mixed`, as a file of their own. */
const goodOnly = () => csv([HEADER, ...mixedRows().slice(0, 2)]);

describe("import", () => {
  it("dry-runs a file of good and bad rows: every problem at its row and column, nothing stored", async () => {
    const before = count("SELECT count(*) n FROM entries");
    const body = new FormData();
    body.set("file", mixed(), "partners.csv");
    body.set("mode", "check");
    const html = await (await post("/admin/entries/import", body, organizer)).text();
    expect(html).toContain("6 rows read: 2 can be imported, 4 have problems.");
    expect(html).toMatch(
      /<td[^>]*>4<\/td><td[^>]*>country<\/td><td[^>]*>This group is for entries from mainland China/,
    );
    expect(html).toMatch(/<td[^>]*>5<\/td><td[^>]*>track<\/td><td[^>]*>No track of this edition is called “ZZ”\./);
    expect(html).toMatch(/<td[^>]*>6<\/td><td[^>]*>title_en<\/td><td[^>]*>Please use plain text/);
    expect(html).toMatch(/<td[^>]*>6<\/td><td[^>]*>contact_email<\/td>/);
    expect(html).toMatch(
      /<td[^>]*>7<\/td><td[^>]*>title_en<\/td><td[^>]*>The same title and organization appear earlier/,
    );
    expect(count("SELECT count(*) n FROM entries")).toBe(before);
    const zh = await (await post("/admin/entries/import", body, organizer, "zh-CN")).text();
    expect(zh).toContain("本届赛事没有名为“ZZ”的赛道。");
  });

  it("imports every row or none: a file with bad rows stores nothing; the good rows alone are imported, names in Chinese, Arabic and emoji kept", async () => {
    const before = count("SELECT count(*) n FROM entries");
    const refusedBody = new FormData();
    refusedBody.set("file", mixed(), "partners.csv");
    refusedBody.set("mode", "import");
    const refused = await post("/admin/entries/import", refusedBody, organizer);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Nothing was imported: an import stores every row or none.");
    expect(count("SELECT count(*) n FROM entries")).toBe(before);
    const body = new FormData();
    body.set("file", goodOnly(), "partners.csv");
    body.set("mode", "import");
    const html = await (await post("/admin/entries/import", body, organizer)).text();
    expect(html).toContain("Imported 2 entries.");
    const rows = query<{ title_en: string; organization: string; country: string; code: string; status: string }>(
      "SELECT title_en, organization, country, code, status FROM entries WHERE contact_email IN ('elodie@lyon-photonique.example.fr', 'noor@dubai-neuro.example.ae') ORDER BY country",
    );
    expect(rows.map((r) => [r.title_en, r.organization, r.country, r.status])).toEqual([
      ["Neural lace for Dubai 🚀", "مختبر دبي للأعصاب", "AE", "submitted"],
      ["Photonic qubits for Lyon", "Lyon Photonique SAS", "FR", "submitted"],
    ]);
    expect(rows[0]!.code).toMatch(/^AS-BCI-\d{4}$/);
    const team = query<{ name: string }>(
      "SELECT m.name FROM team_members m JOIN entries e ON e.id = m.entry_id WHERE e.contact_email = 'elodie@lyon-photonique.example.fr' ORDER BY m.position",
    );
    expect(team.map((m) => m.name)).toEqual(["Élodie Martin", "李娜"]);
    // Importing the same file again finds only duplicates.
    const again = await (await post("/admin/entries/import", body, organizer)).text();
    expect(again).toContain("2 rows read: 0 can be imported");
    expect(again).toContain("An entry with this title and organization already exists.");
  });
});

describe("import of large files", () => {
  it("imports a 5,000-row Excel file in one go, once its bad rows are fixed (until then nothing)", async () => {
    const workbook = (withBadRows: boolean) => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet("entries");
      sheet.addRow(HEADER);
      for (let i = 1; i <= 5000; i++) {
        const bad = withBadRows && i % 100 === 0; // every 100th row names a country outside its group
        sheet.addRow([
          "AS",
          "EAI",
          "",
          `Warehouse robot fleet ${i}`,
          `Robotics Partner ${i} Pte Ltd`,
          bad ? "FR" : "SG",
          `Contact ${i}`,
          `contact${i}@partner.example.sg`,
          "",
        ]);
      }
      return book.xlsx.writeBuffer();
    };
    const before = count("SELECT count(*) n FROM entries");
    const importing = async (bytes: ArrayBuffer) => {
      const body = new FormData();
      body.set("file", new Blob([bytes]), "partners.xlsx");
      body.set("mode", "import");
      return (await post("/admin/entries/import", body, organizer)).text();
    };
    const refused = await importing(await workbook(true));
    expect(refused).toContain("5000 rows read: 4950 can be imported, 50 have problems.");
    expect(count("SELECT count(*) n FROM entries")).toBe(before);
    const html = await importing(await workbook(false));
    expect(html).toContain("Imported 5000 entries.");
    expect(count("SELECT count(*) n FROM entries")).toBe(before + 5000);
    expect(
      count("SELECT count(*) n FROM entries WHERE title_en LIKE 'Warehouse robot fleet %' AND country = 'FR'"),
    ).toBe(0);
    expect(count("SELECT count(DISTINCT code) n FROM entries")).toBe(count("SELECT count(*) n FROM entries"));
  });

  it("refuses an upload over the size limit with a message", async () => {
    const body = new FormData();
    body.set("file", new Blob([new Uint8Array(12 * 1024 * 1024)]), "huge.csv");
    body.set("mode", "check");
    const res = await post("/admin/entries/import", body, organizer);
    expect(res.status).toBe(413);
    expect(await res.text()).toContain("This request is too large.");
    expect((await get("/healthz", "")).status).toBe(200);
  });
});

describe("account administration", () => {
  it("sets a new password for a user, who can then sign in with it", async () => {
    const [judge] = query<{ id: number }>("SELECT id FROM users WHERE email = 'judge002@frontier.demo'");
    const res = await post(
      "/admin/users",
      new URLSearchParams({
        form: "password",
        userId: String(judge!.id),
        password: "fresh-password-42",
        reason: "Invitation by phone",
      }),
      organizer,
    );
    expect(res.status).toBe(302);
    await login("judge002@frontier.demo", "fresh-password-42");
    expect(
      count("SELECT count(*) n FROM audit_log WHERE action = 'user.password_reset' AND subject_id = ?", judge!.id),
    ).toBe(1);
    const short = await post(
      "/admin/users",
      new URLSearchParams({ form: "password", userId: String(judge!.id), password: "short", reason: "x" }),
      organizer,
    );
    expect(await short.text()).toContain("The password needs at least 10 characters.");
  });

  it("disables an account: its open session stops working and it cannot sign in", async () => {
    const session = await login("entrant@frontier.demo", "frontier-entrant");
    expect((await get("/me", session)).status).toBe(200);
    const [user] = query<{ id: number }>("SELECT id FROM users WHERE email = 'entrant@frontier.demo'");
    const res = await post(
      "/admin/users",
      new URLSearchParams({ form: "disable", userId: String(user!.id), disabled: "1", reason: "Spam entries" }),
      organizer,
    );
    expect(res.status).toBe(302);
    expect((await get("/me", session)).status).toBe(302);
    const again = await post(
      "/login",
      new URLSearchParams({ email: "entrant@frontier.demo", password: "frontier-entrant" }),
      "",
    );
    expect(await again.text()).toContain("This account has been disabled.");
    const [self] = query<{ id: number }>("SELECT id FROM users WHERE email = 'organizer@frontier.demo'");
    const selfDisable = await post(
      "/admin/users",
      new URLSearchParams({ form: "disable", userId: String(self!.id), disabled: "1", reason: "oops" }),
      organizer,
    );
    expect(await selfDisable.text()).toContain("You cannot disable your own account.");
  });
});
