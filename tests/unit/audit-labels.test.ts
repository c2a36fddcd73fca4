// Every action the audit log can record has a history label in every language the app offers.
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../app/domain/audit-actions";
import { createI18n, LOCALES } from "../../app/i18n/config";

describe("history labels", () => {
  it("name every audit action in every language", () => {
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      const missing = AUDIT_ACTIONS.filter((action) => !i18n.exists(`audit.${action}`, { fallbackLng: [] }));
      expect(missing, locale).toEqual([]);
    }
  });
});
