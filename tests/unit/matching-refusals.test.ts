// The matching's refusals are each said in every language the app offers, with their cap filled in.
import { describe, expect, it } from "vitest";
import { MATCHING_REFUSALS, refuseMatching, type MatchingRefusalName } from "../../app/domain/partner-matching";
import { createI18n, LOCALES } from "../../app/i18n/config";

const names = Object.keys(MATCHING_REFUSALS) as MatchingRefusalName[];

describe("the matching refusals", () => {
  it("are each said in every language, a cap with its number", () => {
    for (const locale of LOCALES) {
      const { t } = createI18n(locale);
      for (const name of names) {
        const refusal = refuseMatching(name, { cap: 6 });
        const text = t(refusal.code, refusal.params);
        expect(text, `${locale} ${name}`).not.toBe(refusal.code);
        if (name.endsWith("CapReached")) expect(text, `${locale} ${name}`).toContain("6");
      }
    }
  });
});
