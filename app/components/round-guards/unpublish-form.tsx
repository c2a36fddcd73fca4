// Taking a publication back: what it undoes, in numbers, whether the next round still allows it,
// and the form asking for a reason (the server checks the same, in the transaction that writes).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/form-field";
import { messagesAt, type Refusal } from "~/domain/refusal";
import { localized, useLocale } from "~/i18n/use-locale";

export type UnpublishPreviewData = {
  next: { slug: string; nameZh: string; nameEn: string; status: string } | null;
  nextAssignments: number;
  nextScores: number;
  takenBack: number;
  putBack: number;
  resetToIn: number;
  overridesKept: number;
  /** The publication's outcome messages: gone (cannot be taken back) and waiting (cancelled by unpublishing). */
  messages: { sent: number; pending: number };
};
type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

export function UnpublishForm({ preview, refusal }: { preview: UnpublishPreviewData; refusal: ShownRefusal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = preview.next;
  const blocked =
    next && next.status !== "draft"
      ? t("guards.unpublish.nextOpened")
      : preview.nextAssignments + preview.nextScores > 0
        ? t("guards.unpublish.nextJudged", { assignments: preview.nextAssignments, scores: preview.nextScores })
        : null;
  const reasonErrors = messagesAt(refusal, "reason");
  return (
    <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4" data-testid="unpublish">
      <h3 className="font-semibold">{t("guards.unpublish.title")}</h3>
      <p className="text-sm text-slate-600">{t("guards.unpublish.help")}</p>
      <p className="text-sm text-slate-700">
        {next
          ? t("guards.unpublish.summary", {
              ...preview,
              name: localized(locale, next.nameZh, next.nameEn),
            })
          : t("guards.unpublish.last")}
      </p>
      <p className="text-sm text-slate-700" data-testid="unpublish-messages">
        {t("messages.unpublish.messages", preview.messages)}
      </p>
      {blocked ? (
        <p role="alert" className="text-sm font-medium text-rose-700">
          {blocked}
        </p>
      ) : (
        <Form method="post" className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="form" value="unpublish" />
          <label className="block text-sm">
            <span className="block text-slate-700">{t("guards.unpublish.reasonLabel")}</span>
            <input
              name="reason"
              required
              maxLength={500}
              className={inputClass}
              aria-invalid={reasonErrors.length ? true : undefined}
              aria-describedby={reasonErrors.length ? "unpublish-reason-error" : undefined}
            />
          </label>
          <button
            type="submit"
            className="rounded-md border border-rose-300 px-4 py-2 text-sm font-medium text-rose-800"
          >
            {t("guards.unpublish.submit")}
          </button>
          {reasonErrors.length ? (
            <p id="unpublish-reason-error" role="alert" className="w-full text-sm text-rose-700">
              {reasonErrors.map((m) => t(m)).join(" ")}
            </p>
          ) : null}
        </Form>
      )}
    </div>
  );
}
