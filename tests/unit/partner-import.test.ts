import { describe, expect, it } from "vitest";
import {
  PARTNER_IMPORT_COLUMNS,
  PARTNER_TEMPLATE_EXAMPLES,
  checkPartnerRows,
  countByKind,
  normalizeHeader,
  type ImportContext,
} from "../../app/domain/partner-import";
import { partnerProfileSchema, type ProfileContext } from "../../app/domain/partner-profile";

const profileContext: ProfileContext = {
  trackCodes: ["QI", "PC", "NM", "6G"],
  isCountry: (c) => ["CN", "DE", "US"].includes(c),
};
const context: ImportContext = { ...profileContext, existingEmails: new Set(["taken@partner.example"]) };
const header = PARTNER_IMPORT_COLUMNS.map((c) => c.column);
const cellsOf = (row: Record<string, string>) => header.map((c) => row[c] ?? "");
const investor = PARTNER_TEMPLATE_EXAMPLES[0]!;
const schema = partnerProfileSchema(profileContext);

/** A profile's problems as field → messages. */
function problemsOf(raw: Record<string, unknown>) {
  const result = schema.safeParse(raw);
  if (result.success) return {};
  const at: Record<string, string[]> = {};
  for (const i of result.error.issues) (at[String(i.path[0] ?? "")] ??= []).push(i.message);
  return at;
}
const investorRaw = {
  kind: "investor",
  nameEn: "Ventures",
  country: "CN",
  stages: "A",
  ticketMinWan: "100",
  ticketMaxWan: "500",
};

describe("normalizeHeader", () => {
  it("reads spaced, dashed, capitalised headers and drops the unit hints", () => {
    expect(normalizeHeader("Ticket Min (万元)")).toBe("ticket_min");
    expect(normalizeHeader("ticket-min-wan")).toBe("ticket_min_wan");
    expect(normalizeHeader(" Area M2（m²） ")).toBe("area_m2");
    expect(normalizeHeader("Person Email")).toBe("person_email");
  });
});

describe("partner profile schema", () => {
  it("needs a Chinese or English name and puts the error at nameZh", () => {
    expect(problemsOf({ ...investorRaw, nameEn: "" })).toEqual({ nameZh: ["partners.validation.nameOne"] });
    expect(problemsOf({ ...investorRaw, nameEn: "", nameZh: "前沿" })).toEqual({});
  });

  it("needs an investor's stages and a ticket whose max is at least its min", () => {
    expect(problemsOf({ ...investorRaw, stages: "", ticketMinWan: "", ticketMaxWan: "" })).toEqual({
      stages: ["partners.validation.pickOne"],
      ticketMinWan: ["validation.required"],
      ticketMaxWan: ["validation.required"],
    });
    expect(problemsOf({ ...investorRaw, ticketMinWan: "600", ticketMaxWan: "500" })).toEqual({
      ticketMaxWan: ["partners.validation.ticketOrder"],
    });
    expect(problemsOf({ ...investorRaw, ticketMinWan: "1,000", ticketMaxWan: "1,000" })).toEqual({});
  });

  it("needs a park's city and area, and a corporate's customer kinds", () => {
    expect(problemsOf({ kind: "park", nameEn: "Park", country: "CN" })).toEqual({
      city: ["validation.required"],
      areaM2: ["validation.required"],
    });
    expect(problemsOf({ kind: "corporate", nameEn: "Corp", country: "DE" })).toEqual({
      customerKinds: ["partners.validation.pickOne"],
    });
  });

  it("refuses unknown track and region codes, naming the value", () => {
    const result = schema.safeParse({ ...investorRaw, tracks: "QI; XX", regions: "Mars" });
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((i) => ({
      path: i.path[0],
      message: i.message,
      params: "params" in i ? i.params : undefined,
    }));
    expect(issues).toEqual([
      { path: "tracks", message: "partners.validation.unknownCode", params: { value: "XX" } },
      { path: "regions", message: "partners.validation.unknownCode", params: { value: "Mars" } },
    ]);
  });

  it("splits list cells on ; or , in any case, keeping canonical codes once", () => {
    const result = schema.parse({ ...investorRaw, tracks: "qi, PC;6g ; QI", regions: "cn-n;EU", stages: "a,pre-a" });
    expect(result.tracks).toEqual(["QI", "PC", "6G"]);
    expect(result.regions).toEqual(["CN-N", "EU"]);
    expect(result.stages).toEqual(["A", "pre-A"]);
  });
});

describe("checkPartnerRows", () => {
  it("accepts the template's examples, one partner of each kind", () => {
    const check = checkPartnerRows(
      { header, rows: PARTNER_TEMPLATE_EXAMPLES.map((r, i) => ({ line: i + 2, cells: cellsOf(r) })) },
      context,
    );
    expect(check.problems).toEqual([]);
    expect(check.rows).toBe(3);
    expect(countByKind(check.good)).toEqual({ investor: 1, park: 1, corporate: 1 });
    expect(check.good[0]).toMatchObject({
      row: 2,
      profile: { kind: "investor", tracks: ["QI", "PC"], ticketMinWan: 200, ticketMaxWan: 3000 },
      person: { personEmail: "li.ming@ventures.example" },
    });
  });

  it("reports a bad row at its line and column, so the file yields problems", () => {
    const check = checkPartnerRows(
      {
        header,
        rows: [
          { line: 2, cells: cellsOf(investor) },
          { line: 3, cells: cellsOf({ ...PARTNER_TEMPLATE_EXAMPLES[1]!, city: "", person_email: "x@y.example" }) },
          { line: 4, cells: cellsOf({ ...investor, tracks: "ZZ", person_email: "z@y.example" }) },
        ],
      },
      context,
    );
    expect(check.problems).toEqual([
      { row: 3, column: "city", code: "validation.required" },
      { row: 4, column: "tracks", code: "partners.validation.unknownCode", params: { value: "ZZ" } },
    ]);
    expect(check.good.map((g) => g.row)).toEqual([2]);
  });

  it("refuses an address repeated in the file or already of a partner, and skips note and blank rows", () => {
    const check = checkPartnerRows(
      {
        header,
        rows: [
          { line: 2, cells: ["# a note", ...cellsOf(investor).slice(1)] },
          { line: 3, cells: header.map(() => " ") },
          { line: 4, cells: cellsOf(investor) },
          { line: 5, cells: cellsOf({ ...investor, person_email: "LI.MING@ventures.example" }) },
          { line: 6, cells: cellsOf({ ...investor, person_email: "Taken@partner.example" }) },
        ],
      },
      context,
    );
    expect(check.rows).toBe(3);
    expect(check.problems).toEqual([
      { row: 5, column: "person_email", code: "partners.import.duplicateInFile" },
      { row: 6, column: "person_email", code: "partners.import.alreadyPartner" },
    ]);
  });

  it("reports header problems at row 1 and checks no rows", () => {
    const bad = [...header.filter((c) => c !== "country" && c !== "name_zh" && c !== "name_en"), "colour", "kind"];
    const check = checkPartnerRows({ header: bad, rows: [{ line: 2, cells: cellsOf(investor) }] }, context);
    expect(check.good).toEqual([]);
    expect(check.problems).toEqual([
      { row: 1, column: "colour", code: "partners.import.unknownColumn" },
      { row: 1, column: "kind", code: "partners.import.repeatedColumn" },
      { row: 1, column: "country", code: "partners.import.missingColumn" },
      { row: 1, column: "name_en", code: "partners.import.missingColumn" },
    ]);
  });
});
