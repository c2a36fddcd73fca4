// One side's accepted meetings, each with when and where it was placed and the form for this side's
// own record of what came of it (the other side's record is never shown here).
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/form-field";
import { useFormats } from "~/i18n/formats";
import { localized, useLocale } from "~/i18n/use-locale";
import type { OutcomeActionData } from "~/routing/outcome-actions.server";
import type { OwnMeeting } from "~/services/follow-on/outcomes.server";
import { OutcomeForm } from "./outcome-form";

export function OutcomeMeetings({
  meetings,
  side,
  acted,
  savedId,
}: {
  meetings: OwnMeeting[];
  side: "partner" | "entry";
  acted: OutcomeActionData | undefined;
  savedId: number | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const formats = useFormats();
  if (meetings.length === 0) return <p className="text-sm text-slate-600">{t("outcome.list.none")}</p>;
  return (
    <ul className="space-y-3">
      {meetings.map((m) => {
        const mine = acted?.meetingId === m.requestId ? acted : undefined;
        const formErrors = mine?.result?.error?.[""] ?? null;
        const other =
          side === "partner"
            ? localized(locale, m.entryTitleZh, m.entryTitleEn)
            : localized(locale, m.partnerNameZh, m.partnerNameEn);
        return (
          <li
            key={m.requestId}
            id={`meeting-${m.requestId}`}
            data-testid={`meeting-${m.requestId}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <p className="font-medium text-slate-900">
              <span className="text-slate-500">{t("outcome.list.with")}: </span>
              {other} <span className="font-mono text-sm text-slate-500">{m.entryCode}</span>
            </p>
            <p className="text-sm text-slate-600">
              {t("outcome.list.when")}:{" "}
              {m.startsAt
                ? formats.date(m.startsAt, { dateStyle: "medium", timeStyle: "short" })
                : t("outcome.list.notPlaced")}
              {m.tableNo !== null ? ` · ${t("outcome.list.table", { table: m.tableNo })}` : ""}
            </p>
            <p className="text-sm text-slate-600">
              {t("outcome.list.yours")}:{" "}
              {m.mine
                ? `${t(m.mine.held ? `outcome.kind.${m.mine.kind}` : "outcome.col.notHeld")}${
                    m.mine.amountWan !== null ? ` · ${formats.number(m.mine.amountWan)} 万元` : ""
                  }`
                : t("outcome.list.notRecorded")}
            </p>
            {savedId === m.requestId && !mine ? (
              <p role="status" className="mt-2 text-sm text-emerald-700">
                {t("outcome.saved")}
              </p>
            ) : null}
            {formErrors?.length ? <FormMessage>{formErrors.map((e) => t(e)).join(" ")}</FormMessage> : null}
            <OutcomeForm
              meetingId={m.requestId}
              record={m.mine}
              errors={mine?.result?.error}
              values={mine?.result?.initialValue}
            />
          </li>
        );
      })}
    </ul>
  );
}
