import { beforeEach, describe, expect, it } from "vitest";
import { signInSchema, signUpSchema, redirectTarget } from "../../app/domain/account-schemas";
import { checkImport, EXAMPLE_EMAIL } from "../../app/domain/entry-import";
import { buildVocabulary, GROUP_SUFFIXES, TRACK_SUFFIXES } from "../../app/domain/import-vocabulary";
import { entryFormSchema, LIMITS } from "../../app/domain/entry-schemas";

const valid = {
  intent: "save",
  group: "EU",
  track: "QI",
  titleEn: "Cryogenic qubit control",
  organization: "Munich Quantum Instruments",
  country: "DE",
  contactName: "Lena Hoffmann",
  contactEmail: "Lena@Example.DE",
  team: [{ name: "Lena Hoffmann", role: "CEO" }],
};
const messagesAt = (input: unknown, field: string) => {
  const result = entryFormSchema.safeParse(input);
  return result.success ? [] : result.error.issues.filter((i) => i.path.join(".") === field).map((i) => i.message);
};

describe("the entry form schema", () => {
  it("accepts a complete draft and normalizes the contact e-mail", () => {
    const result = entryFormSchema.parse(valid);
    expect(result.contactEmail).toBe("lena@example.de");
    expect(result.titleZh).toBeUndefined();
  });

  it("needs a title in at least one language", () => {
    expect(messagesAt({ ...valid, titleEn: "" }, "titleEn")).toEqual(["validation.titleOne"]);
    expect(entryFormSchema.safeParse({ ...valid, titleEn: "", titleZh: "量子比特控制" }).success).toBe(true);
  });

  it("refuses markup, over-long text and bad addresses at their fields", () => {
    expect(messagesAt({ ...valid, titleEn: "<b>Bold</b> idea" }, "titleEn")).toEqual(["validation.noHtml"]);
    expect(messagesAt({ ...valid, titleZh: "长".repeat(LIMITS.titleZh + 1) }, "titleZh")).toEqual([
      "validation.tooLong",
    ]);
    expect(messagesAt({ ...valid, website: "javascript:alert(1)" }, "website")).toEqual(["validation.url"]);
    expect(messagesAt({ ...valid, contactEmail: "nobody" }, "contactEmail")).toEqual(["validation.email"]);
    expect(messagesAt({ ...valid, country: "Germany" }, "country")).toEqual(["validation.country"]);
  });

  it("keeps 1 to 10 team members", () => {
    expect(messagesAt({ ...valid, team: [] }, "team")).toEqual(["validation.teamSize"]);
    const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `M${i}`, role: "Engineer" }));
    expect(messagesAt({ ...valid, team: eleven }, "team")).toEqual(["validation.teamSize"]);
  });

  it("asks for a summary and the consent only when submitting", () => {
    expect(entryFormSchema.safeParse(valid).success).toBe(true);
    const submit = { ...valid, intent: "submit" };
    expect(messagesAt(submit, "summaryEn")).toEqual(["validation.summaryOne"]);
    expect(messagesAt(submit, "consent")).toEqual(["validation.consent"]);
    expect(entryFormSchema.safeParse({ ...submit, summaryZh: "低温控制芯片。", consent: "on" }).success).toBe(true);
  });
});

describe("account schemas", () => {
  it("normalizes e-mails and asks for 10-character passwords", () => {
    expect(signUpSchema.parse({ email: " Ana@Example.ORG ", password: "0123456789", displayName: "Ana" }).email).toBe(
      "ana@example.org",
    );
    const short = signUpSchema.safeParse({ email: "ana@example.org", password: "123", displayName: "Ana" });
    expect(short.success ? [] : short.error.issues.map((i) => i.message)).toEqual(["validation.passwordShort"]);
    expect(signInSchema.safeParse({ email: "ana@example.org", password: "" }).success).toBe(false);
  });

  it("only sends people back to paths on this site after signing in", () => {
    expect(redirectTarget.parse("/me")).toBe("/me");
    expect(redirectTarget.parse("//evil.example/x")).toBe("/");
    expect(redirectTarget.parse("https://evil.example")).toBe("/");
    expect(redirectTarget.parse("/\\evil.example")).toBe("/");
  });
});

describe("checking an import file", () => {
  const term = (code: string, nameEn: string, nameZh: string) => ({ code, nameEn, nameZh });
  const ctx = {
    groups: [
      { code: "EU", region: "overseas" as const, eligibleCountries: ["DE", "FR"] },
      { code: "BJ", region: "domestic" as const, eligibleCountries: ["CN"] },
    ],
    vocabulary: {
      group: buildVocabulary([term("EU", "Europe", "欧洲赛区"), term("BJ", "Beijing", "北京赛区")], GROUP_SUFFIXES),
      track: buildVocabulary([term("QI", "Quantum Information", "量子信息")], TRACK_SUFFIXES),
      country: buildVocabulary([
        term("DE", "Germany", "德国"),
        term("FR", "France", "法国"),
        term("CN", "China", "中国"),
        term("US", "United States", "美国"),
      ]),
    },
    existing: [{ title: "Already here", organization: "Old GmbH", contactEmail: "old@example.de" }],
  };
  let line = 1;
  const row = (overrides: Record<string, string> = {}) => ({
    row: ++line,
    cells: {
      group: "EU",
      track: "QI",
      title_en: "New idea",
      organization: "New GmbH",
      country: "DE",
      contact_name: "A",
      contact_email: "a@new.example.de",
      ...overrides,
    },
  });
  beforeEach(() => {
    line = 1;
  });

  it("numbers rows as the spreadsheet does and names the column of each problem", () => {
    const { good, problems } = checkImport(
      [
        row(),
        row({ country: "US", contact_email: "b@x.de", title_en: "B" }),
        row({ title_en: "Already here", organization: "Old GmbH", contact_email: "c@x.de" }),
      ],
      ctx,
    );
    expect(good.map((g) => g.row)).toEqual([2]);
    expect(problems).toEqual([
      { row: 3, column: "country", message: "eligibility.overseas", value: "US" },
      { row: 4, column: "title_en", message: "import.duplicateExisting" },
    ]);
  });

  it("takes group, track and country by name in either language", () => {
    const { good, problems } = checkImport(
      [
        row({ group: "欧洲组", track: "quantum information", country: "德国" }),
        row({
          group: "Ｅｕｒｏｐｅ",
          track: "量子信息赛道",
          country: "de",
          title_en: "Other",
          contact_email: "o@x.de",
        }),
      ],
      ctx,
    );
    expect(problems).toEqual([]);
    expect(good.map((g) => [g.group, g.track, g.country])).toEqual([
      ["EU", "QI", "DE"],
      ["EU", "QI", "DE"],
    ]);
  });

  it("reports an unknown group at its row and column with what is accepted", () => {
    const { problems } = checkImport([row({ group: "Mars" })], ctx);
    expect(problems).toEqual([
      {
        row: 2,
        column: "group",
        message: "import.unknownGroup",
        value: "Mars",
        hint: "all",
        suggestions: [
          { code: "EU", nameEn: "Europe", nameZh: "欧洲赛区" },
          { code: "BJ", nameEn: "Beijing", nameZh: "北京赛区" },
        ],
      },
    ]);
  });

  it("calls the template's example row what it is", () => {
    expect(checkImport([row({ contact_email: EXAMPLE_EMAIL })], ctx).problems).toEqual([
      { row: 2, column: "contact_email", message: "import.exampleRow" },
    ]);
  });

  it("reads the team column and falls back to the contact person", () => {
    const { good } = checkImport(
      [row({ team: "Lena|CEO|lena@x.de; 王伟|CTO" }), row({ title_en: "Other", contact_email: "o@x.de" })],
      ctx,
    );
    expect(good[0]!.team).toEqual([
      { name: "Lena", role: "CEO", email: "lena@x.de" },
      { name: "王伟", role: "CTO", email: null },
    ]);
    expect(good[1]!.team).toEqual([{ name: "A", role: "Team lead / 负责人", email: "o@x.de" }]);
  });
});
