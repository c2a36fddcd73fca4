// Numbers with the reader's separators, dates in the competition's zone and the interface's language.
import { describe, expect, it } from "vitest";
import { formatLocales, formatsFor } from "../../app/i18n/formats";
import { formattingLocale } from "../../app/i18n/negotiate";

describe("the reader's formats", () => {
  it("writes numbers with a German reader's separators in the English interface", () => {
    const f = formatsFor(formatLocales("en", formattingLocale("de-DE,de;q=0.9", "en"), "Asia/Shanghai"));
    expect(f.number(1234.5)).toBe("1.234,5");
    expect(f.decimal("87.50")).toBe("87,50");
    // Month names stay in the interface's language.
    expect(f.date("2026-03-01T18:00:00Z", { dateStyle: "long" })).toBe("March 2, 2026");
  });

  it("keeps an exact decimal's digits (no binary float on the way)", () => {
    const f = formatsFor(formatLocales("en", "en-US", "UTC"));
    expect(f.decimal("1234.5678901234567")).toBe("1,234.5678901234567");
  });

  it("dates in the competition's time zone, not the server's", () => {
    const f = formatsFor(formatLocales("zh-Hans", "zh-CN", "Asia/Shanghai"));
    expect(f.date("2026-03-01T18:00:00Z", { dateStyle: "long" })).toBe("2026年3月2日");
    const ny = formatsFor(formatLocales("en", "en-GB", "America/New_York"));
    expect(ny.date("2026-03-01T18:00:00Z", { dateStyle: "long" })).toBe("1 March 2026");
  });

  it("uses the interface's own locale when the browser says nothing", () => {
    expect(formattingLocale(null, "zh-Hant")).toBe("zh-Hant");
    expect(formatLocales("zh-Hant", "zh-HK", "Asia/Hong_Kong").dates).toBe("zh-HK");
    expect(formatLocales("zh-Hant", "zh-CN", "Asia/Shanghai").dates).toBe("zh-Hant");
  });
});
