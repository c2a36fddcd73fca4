// What the control room's pieces share: the button and input styles, the card around each area,
// and an entry's title in the reader's language.
import type { ReactNode } from "react";
import type { LiveEntry } from "~/domain/live-final";
import { localized } from "~/i18n/use-locale";

export const button =
  "rounded-lg px-3 py-2 text-sm font-semibold shadow-sm disabled:cursor-not-allowed disabled:opacity-40";
export const primary = `${button} bg-indigo-600 text-white hover:bg-indigo-500`;
export const secondary = `${button} border border-slate-300 bg-white text-slate-800 hover:bg-slate-50`;
export const danger = `${button} bg-rose-600 text-white hover:bg-rose-500`;
export const input = "w-full rounded-lg border border-slate-300 px-3 py-2 text-sm";

export function Card({ title, children, testId }: { title: string; children: ReactNode; testId?: string }) {
  return (
    <section className="space-y-3 rounded-xl border border-slate-200 bg-white p-4" data-testid={testId}>
      <h2 className="text-lg font-semibold text-slate-900">{title}</h2>
      {children}
    </section>
  );
}

export function entryTitle(locale: string, e: LiveEntry | undefined) {
  return e ? localized(locale === "en" ? "en" : "zh-Hans", e.title.zh, e.title.en) : "";
}
