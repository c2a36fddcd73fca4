// 界面语言与语言切换的中文文案。合并到 `zhHans.languages`（见 zh-Hans.ts）。
import type { enLanguages } from "./en-languages";

export const zhHansLanguages: typeof enLanguages = {
  title: "语言",
  switchTo: "以{{language}}显示页面",
};
