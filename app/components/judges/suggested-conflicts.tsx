// The conflicts the detection suggests, each with its reason and the organizer's confirm or
// dismiss (a dismissal needs a reason, shown at the reason field when missing).
import { Form, Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage, inputClass } from "~/components/form-field";
import { Section } from "~/components/section";
import { messagesAt } from "~/domain/refusal";
import type { ShownRefusal } from "~/routing/refusals";

export type PendingConflict = {
  id: number;
  reason: string | null;
  judgeId: number;
  judgeName: string;
  affiliation: string;
  entryId: number;
  code: string;
  organization: string;
};

function Suggestion({ conflict: c, error }: { conflict: PendingConflict; error: string | null }) {
  const { t } = useTranslation();
  return (
    <li className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm">
      <p>
        <Link to={`/admin/judges/${c.judgeId}`} className="font-medium text-indigo-700 hover:underline">
          {c.judgeName}
        </Link>{" "}
        ({c.affiliation}) ↔{" "}
        <Link to={`/admin/entries/${c.entryId}`} className="font-mono text-indigo-700 hover:underline">
          {c.code}
        </Link>{" "}
        {c.organization}
      </p>
      <p className="text-slate-700">
        {t(`conflicts.reason.${(c.reason ?? "").split(":")[0]}`, { defaultValue: c.reason ?? "" })} ·{" "}
        {(c.reason ?? "").split(": ").slice(1).join(": ")}
      </p>
      <Form method="post" className="mt-2 flex flex-wrap items-start gap-2">
        <input type="hidden" name="form" value="decide" />
        <input type="hidden" name="conflictId" value={c.id} />
        <div>
          <input
            name="reason"
            maxLength={500}
            placeholder={t("conflicts.reasonPlaceholder")}
            aria-label={t("common.reason")}
            aria-invalid={error ? true : undefined}
            className={inputClass}
          />
          {error ? (
            <p role="alert" className="text-sm text-rose-700">
              {t(error)}
            </p>
          ) : null}
        </div>
        <button
          type="submit"
          name="decision"
          value="confirmed"
          className="rounded-md bg-rose-700 px-3 py-2 text-sm font-medium text-white"
        >
          {t("conflicts.confirm")}
        </button>
        <button
          type="submit"
          name="decision"
          value="dismissed"
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium"
        >
          {t("conflicts.dismiss")}
        </button>
      </Form>
    </li>
  );
}

/** `refusal` and `conflictId`: the last decision refused, and for which suggestion. */
export function SuggestedConflicts({
  pending,
  refusal,
  conflictId,
}: {
  pending: PendingConflict[];
  refusal: ShownRefusal | null;
  conflictId: string | null;
}) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  return (
    <Section id="conflicts" title={t("conflicts.suggestedTitle", { count: pending.length })}>
      <p className="mt-1 text-sm text-slate-600">{t("conflicts.help")}</p>
      {search.has("suggested") ? (
        <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("conflicts.found", { count: Number(search.get("suggested")) })}
        </p>
      ) : null}
      {search.has("decided") ? (
        <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t(`conflicts.decided.${search.get("decided") === "dismissed" ? "dismissed" : "confirmed"}`)}
        </p>
      ) : null}
      {refusal && !refusal.field ? <FormMessage>{t(refusal.code)}</FormMessage> : null}
      <Form method="post" className="mt-2">
        <input type="hidden" name="form" value="suggest" />
        <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
          {t("conflicts.detect")}
        </button>
      </Form>
      <ul className="mt-3 space-y-2">
        {pending.map((c) => (
          <Suggestion
            key={c.id}
            conflict={c}
            error={conflictId === String(c.id) ? (messagesAt(refusal, "reason")[0] ?? null) : null}
          />
        ))}
      </ul>
    </Section>
  );
}
