// An entry's rank as "Rank 48 of 563 in Europe": the place, out of how many ranked, in which unit.
import { useTranslation } from "react-i18next";
import { localized, useLocale } from "~/i18n/use-locale";

export type Standing = { ranked: number; unit: { nameZh: string; nameEn: string } | null };

/** The rank with its standing when known; the bare rank when the count is not (never the case for a stored result). */
export function rankOfText(
  t: (key: string, options: Record<string, string>) => string,
  locale: ReturnType<typeof useLocale>,
  language: string,
  rank: number,
  standing: Standing | null,
): string {
  const nf = new Intl.NumberFormat(language);
  if (!standing) return t("entry.rankIn", { rank: nf.format(rank) });
  const values = { rank: nf.format(rank), total: nf.format(standing.ranked) };
  return standing.unit
    ? t("entrant.rank.inUnit", { ...values, unit: localized(locale, standing.unit.nameZh, standing.unit.nameEn) })
    : t("entrant.rank.overall", values);
}

export function RankOf({ rank, standing, className }: { rank: number; standing: Standing | null; className?: string }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  return (
    <span className={className} data-rank={rank} data-ranked={standing?.ranked}>
      {rankOfText(t, locale, i18n.language, rank, standing)}
    </span>
  );
}

/** The published rounds an entry holds a rank in, one line each ("Regional round · Rank 48 of 563 in Europe"). */
export function RoundRanks({
  rounds,
}: {
  rounds: { slug: string; nameZh: string; nameEn: string; rank: number | null; standing: Standing | null }[];
}) {
  const locale = useLocale();
  return (
    <ul className="mt-2 flex flex-wrap gap-2 text-sm">
      {rounds.map((r) =>
        r.rank === null ? null : (
          <li key={r.slug} className="rounded-lg border border-slate-200 bg-white px-3 py-1">
            <span className="font-medium">{localized(locale, r.nameZh, r.nameEn)}</span>
            {" · "}
            <RankOf rank={r.rank} standing={r.standing} />
          </li>
        ),
      )}
    </ul>
  );
}
