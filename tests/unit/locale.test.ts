import { describe, expect, it } from "vitest";
import { resolveLocale } from "../../app/i18n/locale.server";
import { createI18n } from "../../app/i18n/config";

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });

describe("the reader's language", () => {
  it("follows Accept-Language, Chinese variants included, and defaults to Simplified Chinese", async () => {
    expect(await resolveLocale(request({ "Accept-Language": "en-GB,en;q=0.9" }))).toBe("en");
    expect(await resolveLocale(request({ "Accept-Language": "zh-TW,zh;q=0.9,en;q=0.5" }))).toBe("zh-Hans");
    expect(await resolveLocale(request({ "Accept-Language": "de-DE,de;q=0.9,en;q=0.8" }))).toBe("en");
    expect(await resolveLocale(request({ "Accept-Language": "fr-FR" }))).toBe("zh-Hans");
    expect(await resolveLocale(request({}))).toBe("zh-Hans");
  });

  it("prefers the remembered choice over the browser's header, and ignores a forged one", async () => {
    const en = `lng=${encodeURIComponent(btoa(JSON.stringify("en")))}`;
    expect(await resolveLocale(request({ Cookie: en, "Accept-Language": "zh-CN" }))).toBe("en");
    const forged = `lng=${encodeURIComponent(btoa(JSON.stringify("<script>")))}`;
    expect(await resolveLocale(request({ Cookie: forged, "Accept-Language": "en" }))).toBe("en");
  });

  it("translates the same key in both languages", () => {
    expect(createI18n("en").t("results.col.rank")).toBe("Rank");
    expect(createI18n("zh-Hans").t("results.col.rank")).toBe("排名");
    expect(createI18n("en").t("round.entries", { count: 1, n: "1" })).toBe("1 entry");
    expect(createI18n("en").t("round.entries", { count: 3079, n: "3,079" })).toBe("3,079 entries");
  });
});
