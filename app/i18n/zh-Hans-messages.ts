// 各类通知邮件（邀请、提醒、回执、结果）及发送页面的中文文案。合并到 `zhHans.messages`（见 zh-Hans.ts）。
import type { enMessages } from "./en-messages";

export const zhHansMessages: typeof enMessages = {
  title: "消息",
};
