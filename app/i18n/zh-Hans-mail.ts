// 发件箱、邮件外框与重设密码的中文文案。合并到 `zhHans.mail`（见 zh-Hans.ts）。
import type { enMail } from "./en-mail";

export const zhHansMail: typeof enMail = {
  title: "发件箱",
  frame: {
    fallbackSender: "Frontier",
    footer: "本邮件由{{competition}}通过 Frontier 发送。请勿直接回复。",
  },
};
