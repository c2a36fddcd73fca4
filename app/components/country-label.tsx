import { countryName, flagEmoji } from "~/i18n/countries";
import type { Locale } from "~/i18n/config";

export function CountryLabel({ code, locale, compact = false }: { code: string; locale: Locale; compact?: boolean }) {
  const flag = flagEmoji(code);
  const name = countryName(code, locale);
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap" title={name}>
      {flag ? (
        <span aria-hidden="true" className="text-base leading-none">
          {flag}
        </span>
      ) : (
        <span
          aria-hidden="true"
          className="rounded bg-slate-200 px-1 text-[10px] font-semibold leading-4 text-slate-600"
        >
          {code}
        </span>
      )}
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>{name}</span>
    </span>
  );
}
