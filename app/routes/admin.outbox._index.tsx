// The organizer's outbox: counts by status, the messages filtered by status, kind and recipient,
// page by page, and retrying every failed message after being told how many.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, RefusalMessage } from "~/components/form-field";
import { OutboxStatusBadge, useOutboxDate } from "~/components/outbox-status";
import { Pagination } from "~/components/pagination";
import { OUTBOX_STATUSES, outboxFilterSchema } from "~/domain/outbox";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "mail.outbox.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const filter = outboxFilterSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const overview = await context.services.outbox.overview(user, competition.id, filter);
  if (!overview.ok) throwRefusal(overview);
  return { ...overview, filter, timeZone: competition.time_zone };
}

const retryAllSchema = z.object({ intent: z.literal("retryAll"), expected: z.coerce.number().int().min(0) });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const parsed = retryAllSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return refused(refuse.invalid("validation.fixErrors"));
  const outcome = await context.services.outbox.retryAllFailed(user, competition.id, parsed.data.expected);
  if (!outcome.ok) return refused(outcome);
  return redirect(`/admin/outbox?retried=${outcome.count}`);
}

export default function Outbox() {
  const { counts, kinds, rows, total, page, pageCount, filter, timeZone, mailConfigured } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const when = useOutboxDate(timeZone);
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(search);
    next.delete("retried");
    next.set("page", String(p));
    return `/admin/outbox?${next}`;
  };
  const retried = search.get("retried");
  return (
    <div className="mx-auto max-w-6xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("mail.outbox.title")}</h1>
      <p className="text-sm text-slate-600">{t("mail.outbox.lead")}</p>
      {!mailConfigured ? (
        <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("mail.outbox.noSmtp")}
        </p>
      ) : null}
      {retried ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("mail.outbox.retried", { count: Number(retried) })}
        </p>
      ) : null}
      <RefusalMessage refusal={data?.refusal} />

      <ul className="flex flex-wrap gap-2" data-testid="outbox-counts">
        {OUTBOX_STATUSES.map((s) => (
          <li key={s}>
            <Link
              to={`/admin/outbox?status=${s}`}
              data-status={s}
              className={`inline-flex items-center gap-2 rounded-lg border px-3 py-1.5 text-sm ${filter.status === s ? "border-indigo-400 bg-indigo-50" : "border-slate-200 bg-white"}`}
            >
              <OutboxStatusBadge status={s} />
              <span className="font-semibold tabular-nums">{counts[s]}</span>
            </Link>
          </li>
        ))}
      </ul>

      {counts.failed > 0 ? (
        <details className="rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-rose-800">
            {t("mail.outbox.retryAll", { count: counts.failed })}
          </summary>
          <p className="mt-2 text-rose-900">{t("mail.outbox.retryAllExplain", { count: counts.failed })}</p>
          <Form method="post" className="mt-2">
            <input type="hidden" name="intent" value="retryAll" />
            <input type="hidden" name="expected" value={counts.failed} />
            <button type="submit" className="rounded-md bg-rose-700 px-3 py-1.5 font-medium text-white">
              {t("mail.outbox.confirm")}
            </button>
          </Form>
        </details>
      ) : null}

      <Form method="get" className="flex flex-wrap items-end gap-2">
        <select
          name="status"
          defaultValue={filter.status ?? ""}
          aria-label={t("mail.outbox.statusLabel")}
          className={`${inputClass} w-auto`}
        >
          <option value="">{t("mail.outbox.allStatuses")}</option>
          {OUTBOX_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`mail.outbox.status.${s}`)}
            </option>
          ))}
        </select>
        <select
          name="kind"
          defaultValue={filter.kind ?? ""}
          aria-label={t("mail.outbox.kindLabel")}
          className={`${inputClass} w-auto`}
        >
          <option value="">{t("mail.outbox.allKinds")}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <input
          type="search"
          name="q"
          defaultValue={filter.q ?? ""}
          placeholder={t("mail.outbox.search")}
          aria-label={t("mail.outbox.search")}
          className={`${inputClass} max-w-xs`}
        />
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
          {t("mail.outbox.filter")}
        </button>
      </Form>

      <p className="text-sm text-slate-600">{t("mail.outbox.total", { count: total })}</p>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">{t("mail.outbox.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="outbox-list">
            <thead className="bg-slate-50 text-left text-slate-600">
              <tr>
                <th className="px-3 py-2">{t("mail.outbox.columns.to")}</th>
                <th className="px-3 py-2">{t("mail.outbox.columns.subject")}</th>
                <th className="px-3 py-2">{t("mail.outbox.columns.kind")}</th>
                <th className="px-3 py-2">{t("mail.outbox.columns.status")}</th>
                <th className="px-3 py-2 text-right">{t("mail.outbox.columns.attempts")}</th>
                <th className="px-3 py-2">{t("mail.outbox.columns.created")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <tr key={m.id} className="border-t border-slate-100 align-top" data-message={m.id}>
                  <td className="px-3 py-2">
                    <span className="block text-slate-900">{m.to_name ?? m.to_address}</span>
                    {m.to_name ? <span className="text-xs text-slate-500">{m.to_address}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    <Link to={`/admin/outbox/${m.id}`} className="text-indigo-700 hover:underline">
                      {m.subject}
                    </Link>
                    {m.last_error ? (
                      <span className="block text-xs text-rose-700" title={m.last_error}>
                        {m.last_error.slice(0, 80)}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600">{m.kind}</td>
                  <td className="px-3 py-2">
                    <OutboxStatusBadge status={m.status} />
                  </td>
                  <td className="px-3 py-2 text-right tabular-nums">{m.attempts}</td>
                  <td className="px-3 py-2 whitespace-nowrap text-slate-600">{when(m.created_at)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
    </div>
  );
}
