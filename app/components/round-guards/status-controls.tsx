// A round's status section: the moves it can make next, the close preview with its confirmation
// while it is open, the reopen form with what reopening means, and the way to publish or unpublish.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, inputClass } from "~/components/form-field";
import { Section } from "~/components/section";
import { formMessage, messagesAt, type Refusal } from "~/domain/refusal";
import type { RoundStatus } from "~/domain/round-settings";
import { ClosePreview, type ClosePreviewData } from "./close-preview";

type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

export function StatusControls({
  round,
  next,
  closePreview,
  refusal: statusRefusal,
}: {
  round: { slug: string; status: RoundStatus };
  next: readonly RoundStatus[];
  closePreview: ClosePreviewData | null;
  refusal: ShownRefusal;
}) {
  const { t } = useTranslation();
  const published = round.status === "published";
  const reasonErrors = messagesAt(statusRefusal, "reason");
  return (
    <Section id="status" title={t("common.status")}>
      <p className="mt-1 text-sm text-slate-600">{t("round.statusHelp")}</p>
      {formMessage(statusRefusal) ? (
        <FormMessage>{t(formMessage(statusRefusal)!, statusRefusal?.params ?? {})}</FormMessage>
      ) : null}
      {closePreview ? <ClosePreview preview={closePreview} refusal={statusRefusal} /> : null}
      {round.status === "closed" ? (
        <p className="mt-2 text-sm text-slate-700" data-testid="reopen-guard">
          {t("guards.reopen.guard")}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-3">
        {next
          .filter((s) => s !== "published" && !(s === "closed" && closePreview))
          .map((to) => (
            <Form method="post" key={to} className="flex flex-wrap items-end gap-2">
              <input type="hidden" name="form" value="status" />
              <input type="hidden" name="to" value={to} />
              {round.status === "closed" && to === "open" ? (
                <span className="block">
                  <input
                    name="reason"
                    required
                    maxLength={500}
                    placeholder={t("round.reopenReason")}
                    aria-label={t("round.reopenReason")}
                    aria-invalid={reasonErrors.length ? true : undefined}
                    aria-describedby={reasonErrors.length ? "round-reason-error" : undefined}
                    className={inputClass}
                  />
                  {reasonErrors.length ? (
                    <span id="round-reason-error" role="alert" className="block text-sm text-rose-700">
                      {reasonErrors.map((e) => t(e)).join(" ")}
                    </span>
                  ) : null}
                </span>
              ) : null}
              <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
                {t(`round.moveTo.${round.status === "closed" && to === "open" ? "reopen" : to}`)}
              </button>
            </Form>
          ))}
        {next.includes("published") || published ? (
          <a
            href={`/admin/rounds/${round.slug}/results#publication`}
            className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium"
          >
            {t(published ? "guards.unpublish.title" : "round.publishFromResults")}
          </a>
        ) : null}
      </div>
    </Section>
  );
}
