// "Send invitations to every judge who has not accepted": how many and who (first-time and re-sends
// apart, names and addresses), then the confirmation.
import { useTranslation } from "react-i18next";
import { FormMessage } from "~/components/form-field";
import { ConfirmSend } from "~/components/messages/confirm-send";
import { Section } from "~/components/section";
import { formMessage, type Refusal } from "~/domain/refusal";

type Person = { judgeId: number; name: string; email: string; lastInvitedAt: string | null };
export type InvitePreview = { count: number; fresh: Person[]; again: Person[]; fingerprint: string };
type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

function People({ title, people, testId }: { title: string; people: Person[]; testId: string }) {
  if (people.length === 0) return null;
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm font-medium text-indigo-700">
        {title} ({people.length})
      </summary>
      <ul className="mt-1 max-h-64 overflow-auto text-sm" data-testid={testId}>
        {people.map((p) => (
          <li key={p.judgeId}>
            {p.name} · <span className="font-mono text-xs">{p.email}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function InviteAll({
  preview,
  sent,
  refusal,
}: {
  preview: InvitePreview;
  sent: number | null;
  refusal: ShownRefusal;
}) {
  const { t } = useTranslation();
  const message = formMessage(refusal);
  return (
    <Section id="invitations" title={t("messages.invite.title")}>
      <p className="mt-1 text-sm text-slate-600">{t("messages.invite.help")}</p>
      {sent !== null ? (
        <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("messages.invite.sent", { count: sent })}
        </p>
      ) : null}
      {message ? <FormMessage>{t(message)}</FormMessage> : null}
      <p className="mt-2 text-sm font-medium text-slate-800" data-testid="invite-summary">
        {preview.count === 0
          ? t("messages.invite.none")
          : t("messages.invite.summary", {
              count: preview.count,
              fresh: preview.fresh.length,
              resend: preview.again.length,
            })}
      </p>
      <People title={t("messages.invite.firstTime")} people={preview.fresh} testId="invite-fresh" />
      <People title={t("messages.invite.again")} people={preview.again} testId="invite-again" />
      {preview.count > 0 ? (
        <ConfirmSend
          form="invite-all"
          fingerprint={preview.fingerprint}
          count={preview.count}
          labelKey="messages.invite.confirmLabel"
          buttonKey="messages.invite.confirm"
          refusal={refusal}
        />
      ) : null}
    </Section>
  );
}
