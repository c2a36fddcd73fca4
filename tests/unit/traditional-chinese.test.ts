// The Traditional Chinese interface and content: OpenCC (s2twp) plus the reviewed regional terms.
import { describe, expect, it } from "vitest";
import { zhHant, zhHantCountries } from "../../app/i18n/zh-Hant.generated";
import { zhHans } from "../../app/i18n/zh-Hans";
import { generatedCatalogue } from "../../app/i18n/hant-catalogue.server";
import { HANT_TERMS } from "../../app/i18n/hant-terms";
import { contentFor, contentIn, toTraditional } from "../../app/i18n/traditional.server";
import { countryName } from "../../app/i18n/countries";

type Tree = { [key: string]: string | Tree };
function leaves(tree: Tree, prefix = ""): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v]] : leaves(v, `${prefix}${k}.`),
  );
}

describe("Traditional Chinese", () => {
  it("is up to date with the Simplified catalogue (a new zh-Hans string needs `npm run i18n:hant`)", () => {
    const fresh = generatedCatalogue();
    const stale = leaves(fresh.messages as Tree).filter(([key, value]) => {
      const path = key.split(".");
      let node: unknown = zhHant;
      for (const p of path) node = (node as Record<string, unknown> | undefined)?.[p];
      return node !== value;
    });
    const message = "app/i18n/zh-Hant.generated.ts is out of date: run `npm run i18n:hant` and commit the result";
    expect(
      stale.map(([k]) => k),
      message,
    ).toEqual([]);
    expect(zhHant, message).toEqual(fresh.messages);
    expect(zhHantCountries, message).toEqual(fresh.countries);
  });

  it("keeps every key, interpolation and plural suffix of the Simplified catalogue", () => {
    const hans = leaves(zhHans as unknown as Tree);
    const hant = new Map(leaves(zhHant as unknown as Tree));
    expect([...hant.keys()]).toEqual(hans.map(([k]) => k));
    for (const [key, value] of hans) {
      const placeholders = (s: string) => s.match(/\{\{[^}]*\}\}|\$t\([^)]*\)/g) ?? [];
      expect(placeholders(hant.get(key)!), key).toEqual(placeholders(value));
    }
    expect(zhHant.common.entryCount_other).toBe("{{count}} 個項目");
  });

  it("passes placeholders through untouched even when they hold Chinese-looking text", () => {
    expect(toTraditional("发布于 {{date}}")).toBe("公布於 {{date}}");
    expect(toTraditional("{{发布}} 与 $t(common.judges)")).toBe("{{发布}} 與 $t(common.judges)");
    expect(toTraditional("Plain English 123")).toBe("Plain English 123");
  });

  it("uses the reviewed regional terms where the converter's word is wrong for a competition", () => {
    expect(toTraditional("参赛项目")).toBe("參賽項目"); // not 專案
    expect(toTraditional("评委")).toBe("評審");
    expect(toTraditional("账号")).toBe("帳號");
    expect(toTraditional("退出登录")).toBe("登出");
    expect(toTraditional("赛区代码")).toBe("賽區代碼"); // not 程式碼
    expect(toTraditional("电子邮箱")).toBe("電子郵件");
    expect(toTraditional("本轮回到已关闭")).toBe("本輪回到已關閉"); // not 輪迴
    expect(toTraditional("每位评委会被分配")).toBe("每位評審會被分配");
    for (const [simplified, traditional] of Object.entries(HANT_TERMS))
      expect(toTraditional(simplified), simplified).toBe(traditional);
  });

  it("converts entered content for a Traditional reader only, and only its Chinese fields", () => {
    const row = {
      code: "HK-QI-0001",
      titleZh: "量子计算软件",
      titleEn: "Quantum software",
      organization: "香港科技大学",
    };
    expect(contentIn("zh-Hant", row)).toEqual({
      code: "HK-QI-0001",
      titleZh: "量子計算軟體",
      titleEn: "Quantum software",
      organization: "香港科技大學",
    });
    expect(contentIn("zh-Hans", row)).toBe(row);
    expect(contentFor("en")("量子计算")).toBe("量子计算");
    expect(contentFor("zh-Hant")("量子计算")).toBe("量子計算");
  });

  it("names countries and regions in Traditional characters with the organizer's naming", () => {
    expect(countryName("HK", "zh-Hant")).toBe("中國香港");
    expect(countryName("DE", "zh-Hant")).toBe("德國");
    expect(countryName("DE", "zh-Hans")).toBe("德国");
  });
});

describe("e-mail in Traditional Chinese", () => {
  it("frames a message for a zh-Hant recipient in Traditional characters", async () => {
    const { renderEmail } = await import("../../app/services/messages/render.server");
    const mail = renderEmail("zh-Hant", "2026 中關村國際前沿科技創新大賽", {
      subject: "測試",
      heading: "測試",
      paragraphs: ["內容"],
    });
    expect(mail.html).toContain('<html lang="zh-Hant">');
    expect(mail.text).toContain("本郵件由2026 中關村國際前沿科技創新大賽通過 Frontier 傳送。請勿直接回覆。");
  });
});
