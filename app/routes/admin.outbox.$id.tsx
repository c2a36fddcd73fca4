// One message of the outbox as it will arrive: to whom, in which language, the HTML (in a frame
// that may run nothing) and the plain text; its attempts and last error; retry or cancel it.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RefusalMessage } from "~/components/form-field";
import { OutboxStatusBadge, useOutboxDate } from "~/components/outbox-status";
import { idSchema } from "~/domain/common-schemas";
import { mayApply, ORGANIZER_ACTIONS } from "~/domain/outbox";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";
import { parseParams } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.outbox.title");

const paramsSchema = z.object({ id: idSchema });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const { id } = parseParams(params, paramsSchema);
  const found = await context.services.outbox.message(user, competition.id, id);
  if (!found.ok) throwRefusal(found);
  return { message: found.message, timeZone: competition.time_zone };
}

const actionSchema = z.object({ intent: z.enum(ORGANIZER_ACTIONS) });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const { id } = parseParams(params, paramsSchema);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return refused(refuse.invalid("validation.fixErrors"));
  const outbox = context.services.outbox;
  const outcome =
    parsed.data.intent === "retry"
      ? await outbox.retry(user, competition.id, id)
      : await outbox.cancel(user, competition.id, id);
  if (!outcome.ok) return refused(outcome);
  return redirect(`/admin/outbox/${id}?done=1`);
}

export default function OutboxMessage() {
  const { message: m, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const when = useOutboxDate(timeZone);
  const facts: [string, string][] = [
    [t("mail.outbox.to"), m.to_name ? `${m.to_name} <${m.to_address}>` : m.to_address],
    [t("mail.outbox.language"), t(`mail.outbox.locale.${m.locale}`)],
    [t("mail.outbox.kind"), m.kind],
    [t("mail.outbox.created"), when(m.created_at)],
    [t("mail.outbox.attempts"), String(m.attempts)],
    ...(m.status === "pending"
      ? ([[t("mail.outbox.nextAttempt"), when(m.next_attempt_at)]] as [string, string][])
      : []),
    ...(m.sent_at ? ([[t("mail.outbox.sentAt"), when(m.sent_at)]] as [string, string][]) : []),
    [t("mail.outbox.messageId"), m.message_id],
  ];
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <Link to="/admin/outbox" className="text-sm text-indigo-700 hover:underline">
        ← {t("mail.outbox.back")}
      </Link>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold tracking-tight text-slate-900" data-testid="message-subject">
          {m.subject}
        </h1>
        <OutboxStatusBadge status={m.status} />
      </div>
      {search.has("done") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("mail.outbox.done")}
        </p>
      ) : null}
      <RefusalMessage refusal={data?.refusal} />
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="break-all text-slate-900">{value}</dd>
          </div>
        ))}
      </dl>
      {m.last_error ? (
        <p className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800" data-testid="last-error">
          <span className="font-medium">{t("mail.outbox.lastError")}:</span> {m.last_error}
        </p>
      ) : null}

      <div className="flex flex-wrap gap-3">
        {mayApply("retry", m.status) ? (
          <Confirmed intent="retry" label={t("mail.outbox.retry")} explain={t("mail.outbox.retryExplain")} />
        ) : null}
        {mayApply("cancel", m.status) ? (
          <Confirmed intent="cancel" label={t("mail.outbox.cancel")} explain={t("mail.outbox.cancelExplain")} />
        ) : null}
      </div>

      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("mail.outbox.htmlVersion")}</h2>
        {/* sandbox="" lets the message run nothing and reach nothing of this page: it is shown, not trusted. */}
        <iframe
          title={t("mail.outbox.htmlVersion")}
          sandbox=""
          srcDoc={m.html_body}
          className="h-[32rem] w-full rounded-lg border border-slate-200 bg-white"
          data-testid="message-html"
        />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold text-slate-900">{t("mail.outbox.textVersion")}</h2>
        <pre
          className="overflow-x-auto whitespace-pre-wrap rounded-lg border border-slate-200 bg-slate-50 p-4 text-sm"
          data-testid="message-text"
        >
          {m.text_body}
        </pre>
      </section>
    </div>
  );
}

/** An action that first says what it does and then asks to confirm (a second, explicit click). */
function Confirmed({ intent, label, explain }: { intent: string; label: string; explain: string }) {
  const { t } = useTranslation();
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium text-indigo-700">{label}</summary>
      <p className="mt-2 text-slate-700">{explain}</p>
      <Form method="post" className="mt-2">
        <input type="hidden" name="intent" value={intent} />
        <button type="submit" className="rounded-md bg-indigo-600 px-3 py-1.5 font-medium text-white">
          {t("mail.outbox.confirm")}
        </button>
      </Form>
    </details>
  );
}
