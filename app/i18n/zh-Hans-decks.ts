// 路演材料（上传、阅读、决赛材料打包）的中文文案。合并到 `zhHans.decks`（见 zh-Hans.ts）。
import type { enDecks } from "./en-decks";

export const zhHansDecks: typeof enDecks = {
  title: "路演材料",
};
