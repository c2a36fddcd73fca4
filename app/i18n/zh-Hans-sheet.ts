// 评委评分表的中文文案。合并到 `zhHans.sheet`（见 zh-Hans.ts）。
import type { enSheet } from "./en-sheet";

export const zhHansSheet: typeof enSheet = {
  title: "评分表",
};
