import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS, type SpreadsheetLimits } from "~/services/spreadsheet-reading/limits";
import { parseSpreadsheet } from "~/services/spreadsheet-reading/parse.server";
import { readSpreadsheet } from "~/services/spreadsheet-reading/read.server";
import { deflateRepeated, entriesWorkbook, xlsxBomb, zipOf } from "../support/spreadsheets";

const limits = (over: Partial<SpreadsheetLimits> = {}): SpreadsheetLimits => ({ ...IMPORT_LIMITS, ...over });
const csv = (rows: string[][]) => Buffer.from(rows.map((r) => r.join(",")).join("\n"));
/** The refusal's message key, or "read" when the file was read. */
const outcome = (reading: Promise<unknown>) =>
  reading.then(
    () => "read",
    (error: { code?: string }) => error.code ?? String(error),
  );
const rowsOf = (n: number) => [["Group", "Track"], ...Array.from({ length: n }, (_, i) => ["EU", `T${i}`])];

describe("reading an uploaded spreadsheet", () => {
  it("keys every row by the lower-cased header, in CSV and Excel alike", async () => {
    const fromCsv = await parseSpreadsheet(
      "a.csv",
      Buffer.from("\uFEFF Group ,track,title_en\nEU,QI,Lyon;=1+2\nAS\n"),
      limits(),
    );
    expect(fromCsv).toEqual([
      { group: "EU", track: "QI", title_en: "Lyon;=1+2" },
      { group: "AS", track: "", title_en: "" },
    ]);
    const fromExcel = await parseSpreadsheet("a.xlsx", await entriesWorkbook(2), limits());
    expect(fromExcel).toHaveLength(2);
    expect(fromExcel[1]).toMatchObject({
      group: "AS",
      track: "EAI",
      title_en: "Drone swarm 2",
      contact_email: "swarm2@partner.example.sg",
    });
  });

  it("refuses a file with more rows than an import allows", async () => {
    expect(await outcome(parseSpreadsheet("a.csv", csv(rowsOf(3)), limits({ maxRows: 3 })))).toBe("read");
    expect(await outcome(parseSpreadsheet("a.csv", csv(rowsOf(4)), limits({ maxRows: 3 })))).toBe("import.tooManyRows");
    expect(await outcome(parseSpreadsheet("a.xlsx", await entriesWorkbook(4), limits({ maxRows: 3 })))).toBe(
      "import.tooManyRows",
    );
  });

  it("refuses a file with too many columns or too many filled cells", async () => {
    const wide = [
      ["a", "b", "c"],
      ["1", "2", "3"],
    ];
    expect(await outcome(parseSpreadsheet("a.csv", csv(wide), limits({ maxColumns: 2 })))).toBe(
      "import.tooManyColumns",
    );
    // Trailing empty cells are not columns.
    expect(
      await outcome(
        parseSpreadsheet(
          "a.csv",
          csv([
            ["a", "b", "", ""],
            ["1", "2", "", ""],
          ]),
          limits({ maxColumns: 2 }),
        ),
      ),
    ).toBe("read");
    expect(await outcome(parseSpreadsheet("a.csv", csv(wide), limits({ maxCells: 5 })))).toBe("import.tooManyCells");
    expect(await outcome(parseSpreadsheet("a.xlsx", await entriesWorkbook(1), limits({ maxColumns: 8 })))).toBe(
      "import.tooManyColumns",
    );
  });
});

describe("reading an uploaded .xlsx without trusting its zip directory, off the main thread", () => {
  it("refuses an .xlsx that says it unpacks to more than allowed, before unpacking it", async () => {
    const claims = zipOf([
      { name: "xl/worksheets/sheet1.xml", data: Buffer.from("<worksheet/>"), declaredSize: 0xfffffff0 },
    ]);
    expect(await outcome(parseSpreadsheet("a.xlsx", claims, limits()))).toBe("import.unpackedTooLarge");
    expect(
      await outcome(parseSpreadsheet("a.xlsx", await xlsxBomb(20), limits({ maxUnpackedBytes: 10 * 1024 * 1024 }))),
    ).toBe("import.unpackedTooLarge");
  });

  it("refuses an .xlsx whose parts unpack to more than they declare", async () => {
    const sheet = await deflateRepeated("<worksheet>", Buffer.alloc(1024 * 1024, " "), 20, "</worksheet>");
    const lying = zipOf([{ name: "xl/worksheets/sheet1.xml", deflated: sheet, declaredSize: 1000 }]);
    expect(await outcome(parseSpreadsheet("a.xlsx", lying, limits()))).toBe("import.unreadable");
  });

  it("refuses an .xlsx that hides a part outside its table of contents", async () => {
    const sheet = await deflateRepeated("<worksheet>", Buffer.alloc(1024 * 1024, " "), 20, "</worksheet>");
    const hiding = zipOf([
      { name: "xl/workbook.xml", data: Buffer.from("<workbook/>") },
      { name: "xl/worksheets/sheet1.xml", deflated: sheet, listed: false },
      { name: "docProps/app.xml", data: Buffer.from("<Properties/>") },
    ]);
    expect(await outcome(parseSpreadsheet("a.xlsx", hiding, limits()))).toBe("import.unreadable");
  });

  it("reads off the main thread, and stops a worker that takes too long or needs too much memory", async () => {
    const file = await entriesWorkbook(300, { words: 20 });
    expect(await readSpreadsheet("a.xlsx", file)).toHaveLength(300);
    expect(await outcome(readSpreadsheet("a.xlsx", file, limits({ timeoutMs: 50 })))).toBe("import.tooSlow");
    expect(await outcome(readSpreadsheet("a.xlsx", file, limits({ maxHeapMb: 4 })))).toBe("import.tooMuchMemory");
    expect(await outcome(readSpreadsheet("a.xlsx", Buffer.from("not a zip"), limits()))).toBe("import.unreadable");
  });
});
