// The plain-text refusals of the HTTP layer (before Remix), in the reader's language: they come
// before any page could show a message at a field, so the status and one sentence are the answer.
import type express from "express";
import { createI18n } from "../i18n/config";
import { resolveLocale } from "../i18n/locale.server";
import type { en } from "../i18n/en";

export type HttpRefusal = keyof (typeof en)["http"];

const translators = { en: createI18n("en"), "zh-Hans": createI18n("zh-Hans"), "zh-Hant": createI18n("zh-Hant") };

export async function refuse(
  req: express.Request,
  res: express.Response,
  status: number,
  key: HttpRefusal,
  options: { close?: boolean } = {},
) {
  const headers: Record<string, string> = {};
  if (req.headers.cookie) headers["cookie"] = req.headers.cookie;
  if (req.headers["accept-language"]) headers["accept-language"] = req.headers["accept-language"];
  let locale: keyof typeof translators = "en";
  try {
    locale = await resolveLocale(new Request("http://frontier.invalid/", { headers }));
  } catch {
    // An unreadable language cookie or header: English.
  }
  if (options.close) res.set("Connection", "close");
  res
    .status(status)
    .type("text/plain; charset=utf-8")
    .send(translators[locale].t(`http.${key}`));
}
