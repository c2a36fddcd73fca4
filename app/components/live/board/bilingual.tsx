// The board's bilingual text: the reader's language first, the other one beneath (a bilingual hall).
import { useTranslation } from "react-i18next";
import type { Localized } from "~/domain/live-final";
import type { Locale } from "~/i18n/config";
import { countryName, flagEmoji } from "~/i18n/countries";
import { useLocale } from "~/i18n/use-locale";

export const pick = (locale: Locale, text: Localized) => (locale !== "en" ? text.zh || text.en : text.en || text.zh);
const otherOf = (locale: Locale): Locale => (locale !== "en" ? "en" : "zh-Hans");

export function Bi({
  text,
  className = "",
  main = "",
  sub = "",
  testId,
}: {
  text: Localized;
  className?: string;
  main?: string;
  sub?: string;
  testId?: string;
}) {
  const locale = useLocale();
  const first = pick(locale, text);
  const second = pick(otherOf(locale), text);
  return (
    <span className={className} data-testid={testId}>
      <span className={`block ${main}`}>{first}</span>
      {second && second !== first ? <span className={`block opacity-70 ${sub}`}>{second}</span> : null}
    </span>
  );
}

/** A label in both languages, the reader's first. */
export function useBiLabel() {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const other = i18n.getFixedT(otherOf(locale));
  return (key: string, options?: Record<string, unknown>): Localized => {
    const a = t(key, options);
    const b = other(key, options);
    return locale !== "en" ? { zh: a, en: b } : { zh: b, en: a };
  };
}

export function Flag({ code, locale, large = false }: { code: string; locale: Locale; large?: boolean }) {
  const flag = flagEmoji(code);
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap" title={countryName(code, locale)}>
      {flag ? (
        <span aria-hidden className={large ? "text-4xl leading-none" : "text-xl leading-none"}>
          {flag}
        </span>
      ) : (
        <span className="rounded bg-white/20 px-1.5 text-xs font-bold">{code}</span>
      )}
      <span>{countryName(code, locale)}</span>
    </span>
  );
}
