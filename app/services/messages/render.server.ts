// One frame for every e-mail: the competition's name, a heading, paragraphs, at most one action
// link, and a footer, as HTML and as plain text in the recipient's language. The words come from
// the caller (already translated); the frame's own words from the `mail.frame` messages.
import { createI18n } from "../../i18n/config";
import type { Locale } from "../../../db/schema";

export type EmailContent = {
  subject: string;
  heading: string;
  paragraphs: readonly string[];
  action?: { label: string; url: string };
  /** A closing line in small print ("If you did not ask for this, ignore this message."). */
  note?: string;
};

export type RenderedEmail = { subject: string; text: string; html: string };

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

// One translator per language for the process: publishing a round frames thousands of messages.
const translators = new Map<Locale, ReturnType<typeof createI18n>["t"]>();
function translatorFor(locale: Locale) {
  let t = translators.get(locale);
  if (!t) translators.set(locale, (t = createI18n(locale).t));
  return t;
}

export function renderEmail(locale: Locale, competitionName: string | null, content: EmailContent): RenderedEmail {
  const t = translatorFor(locale);
  const sender = competitionName ?? t("mail.frame.fallbackSender");
  const footer = t("mail.frame.footer", { competition: sender });
  const subject = competitionName ? `${content.subject} · ${competitionName}` : content.subject;

  const text = [
    sender,
    "",
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.note ? [content.note, ""] : []),
    "--",
    footer,
  ].join("\n");

  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,'PingFang SC','PingFang TC','Microsoft YaHei','Microsoft JhengHei',sans-serif;color:#18181b">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
<p style="margin:0 0 16px;font-size:13px;color:#52525b">${escapeHtml(sender)}</p>
<h1 style="margin:0 0 16px;font-size:20px">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map((p) => `<p style="margin:0 0 12px;line-height:1.6">${escapeHtml(p)}</p>`).join("\n")}
${
  content.action
    ? `<p style="margin:20px 0"><a href="${escapeHtml(content.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escapeHtml(content.action.label)}</a></p>
<p style="margin:0 0 12px;font-size:12px;color:#52525b;word-break:break-all">${escapeHtml(content.action.url)}</p>`
    : ""
}
${content.note ? `<p style="margin:16px 0 0;font-size:12px;color:#52525b">${escapeHtml(content.note)}</p>` : ""}
<hr style="border:none;border-top:1px solid #e4e4e7;margin:20px 0">
<p style="margin:0;font-size:12px;color:#71717a">${escapeHtml(footer)}</p>
</div></body></html>`;
  return { subject, text, html };
}
