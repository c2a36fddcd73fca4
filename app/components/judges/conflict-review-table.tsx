// The suggested-conflicts review table: one row per conflict with its confidence, the judge and
// the entry, and the reason in words read from the stored evidence; a checkbox per row for the
// bulk form (the rows sit outside that form and join it by its id).
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ConflictEvidence } from "~/domain/conflict-detection";
import { bandOf } from "~/domain/conflict-detection";
import { localized, useLocale } from "~/i18n/use-locale";

export type ReviewRow = {
  id: number;
  status: string;
  confidence: number | null;
  evidence: ConflictEvidence[];
  reason: string | null;
  judgeId: number;
  judgeName: string;
  affiliation: string;
  entryId: number;
  code: string;
  organization: string;
  title_zh: string | null;
  title_en: string | null;
};

const BAND_CLASS = {
  high: "bg-rose-100 text-rose-800",
  medium: "bg-amber-100 text-amber-800",
  low: "bg-slate-100 text-slate-700",
} as const;

/** The confidence as a number and its band, coloured by band. */
export function ConfidenceBadge({ confidence }: { confidence: number | null }) {
  const { t } = useTranslation();
  const band = bandOf(confidence);
  if (!band) return <span className="text-slate-400">–</span>;
  return (
    <span className={`inline-block rounded px-2 py-0.5 font-mono text-xs ${BAND_CLASS[band]}`} data-testid="confidence">
      {`${confidence} · ${t(`conflictReview.bandShort.${band}`)}`}
    </span>
  );
}

/** The reason in words: each matched signal as one sentence with the values it matched. */
export function EvidenceLines({ evidence, fallback }: { evidence: ConflictEvidence[]; fallback: string | null }) {
  const { t } = useTranslation();
  if (!evidence.length)
    return fallback ? <p className="text-slate-600">{t("conflictReview.olderReason", { reason: fallback })}</p> : null;
  return (
    <ul className="space-y-0.5" data-testid="evidence">
      {evidence.map((e, i) => {
        const { kind, ...values } = e;
        return <li key={i}>{t(`conflictReview.evidence.${kind}`, values)}</li>;
      })}
    </ul>
  );
}

export function ConflictReviewTable({ rows, formId }: { rows: ReviewRow[]; formId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const checkPage = (checked: boolean) => {
    for (const box of document.querySelectorAll<HTMLInputElement>(`input[name="id"][form="${formId}"]`))
      box.checked = checked;
  };
  return (
    <div className="mt-2 overflow-x-auto rounded-xl border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="conflict-rows">
        <thead className="bg-slate-50 text-slate-500">
          <tr>
            <th className="px-2 py-2">
              <input
                type="checkbox"
                aria-label={t("conflictReview.checkPage")}
                onChange={(e) => checkPage(e.target.checked)}
              />
            </th>
            <th className="px-2">{t("conflictReview.confidence")}</th>
            <th className="px-2">{t("conflictReview.judge")}</th>
            <th className="px-2">{t("conflictReview.entry")}</th>
            <th className="px-2">{t("conflictReview.reason")}</th>
            <th className="px-2">{t("conflictReview.status")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-100 align-top" data-conflict-id={r.id}>
              <td className="px-2 py-2">
                <input
                  type="checkbox"
                  name="id"
                  value={r.id}
                  form={formId}
                  aria-label={t("conflictReview.checkRow", { code: r.code, judge: r.judgeName })}
                />
              </td>
              <td className="px-2 py-2">
                <ConfidenceBadge confidence={r.confidence} />
              </td>
              <td className="px-2 py-2">
                <Link to={`/admin/judges/${r.judgeId}`} className="font-medium text-indigo-700 hover:underline">
                  {r.judgeName}
                </Link>
                <span className="block text-xs text-slate-500">{r.affiliation}</span>
              </td>
              <td className="px-2 py-2">
                <Link to={`/admin/entries/${r.entryId}`} className="font-mono text-indigo-700 hover:underline">
                  {r.code}
                </Link>
                <span className="block text-xs text-slate-500">
                  {localized(locale, r.title_zh, r.title_en)} · {r.organization}
                </span>
              </td>
              <td className="px-2 py-2">
                <EvidenceLines evidence={r.evidence} fallback={r.reason} />
                {r.status !== "pending" && r.reason ? (
                  <p className="mt-1 text-xs text-slate-500">
                    {t("conflictReview.decisionReason")}: {r.reason}
                  </p>
                ) : null}
              </td>
              <td className="px-2 py-2 text-xs">{t(`conflicts.status.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
