// Reviewed regional terms for Traditional Chinese: where OpenCC's Taiwan phrase conversion (s2twp)
// gives a word that is wrong or unidiomatic for a competition's pages, the word this product uses.
// Keys are Simplified (as written in zh-Hans catalogues and in entered content), values the
// Traditional text; the longest key wins. Reviewed against the whole catalogue's output
// (`npm run i18n:hant`); add a line here, not a hand-written zh-Hant string.
export const HANT_TERMS: Readonly<Record<string, string>> = {
  // A competition entry is a 項目 in Hong Kong, Macao and Taiwan; s2twp's 專案 is an IT or business "project".
  项目: "項目",
  // The judge of a competition: 評審 is the word readers in all three regions use; 評委 reads mainland.
  // (No 评委会 → 評審團: the catalogue writes 每位评委会被分配, "each judge will be assigned".)
  评委: "評審",
  // Track (field of an entry): s2twp keeps 賽道, which is right; listed so a dictionary change cannot drift it.
  赛道: "賽道",
  // Account: Taiwan and Hong Kong write 帳號; s2twp gives the mainland-looking 賬號.
  账号: "帳號",
  账户: "帳戶",
  // Sign in / sign out: 登入 / 登出 in both regions (s2twp already gives 登入; pinned with its pair).
  登录: "登入",
  退出登录: "登出",
  // Software: 軟件 (Hong Kong, Macao) and 軟體 (Taiwan); 軟體 is understood everywhere and is s2twp's.
  软件: "軟體",
  // Video: 影片 in both regions (s2twp agrees); pinned because a video link is a field of an entry.
  视频: "影片",
  // Information: 資訊 (s2twp agrees); 信息 in Taiwan reads as "a message".
  信息: "資訊",
  // E-mail: 電子郵件 / 郵件 in both regions; 邮箱 (the mainland "mailbox" for an address) is 電子郵件地址.
  邮件: "郵件",
  邮箱: "電子郵件",
  邮箱地址: "電子郵件地址",
  电子邮箱: "電子郵件",
  // Plain text (the text part of an e-mail): 純文字 in both regions; s2twp leaves the mainland 純文本.
  纯文本: "純文字",
  // Default: 預設 (s2twp agrees), pinned; 默認 reads mainland.
  默认: "預設",
  // Publish results: 公布 is what an organizer does with results; s2twp's 釋出 is "release (software)".
  发布: "公布",
  已发布: "已公布",
  // File: s2twp turns 文件 into 檔案, right for an upload, but a 文件 of a round is a document; keep 檔案 (the product's only use is files).
  文件: "檔案",
  // Organizing committee: 組委會 is mainland; 主辦單位 is what readers in Hong Kong, Macao and Taiwan see on an event.
  组委会: "主辦單位",
  // Code (of a group, a track, a country): 代碼; s2twp's 程式碼 is source code.
  代码: "代碼",
  // Review (of a suggested conflict): 審核; s2twp's 稽核 is a financial audit.
  审核: "審核",
  // Type (of a message card): 類型; s2twp's 型別 is a programming-language type.
  类型: "類型",
  // Permission: 權限; s2twp's 許可權 is a file-system term.
  权限: "權限",
  // A server that does not answer: 沒有回應; s2twp keeps the mainland 響應.
  响应: "回應",
  // Reply (to an e-mail): 回覆; s2twp's 回復 means "restore".
  回复: "回覆",
  // 公布 (the Ministry of Education form) everywhere, also where s2twp writes the variant 公佈.
  公布: "公布",
  // Segmentation guards: s2twp reads 本轮回到 as 輪迴 ("reincarnation") and “评分”表行数 as 錶 ("watch").
  本轮: "本輪",
  表行数: "表行數",
  // Data: 資料 (s2twp) is right in Taiwan; in Hong Kong 數據 is also common. 資料 is kept, pinned.
  数据: "資料",
  // Quality: 品質 in Taiwan, 質素 in Hong Kong; s2twp leaves 質量 (which reads "mass"). 品質 is understood in both.
  质量: "品質",
  // Back end, kept as 後台 (Hong Kong and Taiwan everyday writing) rather than s2twp's 後臺.
  后台: "後台",
  // Competition region (a group of entries): 賽區 as s2twp gives; pinned.
  赛区: "賽區",
  // User: 使用者 (s2twp) is Taiwan-only in register; 用戶 is read in both regions.
  用户: "用戶",
  // Link: 連結 (s2twp) for a hyperlink, right in both regions.
  链接: "連結",
  // Set up, settings: 設定 (s2twp), right in both regions.
  设置: "設定",
  // Screen: 螢幕 in Taiwan, 屏幕 in Hong Kong; the big screen of a live final is 大螢幕 to both.
  屏幕: "螢幕",
};
