// 直播输出的简体中文文案：OBS/vMix 叠加层，以及组织者设置允许嵌入直播页面的合作方网站（合并为 `livestream`）。
import type { enLivestream } from "./en-livestream";

export const zhHansLivestream: typeof enLivestream = {
  overlay: {
    title: "直播叠加层",
    badQuery: "叠加层地址有误：{{problem}}",
    badBackground: "background 只能是 transparent、green、blue、magenta",
    badRows: "rows 须为 1 到 30 的整数",
  },
  embedding: {
    title: "直播与嵌入",
    link: "直播与嵌入",
    overlays: "OBS / vMix 叠加层",
    overlaysHint:
      "在 OBS 或 vMix 中分别添加为 1920×1080 的浏览器源。背景透明；加 ?background=green（或 blue、magenta）得到抠像纯色背景，排名叠加层可加 ?rows=1–30（默认 10 行）。",
    ranking: "排名",
    lowerThird: "下方字幕条（台上选手、路演计时、成绩）",
    board: "大屏",
    partners: "合作方网站",
    partnersHint:
      "这些网站的页面可以用框架（iframe）显示大屏和叠加层，也可以用自己的脚本以观众身份连接直播频道。每行一个源，例如 https://partner.example——https 加主机名（可带端口），测试时可用 http://localhost；最多 {{max}} 个。",
    originsLabel: "允许的源",
    save: "保存列表",
    saved_one: "已保存：{{count}} 个合作方网站可以嵌入直播页面。",
    saved_other: "已保存：{{count}} 个合作方网站可以嵌入直播页面。",
    none: "尚未列出合作方网站：直播页面只能由本站嵌入。",
    notAnOrigin: "“{{origin}}”不是形如 https://partner.example 的地址。",
    notBare: "“{{origin}}”：只写源，不要路径或结尾的斜杠（例如 https://partner.example）。",
    httpsOnly: "“{{origin}}”：请使用 https（仅 localhost 可用 http）。",
    tooMany: "最多 {{max}} 个源。",
  },
};
