// A partner's buttons on an entry: the shortlist toggle and the meeting request with a message,
// each showing a refusal of its own action right below it.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass, refusalOptions, type PageRefusal } from "~/components/form-field";
import type { RequestState } from "~/domain/partner-vocabulary";

export function ShortlistToggle({ entryId, shortlisted }: { entryId: number; shortlisted: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post">
      <input type="hidden" name="form" value="shortlist" />
      <input type="hidden" name="entryId" value={entryId} />
      <input type="hidden" name="on" value={shortlisted ? "0" : "1"} />
      <button
        type="submit"
        aria-pressed={shortlisted}
        className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
      >
        {t(shortlisted ? "matching.lists.unshortlist" : "matching.lists.shortlist")}
      </button>
    </Form>
  );
}

export function RequestButton({
  entryId,
  request,
  refusal,
}: {
  entryId: number;
  request: { state: RequestState } | null;
  refusal: PageRefusal | null | undefined;
}) {
  const { t } = useTranslation();
  const open = !request || request.state === "declined" || request.state === "withdrawn";
  return (
    <div>
      {request ? <p className="text-sm text-slate-600">{t(`matching.request.state.${request.state}`)}</p> : null}
      {open ? (
        <Form method="post" className="mt-1 flex flex-wrap items-end gap-2">
          <input type="hidden" name="form" value="request" />
          <input type="hidden" name="entryId" value={entryId} />
          <input
            name="message"
            maxLength={1000}
            placeholder={t("matching.request.message")}
            aria-label={t("matching.request.message")}
            className={`${inputClass} max-w-sm`}
          />
          <button
            type="submit"
            className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-700"
          >
            {t("matching.request.send")}
          </button>
        </Form>
      ) : null}
      {refusal ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {t(refusal.code, refusalOptions(refusal))}
        </p>
      ) : null}
    </div>
  );
}
