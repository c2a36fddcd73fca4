// Every message key the code names literally exists in every language: a renamed or removed key
// would otherwise show its raw name ("common.track") on a page.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../app/domain/audit-actions";
import { MESSAGE_KINDS } from "../../app/domain/message-kinds";
import { createI18n, LOCALES } from "../../app/i18n/config";

// Audit action names and outbox message kinds look like keys (`entry.created`, `entry.receipt`).
const notKeys = new Set<string>([...AUDIT_ACTIONS, ...MESSAGE_KINDS]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === "i18n" ? [] : sourceFiles(p);
    // Its list of free-mail domains (`live.com`, `me.com`) reads like keys and holds none.
    if (d.name === "conflict-detection.ts") return [];
    return /\.tsx?$/.test(d.name) ? [p] : [];
  });
}

// A quoted dotted name whose first segment is a namespace of the catalogue: `t("common.track")`,
// `code: "round.publishedLocked"`, `pageTitle(matches, "titles.judging")`.
function literalKeys(namespaces: Set<string>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of sourceFiles("app")) {
    const text = fs.readFileSync(file, "utf8");
    for (const m of text.matchAll(/["'`]([a-z][A-Za-z]*(?:\.[A-Za-z0-9_]+)+)["'`]/g)) {
      const key = m[1]!;
      // Audit action names look like keys (`entry.created`); their labels are `audit.<action>`.
      if (namespaces.has(key.split(".")[0]!) && !notKeys.has(key)) keys.set(key, file);
    }
  }
  return keys;
}

describe("message keys", () => {
  it("named in the code exist in every language", () => {
    const namespaces = new Set(Object.keys(createI18n("en").getResourceBundle("en", "translation") as object));
    const keys = literalKeys(namespaces);
    expect(keys.size).toBeGreaterThan(200);
    for (const locale of LOCALES) {
      const i18n = createI18n(locale);
      const missing = [...keys].filter(
        ([key]) => !i18n.exists(key, { fallbackLng: [] }) && !i18n.exists(`${key}_other`, { fallbackLng: [] }),
      );
      expect(
        missing.map(([key, file]) => `${key} (${file})`),
        locale,
      ).toEqual([]);
    }
  });
});
