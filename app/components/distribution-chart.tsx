import { useTranslation } from "react-i18next";
import { useNumberFormat } from "~/i18n/formats";

/**
 * A histogram of judges' weighted marks, as inline SVG: no chart library, readable without
 * JavaScript, and each bar carries its count for screen readers.
 */
export function DistributionChart({ bins }: { bins: { from: number; to: number; count: number }[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...bins.map((b) => b.count));
  const width = 600;
  const height = 180;
  const barWidth = width / Math.max(1, bins.length);
  const number = useNumberFormat({ maximumFractionDigits: 1 });
  return (
    <figure className="rounded-xl border border-slate-200 bg-white p-4">
      <svg
        viewBox={`0 0 ${width} ${height + 24}`}
        role="img"
        aria-labelledby="distribution-title"
        className="h-auto w-full"
      >
        <title id="distribution-title">{t("dashboard.distribution")}</title>
        {bins.map((b, i) => {
          const h = (b.count / max) * height;
          return (
            <g key={i}>
              <rect x={i * barWidth + 1} y={height - h} width={barWidth - 2} height={h} className="fill-indigo-500">
                <title>{`${number.format(b.from)}–${number.format(b.to)}: ${b.count}`}</title>
              </rect>
              {i % 4 === 0 ? (
                <text x={i * barWidth} y={height + 16} className="fill-slate-500 text-[11px]">
                  {number.format(b.from)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={0} x2={width} y1={height} y2={height} className="stroke-slate-300" />
      </svg>
      <figcaption className="mt-1 text-xs text-slate-500">
        {t("dashboard.distributionCaption", { count: bins.reduce((a, b) => a + b.count, 0) })}
      </figcaption>
    </figure>
  );
}
