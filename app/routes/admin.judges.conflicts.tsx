import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ConflictReviewTable } from "~/components/judges/conflict-review-table";
import { FormMessage, inputClass, refusalOptions } from "~/components/form-field";
import { Pagination } from "~/components/pagination";
import { Section } from "~/components/section";
import { CONFIDENCE_BANDS, type ConfidenceBand } from "~/domain/conflict-detection";
import { messagesAt, refuse, refuseParse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "conflictReview.title");

const STATUSES = ["pending", "confirmed", "dismissed"] as const;
const BANDS = Object.keys(CONFIDENCE_BANDS) as ConfidenceBand[];
const ACTIONS = ["confirm", "dismiss", "reopen"] as const;

// The filter as the query string (and the bulk form's hidden fields) carry it; junk falls back.
const filterSchema = z.object({
  status: z.enum(STATUSES).catch("pending"),
  band: z
    .enum(BANDS as [ConfidenceBand, ...ConfidenceBand[]])
    .optional()
    .catch(undefined),
  judge: z.coerce.number().int().positive().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
type Filter = z.infer<typeof filterSchema>;

const bulkSchema = z.object({
  decision: z.enum(ACTIONS, { error: "conflictReview.bulk.wrongStatus" }),
  scope: z.enum(["checked", "filter"]).catch("checked"),
  reason: z
    .string()
    .trim()
    .max(500, { error: "validation.tooLong" })
    .optional()
    .transform((v) => v || null),
  ids: z.array(z.coerce.number().int().positive()).max(20_000),
  expected: z.coerce.number().int().min(0).optional(),
});

const filterOf = (source: URLSearchParams | FormData) =>
  filterSchema.parse({
    status: source.get("status") ?? undefined,
    band: source.get("band") || undefined,
    judge: source.get("judge") || undefined,
    page: source.get("page") ?? undefined,
  });

/** The filter as a query string (without the page unless given). */
function queryOf(filter: Omit<Filter, "page">, page?: number) {
  const q = new URLSearchParams({ status: filter.status });
  if (filter.band) q.set("band", filter.band);
  if (filter.judge) q.set("judge", String(filter.judge));
  if (page && page > 1) q.set("page", String(page));
  return q.toString();
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { competition } = await organizerEdition(request, context);
  const filter = filterOf(new URL(request.url).searchParams);
  const review = await context.services.judges.reviewConflicts(
    competition.id,
    { status: filter.status, band: filter.band, judgeId: filter.judge },
    filter.page,
  );
  return { filter, ...review };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const judges = context.services.judges;
  const formData = await request.formData();
  const form = String(formData.get("form") ?? "");
  if (form === "suggest") {
    const found = await judges.suggestConflicts(user, competition.id);
    return redirect(`/admin/judges/conflicts?suggested=${found}`);
  }
  if (form !== "preview" && form !== "apply") return refused(refuse.invalid("validation.required"), { form });
  const filter = filterOf(formData);
  const parsed = bulkSchema.safeParse({
    decision: formData.get("decision") ?? undefined,
    scope: formData.get("scope") ?? undefined,
    reason: formData.get("reason") ?? undefined,
    ids: formData.getAll("id"),
    expected: formData.get("expected") ?? undefined,
  });
  if (!parsed.success) return refused(refuseParse(parsed.error), { form });
  const { decision: bulkAction, scope, reason, ids } = parsed.data;
  const request_ = {
    action: bulkAction,
    filter: { status: filter.status, band: filter.band, judgeId: filter.judge },
    ids: scope === "filter" ? null : ids,
  };
  if (form === "preview") {
    const outcome = await judges.previewBulk(user, competition.id, { ...request_, reason });
    if (!outcome.ok) return refused(outcome, { form });
    return { form, preview: outcome.preview, request: { action: bulkAction, scope, reason, ids } };
  }
  const outcome = await judges.applyBulk(user, competition.id, {
    ...request_,
    reason,
    expected: parsed.data.expected ?? -1,
  });
  if (!outcome.ok) return refused(outcome, { form });
  const done = new URLSearchParams({
    done: bulkAction,
    n: String(outcome.changed),
    u: String(outcome.unassigned),
  });
  return redirect(`/admin/judges/conflicts?${queryOf(filter)}&${done}`);
}

/** Suggested conflicts at the scale of 150 judges: filters, pages, and decisions in bulk. */
export default function ConflictReview() {
  const { filter, rows, count, page, pages, tallies, judges } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const refusal = data && "refusal" in data ? data.refusal : null;
  const preview = data && "preview" in data ? data : null;
  const fieldError = (name: string) => {
    const message = messagesAt(refusal, name)[0];
    return message ? (
      <p role="alert" className="text-sm text-rose-700">
        {t(message, refusalOptions(refusal))}
      </p>
    ) : null;
  };
  const done = search.get("done");
  const tallyOf = (status: string, band: string) => tallies.find((x) => x.status === status && x.band === band)?.n ?? 0;
  const hiddenFilter = (
    <>
      <input type="hidden" name="status" value={filter.status} />
      {filter.band ? <input type="hidden" name="band" value={filter.band} /> : null}
      {filter.judge ? <input type="hidden" name="judge" value={filter.judge} /> : null}
    </>
  );
  return (
    <div className="mx-auto max-w-6xl space-y-6">
      <header>
        <p className="text-sm">
          <Link to="/admin/judges" className="text-slate-500 hover:underline">
            {t("common.judges")}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("conflictReview.title")}</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">{t("conflictReview.help")}</p>
      </header>

      {search.has("suggested") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("conflicts.found", { count: Number(search.get("suggested")) })}
        </p>
      ) : null}
      {done === "confirm" || done === "dismiss" || done === "reopen" ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t(`conflictReview.bulk.done.${done}`, {
            count: Number(search.get("n")),
            unassigned: Number(search.get("u") ?? 0),
          })}
        </p>
      ) : null}
      {refusal && !refusal.field ? <FormMessage>{t(refusal.code, refusalOptions(refusal))}</FormMessage> : null}

      <div className="flex flex-wrap items-end gap-3">
        <Form method="get" className="flex flex-wrap items-end gap-3" data-testid="conflict-filter">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("conflictReview.status")}</span>
            <select name="status" defaultValue={filter.status} className={inputClass}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`conflicts.status.${s}`)} ({BANDS.reduce((sum, b) => sum + tallyOf(s, b), 0)})
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("conflictReview.confidence")}</span>
            <select name="band" defaultValue={filter.band ?? ""} className={inputClass}>
              <option value="">{t("conflictReview.anyConfidence")}</option>
              {BANDS.map((b) => (
                <option key={b} value={b}>
                  {t(`conflictReview.band.${b}`)} ({tallyOf(filter.status, b)})
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("conflictReview.judge")}</span>
            <select name="judge" defaultValue={filter.judge ?? ""} className={inputClass}>
              <option value="">{t("conflictReview.anyJudge")}</option>
              {judges.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name} ({j.n})
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("results.apply")}
          </button>
        </Form>
        <Form method="post" className="ml-auto">
          <input type="hidden" name="form" value="suggest" />
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("conflicts.detect")}
          </button>
        </Form>
      </div>

      {preview ? (
        <Form
          method="post"
          role="alertdialog"
          aria-labelledby="bulk-preview"
          className="space-y-2 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm"
        >
          <h2 id="bulk-preview" className="font-semibold">
            {t("conflictReview.bulk.previewTitle")}
          </h2>
          <p className="text-base font-medium" data-testid="bulk-preview-line">
            {t(`conflictReview.bulk.line.${preview.request.action}`, {
              conflicts: t("conflictReview.bulk.conflictCount", { count: preview.preview.conflicts }),
              judges: t("common.judgeCount", { count: preview.preview.judges }),
            })}
          </p>
          {preview.preview.unassigned > 0 ? (
            <p>{t("conflictReview.bulk.unassigned", { count: preview.preview.unassigned })}</p>
          ) : null}
          <p>
            {t("common.reason")}: {preview.request.reason}
          </p>
          <p className="text-slate-600">{t("conflictReview.bulk.undoHint")}</p>
          <input type="hidden" name="form" value="apply" />
          {hiddenFilter}
          <input type="hidden" name="decision" value={preview.request.action} />
          <input type="hidden" name="scope" value={preview.request.scope} />
          <input type="hidden" name="reason" value={preview.request.reason ?? ""} />
          <input type="hidden" name="expected" value={preview.preview.conflicts} />
          {preview.request.scope === "checked"
            ? preview.request.ids.map((id) => <input key={id} type="hidden" name="id" value={id} />)
            : null}
          <div className="flex gap-2">
            <button type="submit" className="rounded-md bg-rose-700 px-4 py-2 font-medium text-white">
              {t("conflictReview.bulk.apply")}
            </button>
            <Link to={`?${queryOf(filter, page)}`} className="rounded-md border border-slate-300 px-4 py-2 font-medium">
              {t("conflictReview.bulk.cancel")}
            </Link>
          </div>
        </Form>
      ) : null}

      <Section id="bulk" title={t("conflictReview.bulk.title")}>
        <Form
          method="post"
          id="bulk-form"
          className="mt-2 grid gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm md:grid-cols-[auto_auto_1fr_auto]"
        >
          <input type="hidden" name="form" value="preview" />
          {hiddenFilter}
          <fieldset>
            <legend className="font-medium text-slate-700">{t("conflictReview.bulk.scope")}</legend>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="checked" defaultChecked />
              {t("conflictReview.bulk.scopeChecked")}
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="filter" />
              {t("conflictReview.bulk.scopeFilter", { count: count.conflicts })}
            </label>
            {fieldError("ids")}
          </fieldset>
          <label>
            <span className="block font-medium text-slate-700">{t("conflictReview.bulk.action")}</span>
            <select
              name="decision"
              className={inputClass}
              defaultValue={filter.status === "pending" ? "confirm" : "reopen"}
            >
              {(filter.status === "pending" ? (["confirm", "dismiss"] as const) : (["reopen"] as const)).map((a) => (
                <option key={a} value={a}>
                  {t(`conflictReview.bulk.${a}`)}
                </option>
              ))}
            </select>
            {fieldError("decision")}
          </label>
          <label>
            <span className="block font-medium text-slate-700">{t("conflictReview.bulk.reasonLabel")}</span>
            <input
              name="reason"
              maxLength={500}
              className={inputClass}
              aria-invalid={messagesAt(refusal, "reason").length ? true : undefined}
            />
            {fieldError("reason")}
          </label>
          <button type="submit" className="self-end rounded-md bg-indigo-600 px-4 py-2 font-medium text-white">
            {t("conflictReview.bulk.preview")}
          </button>
        </Form>
      </Section>

      <Section
        id="list"
        title={t("conflictReview.matching", {
          count: count.conflicts,
          judges: t("common.judgeCount", { count: count.judges }),
        })}
      >
        {rows.length ? (
          <ConflictReviewTable rows={rows} formId="bulk-form" />
        ) : (
          <p className="mt-2 text-sm text-slate-600">{t("conflictReview.none")}</p>
        )}
        <div className="mt-3">
          <Pagination page={page} pageCount={pages} hrefFor={(p) => `?${queryOf(filter, p)}`} />
        </div>
      </Section>
    </div>
  );
}
