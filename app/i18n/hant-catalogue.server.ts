// What zh-Hant.generated.ts holds, computed afresh: the script writes it, the freshness test compares it.
import { simplifiedCountryNames } from "./country-naming";
import { zhHans } from "./zh-Hans";
import { toTraditional, traditionalMessages } from "./traditional.server";

export function generatedCatalogue() {
  const countries = Object.fromEntries(
    Object.entries(simplifiedCountryNames())
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, name]) => [code, toTraditional(name)]),
  );
  return { messages: traditionalMessages(zhHans), countries };
}
