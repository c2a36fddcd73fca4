// A fit's reasons and mismatches, a request's state and actions, an entry's needs: the structured
// keys of app/domain/partner-matching.ts put into words (matching.reason.*, matching.mismatch.*).
import { Form } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import type { PageRefusal } from "~/components/form-field";
import { refusalOptions } from "~/components/form-field";
import type { EntryNeeds, Mismatch, Reason } from "~/domain/partner-matching";
import type { RequestSide, RequestState } from "~/domain/partner-vocabulary";
import { localized, useLocale } from "~/i18n/use-locale";

export type TrackName = { code: string; nameZh: string; nameEn: string };

const wan = (n: number, locale: string) => new Intl.NumberFormat(locale).format(n);

/** One reason (or mismatch) in the reader's words. */
export function fitWords(
  t: TFunction,
  locale: string,
  tracks: readonly TrackName[],
  item: Reason | Mismatch,
  as: "reason" | "mismatch",
): string {
  const k = `matching.${as}.${item.key}`;
  switch (item.key) {
    case "track": {
      const tr = tracks.find((x) => x.code === item.track);
      return t(k, { track: tr ? localized(locale as never, tr.nameZh, tr.nameEn) : item.track });
    }
    case "region":
    case "marketRegion":
      return t(k, { region: t(`matching.region.${item.region}`) });
    case "stage":
      return t(k, { stage: t(`matching.stage.${item.stage}`) });
    case "ticket":
      return t(k, {
        amount: wan(item.amountWan, locale),
        min: wan(item.minWan, locale),
        max: wan(item.maxWan, locale),
      });
    case "space":
      return t(k, { area: wan(item.areaM2, locale), offered: wan(item.offeredM2, locale) });
    case "city":
      return t(k, { city: item.city });
    case "market":
      return t(k, { customerKind: t(`matching.customerKind.${item.customerKind}`) });
    case "consent":
      return t(k);
    case "need":
      return t(k, { need: t(`matching.need.${item.need}`) });
  }
}

export function FitList({
  score,
  reasons,
  mismatches,
  tracks,
}: {
  score: number;
  reasons: readonly Reason[];
  mismatches: readonly Mismatch[];
  tracks: readonly TrackName[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="space-y-1 text-sm">
      <p className="font-semibold text-indigo-700" data-testid="fit-score">
        {t("matching.score", { score })}
      </p>
      <ul className="list-inside list-disc text-emerald-800">
        {reasons.map((r, i) => (
          <li key={i}>{fitWords(t, locale, tracks, r, "reason")}</li>
        ))}
      </ul>
      {mismatches.length ? (
        <ul className="list-inside list-disc text-slate-500" aria-label={t("matching.whyNot")}>
          {mismatches.map((m, i) => (
            <li key={i}>{fitWords(t, locale, tracks, m, "mismatch")}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** An entry's needs, one line each. */
export function NeedLines({ needs }: { needs: EntryNeeds }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <ul className="space-y-0.5 text-sm text-slate-700">
      {needs.financing ? (
        <li>
          {t("matching.needLine.financing", {
            amount: wan(needs.financing.amountWan, locale),
            stage: t(`matching.stage.${needs.financing.stage}`),
          })}
        </li>
      ) : null}
      {needs.space ? (
        <li>
          {t("matching.needLine.space", {
            area: wan(needs.space.areaM2, locale),
            city: needs.space.city,
            month: needs.space.fromMonth,
          })}
        </li>
      ) : null}
      {needs.market ? (
        <li>
          {t("matching.needLine.market", {
            customerKind: t(`matching.customerKind.${needs.market.customerKind}`),
            region: t(`matching.region.${needs.market.region}`),
          })}
        </li>
      ) : null}
    </ul>
  );
}

export type ShownRequest = {
  id: number;
  from: RequestSide;
  state: RequestState;
  message: string | null;
  createdAt: string;
};

/**
 * One request with the buttons its asker may press: the receiver accepts or declines a pending
 * request, the sender withdraws it. A refusal of an action on this very request is shown at its buttons.
 */
export function RequestItem({
  request,
  side,
  title,
  refusal,
}: {
  request: ShownRequest;
  side: RequestSide;
  title: string;
  refusal: PageRefusal | null | undefined;
}) {
  const { t } = useTranslation();
  const pending = request.state === "pending";
  const mine = request.from === side;
  return (
    <li className="rounded-md border border-slate-200 bg-white p-3" data-testid={`request-${request.id}`}>
      <p className="font-medium text-slate-900">{title}</p>
      <p className="text-xs text-slate-500">
        {t(request.from === "partner" ? "matching.request.fromPartner" : "matching.request.fromEntry")} ·{" "}
        {t(`matching.request.state.${request.state}`)}
      </p>
      {request.message ? <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{request.message}</p> : null}
      {pending ? (
        <Form method="post" className="mt-2 flex gap-2">
          <input type="hidden" name="form" value="act" />
          <input type="hidden" name="requestId" value={request.id} />
          {mine ? (
            <ActButton action="withdraw" />
          ) : (
            <>
              <ActButton action="accept" />
              <ActButton action="decline" />
            </>
          )}
        </Form>
      ) : null}
      {refusal ? (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {t(refusal.code, refusalOptions(refusal))}
        </p>
      ) : null}
    </li>
  );
}

function ActButton({ action }: { action: "accept" | "decline" | "withdraw" }) {
  const { t } = useTranslation();
  return (
    <button
      type="submit"
      name="action"
      value={action}
      className="rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50"
    >
      {t(`matching.request.${action}`)}
    </button>
  );
}
