// The organizer's page of the audience vote: the count per finalist (counted and discounted), the
// flags with their votes, a discount with a reason and a confirmation that states the number, and
// each discount's "count them again". Plain forms: the page works before any script has loaded.
import { Form, useActionData, useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/formats";
import { useLocale } from "~/i18n/use-locale";
import type { ShownRefusal } from "~/routing/refusals";
import type { FraudPanel, PanelFlag } from "~/services/live/votes/index.server";
import { Card, danger, input, secondary } from "./control-ui";

type Answer = { done?: "discount" | "restore"; votes?: number; form?: string; refusal?: ShownRefusal };
/** While voting is open the counts move: the page reads them again this often. */
const REFRESH_MS = 3000;

function flagLabel(t: (key: string, o?: Record<string, unknown>) => string, flag: PanelFlag) {
  const count = flag.votes.length;
  if (flag.kind === "burst") return t("live.votes.panel.burst", { count, network: flag.network });
  if (flag.kind === "sharedAddress") return t("live.votes.panel.sharedAddress", { count, address: flag.address });
  return t("live.votes.panel.fast", { count });
}

function ConfirmedChange(props: {
  intent: "discount" | "restore";
  hidden: Record<string, string>;
  count: number;
  reasonLabel: string;
  confirmKey: string;
  buttonKey: string;
  tone: string;
}) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="mt-3 grid gap-2 sm:max-w-xl" data-testid={`${props.intent}-form`}>
      <input type="hidden" name="intent" value={props.intent} />
      {Object.entries(props.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name="count" value={props.count} />
      <label className="block text-sm">
        <span className="font-medium">{props.reasonLabel}</span>
        <input className={input} name="reason" required maxLength={500} />
      </label>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="confirm" value="on" required />
        {t(props.confirmKey, { count: props.count })}
      </label>
      <button type="submit" className={props.tone}>
        {t(props.buttonKey, { count: props.count })}
      </button>
    </Form>
  );
}

function Flag({ flag }: { flag: PanelFlag }) {
  const { t } = useTranslation();
  const formats = useFormats();
  return (
    <li className="rounded-lg border border-amber-200 bg-amber-50 p-3" data-testid="vote-flag" data-kind={flag.kind}>
      <p className="font-semibold text-slate-900">{flagLabel(t, flag)}</p>
      <p className="text-sm text-slate-600">
        {t("live.votes.panel.flagCounts", { counted: flag.counted, discounted: flag.discounted })}
      </p>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">{t("live.votes.panel.showVotes")}</summary>
        <table className="mt-2 w-full text-left">
          <thead>
            <tr>
              <th>{t("live.votes.panel.voteAt")}</th>
              <th>{t("live.votes.panel.address")}</th>
              <th>{t("live.votes.panel.gap")}</th>
              <th>{t("live.votes.panel.status")}</th>
            </tr>
          </thead>
          <tbody>
            {flag.votes.map((v) => (
              <tr key={v.id}>
                <td>{formats.date(v.createdAt, { timeStyle: "medium" })}</td>
                <td className="font-mono">{v.address}</td>
                <td>
                  {v.gapMs === null
                    ? "–"
                    : t("live.votes.panel.gapSeconds", {
                        seconds: formats.number(v.gapMs / 1000, { maximumFractionDigits: 1 }),
                      })}
                </td>
                <td>{v.discounted ? t("live.votes.panel.discounted") : t("live.votes.panel.counted")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      {flag.counted > 0 ? (
        <ConfirmedChange
          intent="discount"
          hidden={{ flag: flag.key }}
          count={flag.counted}
          reasonLabel={t("live.votes.panel.reason")}
          confirmKey="live.votes.panel.confirmDiscount"
          buttonKey="live.votes.panel.discount"
          tone={danger}
        />
      ) : null}
    </li>
  );
}

function Counts({ panel }: { panel: FraudPanel }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <table className="w-full text-left text-sm" data-testid="vote-counts">
      <thead>
        <tr>
          <th>{t("live.votes.panel.entry")}</th>
          <th className="text-right">{t("live.votes.panel.counted")}</th>
          <th className="text-right">{t("live.votes.panel.discounted")}</th>
        </tr>
      </thead>
      <tbody>
        {panel.entries.map((e) => (
          <tr key={e.id} data-entry={e.id} data-counted={e.counted} data-discounted={e.discounted}>
            <td>
              <span className="font-mono">{e.code}</span> {locale === "en" ? e.title.en : e.title.zh}
            </td>
            <td className="text-right tabular-nums">{e.counted}</td>
            <td className="text-right tabular-nums">{e.discounted}</td>
          </tr>
        ))}
        <tr className="font-semibold">
          <td>{t("live.votes.panel.total")}</td>
          <td className="text-right tabular-nums">{panel.totals.counted}</td>
          <td className="text-right tabular-nums">{panel.totals.discounted}</td>
        </tr>
      </tbody>
    </table>
  );
}

export function VoteFraudPanel() {
  const { panel } = useLoaderData<{ panel: FraudPanel | null }>();
  const answer = useActionData<Answer>();
  const { t } = useTranslation();
  const formats = useFormats();
  const revalidator = useRevalidator();
  const open = panel?.voting === "open";
  useEffect(() => {
    if (!open) return;
    const timer = setInterval(() => revalidator.state === "idle" && revalidator.revalidate(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, revalidator]);
  return (
    <div className="mx-auto max-w-5xl space-y-4 p-4">
      <h1 className="text-2xl font-bold">{t("live.votes.panel.title")}</h1>
      <p className="text-sm text-slate-600">{t("live.votes.panel.intro")}</p>
      {answer?.refusal ? (
        <p role="alert" className="font-semibold text-rose-700">
          {t(answer.refusal.code, answer.refusal.params)}
        </p>
      ) : answer?.done ? (
        <p role="status" className="font-semibold text-emerald-700">
          {t(answer.done === "discount" ? "live.votes.panel.discountedDone" : "live.votes.panel.restoredDone", {
            count: answer.votes ?? 0,
          })}
        </p>
      ) : null}
      {!panel ? (
        <p>{t("live.votes.panel.notStarted")}</p>
      ) : (
        <>
          <p className="font-semibold" data-testid="voting-state" data-voting={panel.voting}>
            {open ? t("live.votes.panel.open") : t("live.votes.panel.closed")}
          </p>
          <Card title={t("live.votes.panel.counted")}>
            <Counts panel={panel} />
          </Card>
          <Card title={t("live.votes.panel.flags")}>
            {panel.flags.length ? (
              <ul className="space-y-3">
                {panel.flags.map((f) => (
                  <Flag key={f.key} flag={f} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("live.votes.panel.noFlags")}</p>
            )}
          </Card>
          {panel.batches.length ? (
            <Card title={t("live.votes.panel.batches")}>
              <ul className="space-y-3">
                {panel.batches.map((b) => (
                  <li key={b.at} className="rounded-lg border border-slate-200 p-3" data-testid="discount-batch">
                    <p className="text-sm">
                      {t("live.votes.panel.batch", {
                        count: b.votes,
                        by: b.by ?? "–",
                        at: formats.date(b.at, { dateStyle: "short", timeStyle: "medium" }),
                        reason: b.reason,
                      })}
                    </p>
                    <ConfirmedChange
                      intent="restore"
                      hidden={{ batch: b.at }}
                      count={b.votes}
                      reasonLabel={t("live.votes.panel.restoreReason")}
                      confirmKey="live.votes.panel.confirmRestore"
                      buttonKey="live.votes.panel.restore"
                      tone={secondary}
                    />
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </>
      )}
    </div>
  );
}
