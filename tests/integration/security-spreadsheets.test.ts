import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { demoServerForThisFile } from "../support/demo-server";
import { entriesWorkbook, excelCells, xlsxBomb } from "../support/spreadsheets";

const demo = demoServerForThisFile();
let organizer: string;
beforeAll(async () => {
  organizer = await demo.signIn("organizer@frontier.demo", "frontier-organizer");
});

const upload = (bytes: Uint8Array<ArrayBuffer> | string, name: string, mode: "check" | "import", lang = "en") => {
  const body = new FormData();
  body.set("file", new Blob([bytes]), name);
  body.set("mode", mode);
  return demo.post("/admin/entries/import", body, { cookie: organizer, lang }).then((res) => res.text());
};
const entries = () => demo.count("SELECT count(*) n FROM entries");

/** Asks /healthz again and again until `work` settles; resolves with the slowest answer in ms and how many were asked. */
async function healthWhile(work: Promise<unknown>) {
  let done = false;
  void work.finally(() => (done = true));
  const times: number[] = [];
  while (!done) {
    const started = performance.now();
    const res = await demo.get("/healthz");
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { slowest: Math.max(...times), asked: times.length };
}

describe("importing spreadsheets", () => {
  // Sizes of a few MB: what the upload itself costs the main thread (Remix's multipart parser,
  // about 0.1 s per MB here) stays well inside the bound, which then measures the reading.
  it("an organizer importing a large spreadsheet does not stall the live final for anyone else", async () => {
    // 80,000 rows, as an export from another system might be: before the worker, reading them
    // held the server for seconds; now they are read aside and refused at row 20,001.
    const file = await entriesWorkbook(80_000, { alike: true });
    expect(file.length).toBeGreaterThan(3 * 1024 * 1024);
    const before = entries();
    const importing = upload(file, "partners.xlsx", "import");
    const health = await healthWhile(importing);
    expect(await importing).toContain("The file has too many rows (at most 20,000).");
    expect(entries()).toBe(before);
    expect(health.asked).toBeGreaterThan(5); // the import took a while, and the server kept answering
    expect(health.slowest, `slowest /healthz of ${health.asked}`).toBeLessThan(1000);
  });

  it("an organizer checking a large spreadsheet within the limits gets every row checked, and the server keeps answering", async () => {
    const file = await entriesWorkbook(20_000, { words: 60, zhChars: 60 });
    expect(file.length).toBeGreaterThan(3 * 1024 * 1024);
    const checking = upload(file, "partners.xlsx", "check");
    const health = await healthWhile(checking);
    expect(await checking).toContain("20000 rows read: 20000 can be imported, 0 have problems.");
    expect(health.slowest, `slowest /healthz of ${health.asked}`).toBeLessThan(1000);
  });

  it("a spreadsheet that would unpack to hundreds of megabytes (a zip bomb) is refused, and nothing is stored", async () => {
    const bomb = await xlsxBomb(400);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = entries();
    expect(await upload(bomb, "partners.xlsx", "import")).toContain(
      "This Excel file is too large once unpacked (at most 150 MB)",
    );
    expect(await upload(bomb, "partners.xlsx", "import", "zh-CN")).toContain("该 Excel 文件解压后过大（最多 150 MB）");
    expect(entries()).toBe(before);
  });

  it("a CSV with more rows than an import takes is refused with the limit, and nothing is stored", async () => {
    const before = entries();
    const header = "group,track,organization,country,contact_name,contact_email";
    const csv = [
      header,
      ...Array.from({ length: 20_001 }, (_, i) => `AS,EAI,Org ${i},SG,C ${i},c${i}@x.example.sg`),
    ].join("\n");
    expect(await upload(csv, "partners.csv", "import", "zh-CN")).toContain("文件行数过多（最多 20,000 行）。");
    expect(entries()).toBe(before);
  });
});

describe("exporting to CSV", () => {
  it("a title that would be a formula in German or French Excel arrives as one quoted, neutralised cell", async () => {
    const [entry] = demo.query<{ id: number; country: string }>(
      "SELECT id, country FROM entries WHERE status = 'submitted' ORDER BY id LIMIT 1",
    );
    const title = 'x;=HYPERLINK("http://evil","click");tag';
    demo.run("UPDATE entries SET title_en = ?, organization = ? WHERE id = ?", title, "Lab;=1+2;GmbH", entry!.id);
    const text = (
      await (await demo.get(`/admin/entries/export.csv?country=${entry!.country}`, { cookie: organizer })).text()
    ).replace(/^\uFEFF/, "");
    // Every cell, header and empty ones included, is quoted: no reader splits one on any delimiter.
    let unquoted = 0;
    const rows = parse(text, {
      cast: (value, context) => ((unquoted += context.quoting ? 0 : 1), value),
    }) as string[][];
    expect(unquoted).toBe(0);
    expect(rows.flat()).toContain(title);
    expect(rows.flat()).toContain("Lab;=1+2;GmbH");
    // Read as Excel does where the list separator is `;`: no cell starts a formula.
    for (const delimiter of [";", ","]) {
      for (const cell of excelCells(text, delimiter).flat())
        expect(cell, `${delimiter} ${cell}`).not.toMatch(/^[=+\-@]/);
    }
  });

  it("the results export quotes and neutralises every cell too, criterion names in the header included", async () => {
    demo.run(
      "UPDATE criteria SET name_en = '=1+2;x' WHERE id = (SELECT c.id FROM criteria c JOIN rounds r ON r.id = c.round_id WHERE r.slug = 'regional' ORDER BY c.position LIMIT 1)",
    );
    const res = await demo.get("/admin/rounds/regional/results/export.csv", { cookie: organizer });
    expect(res.status).toBe(200);
    const text = (await res.text()).replace(/^\uFEFF/, "");
    let unquoted = 0;
    const [header] = parse(text, {
      cast: (value, context) => ((unquoted += context.quoting ? 0 : 1), value),
    }) as string[][];
    expect(unquoted).toBe(0);
    expect(header).toContain("'=1+2;x");
    for (const cell of excelCells(text, ";").flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });
});
