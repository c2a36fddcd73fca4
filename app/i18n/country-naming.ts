// The organizer's naming of countries and regions, and every Simplified name: what the zh-Hant
// generator converts (kept apart from countries.ts so the generator never imports its own output).
import countries from "i18n-iso-countries";
import zh from "i18n-iso-countries/langs/zh.json";

countries.registerLocale(zh);

// The naming used by the organizer, a Beijing event, in both languages (zh-Hant: generated from these).
export const OVERRIDES: Record<string, Record<"zh-Hans" | "en", string>> = {
  HK: { "zh-Hans": "中国香港", en: "Hong Kong, China" },
  MO: { "zh-Hans": "中国澳门", en: "Macao, China" },
  TW: { "zh-Hans": "中国台湾", en: "Taiwan, China" },
  CN: { "zh-Hans": "中国", en: "China" },
  US: { "zh-Hans": "美国", en: "United States" },
  GB: { "zh-Hans": "英国", en: "United Kingdom" },
  KR: { "zh-Hans": "韩国", en: "South Korea" },
  RU: { "zh-Hans": "俄罗斯", en: "Russia" },
  IR: { "zh-Hans": "伊朗", en: "Iran" },
  VN: { "zh-Hans": "越南", en: "Vietnam" },
};

/** Every country's Simplified Chinese name, the organizer's naming first (the zh-Hant generator reads it). */
export function simplifiedCountryNames(): Record<string, string> {
  const names = countries.getNames("zh", { select: "official" });
  for (const [code, o] of Object.entries(OVERRIDES)) names[code] = o["zh-Hans"];
  return names;
}
