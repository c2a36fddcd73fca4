import { describe, expect, it } from "vitest";
import { browserLocale, resolveLocale } from "../../app/i18n/locale.server";
import { createI18n, LOCALES, switchOrder } from "../../app/i18n/config";
import { negotiateLocale } from "../../app/i18n/negotiate";
import { localized } from "../../app/i18n/use-locale";

const request = (headers: Record<string, string>) => new Request("http://localhost/", { headers });
const cookieFor = (value: string) => `lng=${encodeURIComponent(btoa(JSON.stringify(value)))}`;

describe("the reader's language", () => {
  it("gives Hong Kong, Macao and Taiwan Chinese the Traditional interface", () => {
    for (const tag of ["zh-HK", "zh-MO", "zh-TW", "zh-Hant", "zh-Hant-HK", "zh-tw"])
      expect(negotiateLocale(tag, "zh-Hans"), tag).toBe("zh-Hant");
  });

  it("gives mainland and Singapore Chinese the Simplified interface", () => {
    for (const tag of ["zh", "zh-CN", "zh-SG", "zh-Hans", "zh-Hans-HK"])
      expect(negotiateLocale(tag, "zh-Hans"), tag).toBe("zh-Hans");
  });

  it("gives every other language English, not Chinese", () => {
    for (const tag of ["de-DE", "ja", "ko", "it", "fr-FR", "es", "ru", "de-DE,de;q=0.9"])
      expect(negotiateLocale(tag, "zh-Hans"), tag).toBe("en");
  });

  it("respects q-values: the most preferred language we have wins", () => {
    expect(negotiateLocale("en;q=0.3,zh-TW;q=0.8", "zh-Hans")).toBe("zh-Hant");
    expect(negotiateLocale("zh-TW;q=0.2,en-GB", "zh-Hans")).toBe("en");
    expect(negotiateLocale("ja,zh-HK;q=0.7,en;q=0.5", "zh-Hans")).toBe("zh-Hant");
    expect(negotiateLocale("de-DE,zh-CN;q=0;en;q=0.1", "zh-Hans")).toBe("en");
  });

  it("keeps Simplified Chinese when the browser says nothing", async () => {
    expect(await resolveLocale(request({}))).toBe("zh-Hans");
    expect(negotiateLocale("", "zh-Hans")).toBe("zh-Hans");
  });

  it("prefers the remembered choice over the browser's header, and ignores a forged one", async () => {
    expect(await resolveLocale(request({ Cookie: cookieFor("en"), "Accept-Language": "zh-CN" }))).toBe("en");
    expect(await resolveLocale(request({ Cookie: cookieFor("zh-Hant"), "Accept-Language": "en" }))).toBe("zh-Hant");
    expect(await resolveLocale(request({ Cookie: cookieFor("<script>"), "Accept-Language": "en" }))).toBe("en");
  });

  it("offers 繁體中文 first on the switch to a browser asking for Taiwan Chinese", () => {
    expect(switchOrder(browserLocale(request({ "Accept-Language": "zh-TW" })))).toEqual(["zh-Hant", "zh-Hans", "en"]);
    expect(switchOrder(browserLocale(request({ "Accept-Language": "de-DE" })))).toEqual(["en", "zh-Hans", "zh-Hant"]);
  });

  it("translates the same key in all three languages", () => {
    expect(LOCALES).toEqual(["zh-Hans", "zh-Hant", "en"]);
    expect(createI18n("en").t("results.col.rank")).toBe("Rank");
    expect(createI18n("zh-Hans").t("results.col.rank")).toBe("排名");
    expect(createI18n("zh-Hant").t("auth.signIn")).toBe("登入");
    expect(createI18n("zh-Hant").t("common.judgeCount", { count: 3 })).toBe("3 位評審");
    expect(createI18n("en").t("round.entries", { count: 1, n: "1" })).toBe("1 entry");
    expect(createI18n("en").t("round.entries", { count: 3079, n: "3,079" })).toBe("3,079 entries");
  });

  it("reads a bilingual record's Chinese side for both Chinese interfaces", () => {
    expect(localized("zh-Hant", "量子", "Quantum")).toBe("量子");
    expect(localized("zh-Hant", null, "Quantum")).toBe("Quantum");
    expect(localized("en", "量子", "Quantum")).toBe("Quantum");
  });
});
