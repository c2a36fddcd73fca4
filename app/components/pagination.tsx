import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Page links that keep the current query string; a window of pages around the current one. */
export function Pagination({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => string;
}) {
  const { t } = useTranslation();
  if (pageCount <= 1) return null;
  const pages = new Set<number>([1, pageCount]);
  for (let p = page - 2; p <= page + 2; p++) if (p >= 1 && p <= pageCount) pages.add(p);
  const sorted = [...pages].sort((a, b) => a - b);
  const item = "inline-flex min-w-9 items-center justify-center rounded-md px-3 py-2 text-sm font-medium";
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center justify-center gap-1">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev" className={`${item} text-slate-700 hover:bg-slate-100`}>
          ← {t("pagination.previous")}
        </Link>
      ) : null}
      {sorted.map((p, i) => (
        <span key={p} className="flex items-center">
          {i > 0 && p - sorted[i - 1]! > 1 ? <span className="px-1 text-slate-400">…</span> : null}
          <Link
            to={hrefFor(p)}
            aria-label={t("pagination.page", { page: p })}
            aria-current={p === page ? "page" : undefined}
            className={`${item} tabular-nums ${p === page ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {p}
          </Link>
        </span>
      ))}
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next" className={`${item} text-slate-700 hover:bg-slate-100`}>
          {t("pagination.next")} →
        </Link>
      ) : null}
    </nav>
  );
}
