// Closing a round: how many scores it still waits for, named per judge and per entry, and the close
// form, which asks for a confirmation when any are waiting (the server refuses without it).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { EntryPending, JudgePending } from "~/domain/round-guards";
import { messagesAt, type Refusal } from "~/domain/refusal";
import { localized, useLocale } from "~/i18n/use-locale";

export type ClosePreviewData = {
  drafts: number;
  missing: number;
  judges: JudgePending[];
  /** The first entries affected (the page shows at most this many), and how many there are in all. */
  entries: EntryPending[];
  entryCount: number;
};

type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

export function ClosePreview({ preview, refusal }: { preview: ClosePreviewData; refusal: ShownRefusal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const waiting = preview.drafts + preview.missing;
  const confirmErrors = messagesAt(refusal, "confirm");
  const counts = { drafts: preview.drafts, missing: preview.missing };
  return (
    <div className="mt-3 space-y-3 rounded-xl border border-amber-200 bg-amber-50/50 p-4" data-testid="close-preview">
      <h3 className="font-semibold text-slate-900">{t("guards.close.title")}</h3>
      {waiting === 0 ? (
        <p className="text-sm text-slate-700">{t("guards.close.allIn")}</p>
      ) : (
        <>
          <p className="text-sm font-medium text-amber-900">
            {t("guards.close.summary", { ...counts, judges: preview.judges.length, entries: preview.entryCount })}
          </p>
          <p className="text-sm text-slate-700">{t("guards.close.consequence")}</p>
          <details open={preview.judges.length <= 12}>
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">
              {t("guards.close.judgesTitle")} ({preview.judges.length})
            </summary>
            <table className="mt-1 w-full max-w-xl text-left text-sm" data-testid="close-judges">
              <thead className="text-slate-500">
                <tr>
                  <th className="py-1 pr-2">{t("guards.judgeCol")}</th>
                  <th className="px-2">{t("guards.draftsCol")}</th>
                  <th className="px-2">{t("guards.missingCol")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.judges.map((j) => (
                  <tr key={j.judgeId} className="border-t border-amber-100">
                    <td className="py-1 pr-2">
                      {/* Two judges may share a name: the link tells them apart. */}
                      <a href={`/admin/judges/${j.judgeId}`} className="text-indigo-700 hover:underline">
                        {j.judgeName}
                      </a>
                    </td>
                    <td className="px-2 font-mono">{j.drafts}</td>
                    <td className="px-2 font-mono">{j.missing}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
          <details>
            <summary className="cursor-pointer text-sm font-medium text-indigo-700">
              {t("guards.close.entriesTitle")} ({preview.entryCount})
            </summary>
            <ul className="mt-1 columns-1 text-sm sm:columns-2">
              {preview.entries.map((e) => (
                <li key={e.entryId}>
                  <a href={`/admin/entries/${e.entryId}`} className="font-mono text-indigo-700 hover:underline">
                    {e.code}
                  </a>{" "}
                  <span className="text-slate-600">{localized(locale, e.titleZh, e.titleEn)}</span>{" "}
                  <span className="text-xs text-slate-500">
                    {t("guards.draftsCol")} {e.drafts} · {t("guards.missingCol")} {e.missing}
                  </span>
                </li>
              ))}
            </ul>
            {preview.entryCount > preview.entries.length ? (
              <p className="text-xs text-slate-500">
                {t("guards.andMore", { count: preview.entryCount - preview.entries.length })}
              </p>
            ) : null}
          </details>
        </>
      )}
      <Form method="post" className="space-y-2">
        <input type="hidden" name="form" value="status" />
        <input type="hidden" name="to" value="closed" />
        {waiting > 0 ? (
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name="confirm"
              value="1"
              required
              aria-invalid={confirmErrors.length ? true : undefined}
              aria-describedby={confirmErrors.length ? "close-confirm-error" : undefined}
            />
            <span>{t("guards.close.confirm", counts)}</span>
          </label>
        ) : null}
        {confirmErrors.length ? (
          <p id="close-confirm-error" role="alert" className="text-sm text-rose-700">
            {confirmErrors.map((m) => t(m, refusal?.params ?? {})).join(" ")}
          </p>
        ) : null}
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
          {t("round.moveTo.closed")}
        </button>
      </Form>
    </div>
  );
}
