// Reading the CSV files people's programs write, and saying where one that cannot be read goes wrong.
import { describe, expect, it } from "vitest";
import { IMPORT_LIMITS } from "~/services/spreadsheet-reading/limits";
import { parseSheet } from "~/services/spreadsheet-reading/parse.server";

const sheet = (bytes: string | Buffer, name = "a.csv") => parseSheet(name, Buffer.from(bytes), IMPORT_LIMITS);
/** The refusal's code and line, or "read". */
const refusal = (bytes: string | Buffer, name = "a.csv") =>
  sheet(bytes, name).then(
    () => "read",
    (error: { code: string; params?: { line?: number } }) => `${error.code}@${error.params?.line ?? "-"}`,
  );

describe("reading a CSV file", () => {
  it("numbers rows as a spreadsheet shows them, empty rows counted and skipped", async () => {
    const read = await sheet('group,title_en\nEU,"two\nlines"\n\nAS,after a gap\n');
    expect(read.header).toEqual(["group", "title_en"]);
    expect(read.rows).toEqual([
      { line: 2, cells: ["EU", "two\nlines"] },
      { line: 4, cells: ["AS", "after a gap"] },
    ]);
  });

  it("reads semicolons (Excel in German or French), tabs, and UTF-16 with its mark", async () => {
    expect((await sheet("group;track\nEU;QI\n")).rows[0]!.cells).toEqual(["EU", "QI"]);
    expect((await sheet("group\ttrack\nEU\tQI\n")).rows[0]!.cells).toEqual(["EU", "QI"]);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("group\ttrack\r\n欧洲\tQI\r\n", "utf16le")]);
    expect((await sheet(le)).rows[0]!.cells).toEqual(["欧洲", "QI"]);
    const be = Buffer.from(Buffer.concat([Buffer.from("group,track\nEU,QI\n", "utf16le")])).swap16();
    expect((await sheet(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).rows[0]!.cells).toEqual(["EU", "QI"]);
  });

  it("takes a stray quote inside a cell as it is", async () => {
    expect((await sheet('group,title_en\nEU,A 5" screen\n')).rows[0]!.cells).toEqual(["EU", 'A 5" screen']);
  });

  it("refuses a quote that never closes at the line it opens", async () => {
    expect(await refusal('group,title_en\nEU,fine\nEU,"open\nAS,more\n')).toBe("import.quoteNotClosed@3");
  });

  it("refuses text that is not UTF-8 at its first such line, telling GBK from a Western encoding", async () => {
    const gbk = Buffer.concat([
      Buffer.from("group,title_zh\nEU,ok\nBJ,"),
      Buffer.from([0xc1, 0xbf, 0xd7, 0xd3]),
      Buffer.from("\n"),
    ]);
    expect(await refusal(gbk)).toBe("import.encodingGbk@3");
    const latin1 = Buffer.concat([Buffer.from("group,contact_name\nEU,M"), Buffer.from([0xfc]), Buffer.from("ller\n")]);
    expect(await refusal(latin1)).toBe("import.encodingOther@2");
    expect(await refusal(Buffer.from("group,track\nEU,QI\n", "utf16le"))).toBe("import.utf16WithoutMark@1");
  });

  it("says what a file is when its name or its bytes say it is no CSV", async () => {
    expect(await refusal("group,track\n", "a.xlsx")).toBe("import.notXlsx@-");
    expect(await refusal(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), "a.xls")).toBe(
      "import.oldExcel@-",
    );
  });
});
