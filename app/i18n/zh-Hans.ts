import type { Messages } from "./en";

export const zhHans: Messages = {
  app: {
    name: "Frontier 前沿",
    tagline: "评审与实时排名",
  },
  nav: {
    home: "首页",
    results: "成绩",
    language: "语言",
    switchTo: "English",
  },
  errors: {
    notFound: "页面不存在",
    notFoundBody: "您访问的页面不存在。",
    generic: "出错了",
    genericBody: "错误已记录，请稍后重试。",
  },
};
