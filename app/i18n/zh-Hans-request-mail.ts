// 会面请求邮件的中文文案（app/services/follow-on/request-mail.server.ts）：收到请求、请求被接受或谢绝。在 zh-Hans.ts 中并入 `requestMail`。
import type { enRequestMail } from "./en-request-mail";

export const zhHansRequestMail: typeof enRequestMail = {
  received: {
    subject: "来自{{from}}的会面请求",
    heading: "{{from}}希望与您会面",
    body: {
      partner: "{{from}}希望在大赛后续服务对接会上与{{to}}团队会面。",
      entry: "{{from}}团队希望在大赛后续服务对接会上与{{to}}会面。",
    },
    message: "对方留言：{{message}}",
    action: "答复请求",
    note: "请在链接打开的页面上接受或谢绝。双方都同意后会面即成立，组委会随后将其排入对接会日程。",
  },
  answered: {
    subject: {
      accepted: "{{by}}接受了您的会面请求",
      declined: "{{by}}谢绝了您的会面请求",
    },
    body: {
      accepted: "{{by}}接受了{{to}}提出的会面。组委会将把它排入对接会日程，您会在日程中看到日期、时间和桌号。",
      declined: "{{by}}谢绝了{{to}}提出的会面。您可以向其他匹配的合作方或项目发出请求。",
    },
    action: "查看我的请求",
  },
};
