// Publishing a round: what it will do in numbers and names (entries short of scores, who advances per
// unit and who just misses out, the organizers' decisions, what happens to the next round) and the
// publish form with the confirmations the server asks for.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inputClass } from "~/components/form-field";
import { needsNextConfirmation, type LineEntry, type PublishPlan, type UnitLineup } from "~/domain/round-guards";
import { messagesAt, type Refusal } from "~/domain/refusal";
import { localized, useLocale } from "~/i18n/use-locale";

type Label = { code: string; nameZh: string; nameEn: string };
export type PublishPreviewData = Omit<PublishPlan, "decisions" | "advancing" | "units"> & {
  advancingCount: number;
  units: (UnitLineup & { label: Label })[];
  /** How many entrants publishing e-mails their outcome. */
  emailed: number;
};
type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;
type Rule = { judgesPerEntry: number; dropHighest: number; dropLowest: number };

function Entry({ e }: { e: LineEntry | null }) {
  const locale = useLocale();
  if (!e) return <span className="text-slate-400">—</span>;
  return (
    <span>
      <span className="font-mono">{e.code}</span>{" "}
      <span className="text-slate-600">{localized(locale, e.titleZh, e.titleEn)}</span>{" "}
      <span className="font-mono text-xs text-slate-500">
        #{e.rank ?? "—"} · {e.result ?? "—"}
      </span>
    </span>
  );
}

function EntryList({ title, entries, testId }: { title: string; entries: readonly LineEntry[]; testId: string }) {
  if (entries.length === 0) return null;
  return (
    <details>
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">
        {title} ({entries.length})
      </summary>
      <ul className="mt-1 columns-1 text-sm sm:columns-2" data-testid={testId}>
        {entries.map((e) => (
          <li key={e.entryId}>
            <Entry e={e} />
          </li>
        ))}
      </ul>
    </details>
  );
}

function FieldError({ refusal, name }: { refusal: ShownRefusal; name: string }) {
  const { t } = useTranslation();
  const messages = messagesAt(refusal, name);
  if (messages.length === 0) return null;
  return (
    <p id={`publish-${name}-error`} role="alert" className="text-sm text-rose-700">
      {messages.map((m) => t(m, refusal?.params ?? {})).join(" ")}
    </p>
  );
}

/** The counts an organizer reads first: entries ranked and those short of scores or judges. */
function Counts({ plan, rule }: { plan: PublishPreviewData; rule: Rule }) {
  const { t } = useTranslation();
  const drops = rule.dropHighest + rule.dropLowest;
  const waiting = plan.pending.drafts + plan.pending.missing;
  const cells = [
    { key: "entries", label: t("guards.publish.entries"), value: plan.entries },
    { key: "noScore", label: t("guards.publish.noScore"), value: plan.noScore },
    { key: "short", label: t("guards.publish.shortOfJudges", { k: rule.judgesPerEntry }), value: plan.shortOfJudges },
    { key: "tooFew", label: t("guards.publish.tooFewToRank", { drops }), value: plan.tooFewToRank },
    { key: "waiting", label: t("guards.publish.waiting"), value: waiting },
  ];
  return (
    <>
      <dl className="grid gap-2 sm:grid-cols-5" data-testid="publish-counts">
        {cells.map((c) => (
          <div key={c.key} className="rounded-md border border-slate-200 bg-white p-2">
            <dt className="text-xs text-slate-500">{c.label}</dt>
            <dd className={`font-mono text-lg ${c.value > 0 && c.key !== "entries" ? "text-amber-800" : ""}`}>
              {c.value}
            </dd>
          </div>
        ))}
      </dl>
      {plan.tooFewToRank > 0 ? (
        <p className="text-xs text-slate-600">
          {t("guards.publish.tooFewHint", { high: rule.dropHighest, low: rule.dropLowest, drops })}
        </p>
      ) : null}
    </>
  );
}

function NextRound({ plan, refusal }: { plan: PublishPreviewData; refusal: ShownRefusal }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const next = plan.next;
  if (!next) return <p className="text-sm text-slate-700">{t("guards.publish.next.none")}</p>;
  const numbers = {
    before: next.before,
    after: next.after,
    added: next.added.length,
    removed: next.removed.length,
    status: t(`round.status.${next.status}`),
  };
  const same = next.added.length === 0 && next.removed.length === 0 && next.mode !== "fill";
  return (
    <div className="space-y-1" data-testid="publish-next">
      <h4 className="font-medium">
        {t("guards.publish.nextTitle", { name: localized(locale, next.nameZh, next.nameEn) })}
      </h4>
      <p className="text-sm text-slate-700">
        {same ? t("guards.publish.next.same") : t(`guards.publish.next.${next.mode}`, numbers)}
      </p>
      {next.mode === "keep" ? (
        <>
          <EntryList title={t("guards.publish.notCarriedTitle")} entries={next.added} testId="next-not-carried" />
          <EntryList title={t("guards.publish.notAdvancingTitle")} entries={next.removed} testId="next-not-advancing" />
        </>
      ) : (
        <>
          <EntryList title={t("guards.publish.addedTitle")} entries={next.added} testId="next-added" />
          <EntryList title={t("guards.publish.removedTitle")} entries={next.removed} testId="next-removed" />
        </>
      )}
      {next.blocked.length > 0 ? (
        <p role="alert" className="text-sm font-medium text-rose-700">
          {t("guards.publish.wouldRemoveJudged", {
            count: next.blocked.length,
            codes: next.blocked.map((e) => e.code).join(", "),
          })}
        </p>
      ) : null}
      <FieldError refusal={refusal} name="nextRound" />
    </div>
  );
}

export function PublishPreview({
  plan,
  rule,
  refusal,
}: {
  plan: PublishPreviewData;
  rule: Rule;
  refusal: ShownRefusal;
}) {
  const { t } = useTranslation();
  const waiting = plan.pending.drafts + plan.pending.missing;
  const invalid = (name: string) =>
    messagesAt(refusal, name).length
      ? { "aria-invalid": true as const, "aria-describedby": `publish-${name}-error` }
      : {};
  return (
    <div className="space-y-4 rounded-xl border border-slate-200 bg-slate-50 p-4" data-testid="publish-preview">
      <h3 className="text-lg font-semibold">{t("guards.publish.title")}</h3>
      <Counts plan={plan} rule={rule} />
      <div className="space-y-1">
        <h4 className="font-medium">{t("guards.publish.lineupTitle", { count: plan.advancingCount })}</h4>
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="publish-lineup">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-2">{t("guards.publish.unit")}</th>
                <th className="px-2">{t("guards.publish.advancing")}</th>
                <th className="px-2">{t("guards.publish.lastIn")}</th>
                <th className="px-2">{t("guards.publish.firstOut")}</th>
              </tr>
            </thead>
            <tbody>
              {plan.units.map((u) => (
                <tr key={u.unit} className="border-t border-slate-200 align-top">
                  <td className="py-1 pr-2 font-mono">{u.label.code}</td>
                  <td className="px-2 font-mono">{u.advancing}</td>
                  <td className="px-2">
                    <Entry e={u.lastIn} />
                  </td>
                  <td className="px-2">
                    <Entry e={u.firstOut} />
                    {u.firstOut ? (
                      <span className="block text-xs text-slate-500">{t(`guards.publish.why.${u.firstOut.why}`)}</span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
      <div className="space-y-1">
        <h4 className="font-medium">{t("guards.publish.overridesTitle")}</h4>
        {plan.overrides.length === 0 ? (
          <p className="text-sm text-slate-600">{t("guards.publish.noOverrides")}</p>
        ) : (
          <ul className="text-sm" data-testid="publish-overrides">
            {plan.overrides.map((o) => (
              <li key={o.entryId}>
                <Entry e={o} /> → {t(`entry.state.${o.state}`)} · {o.reason}
              </li>
            ))}
          </ul>
        )}
      </div>
      <NextRound plan={plan} refusal={refusal} />
      <p className="text-sm text-slate-700" data-testid="publish-emailed">
        {t("messages.publish.emailed", { count: plan.emailed })}
      </p>
      <Form method="post" className="space-y-2 rounded-md border border-slate-200 bg-white p-3">
        <input type="hidden" name="form" value="publish" />
        <input type="hidden" name="fingerprint" value={plan.fingerprint} />
        {waiting > 0 ? (
          <div className="space-y-2 rounded-md bg-amber-50 p-2">
            <p className="text-sm font-medium text-amber-900">
              {t("guards.publish.waitingWarning", { count: waiting })}
            </p>
            <label className="block text-sm">
              <span className="block text-slate-700">{t("guards.publish.typeCountLabel", { count: waiting })}</span>
              <input
                name="typedCount"
                inputMode="numeric"
                autoComplete="off"
                required
                className={inputClass}
                {...invalid("typedCount")}
              />
            </label>
            <FieldError refusal={refusal} name="typedCount" />
            <label className="block text-sm">
              <span className="block text-slate-700">{t("guards.publish.reasonLabel")}</span>
              <input name="reason" required maxLength={500} className={inputClass} {...invalid("reason")} />
            </label>
            <FieldError refusal={refusal} name="reason" />
          </div>
        ) : null}
        {needsNextConfirmation(plan.next) ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="confirmNext" value="on" required {...invalid("confirmNext")} />
            {t("guards.publish.confirmNextLabel")}
          </label>
        ) : null}
        <FieldError refusal={refusal} name="confirmNext" />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="confirm" value="on" required {...invalid("confirm")} />
          {t("results.confirmPublish")}
        </label>
        <FieldError refusal={refusal} name="confirm" />
        <button
          type="submit"
          disabled={(plan.next?.blocked.length ?? 0) > 0}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {t("results.publish")}
        </button>
      </Form>
    </div>
  );
}
