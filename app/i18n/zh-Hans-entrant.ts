// 参赛者流程（提交确认、报名入口、名次、赛区提示）的中文文案。合并到 `zhHans.entrant`（见 zh-Hans.ts）。
import type { enEntrant } from "./en-entrant";

export const zhHansEntrant: typeof enEntrant = {
  title: "我的项目",
};
