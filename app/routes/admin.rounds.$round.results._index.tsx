import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { FormMessage, inputClass, ReasonInput } from "~/components/form-field";
import { PublishPreview } from "~/components/round-guards/publish-preview";
import { UnpublishForm } from "~/components/round-guards/unpublish-form";
import { Section } from "~/components/section";
import { shortDecimal } from "~/domain/decimal";
import { localized, useLocale } from "~/i18n/use-locale";
import { formMessage, messagesAt, refuseParse } from "~/domain/refusal";
import { organizerRound, reasonSchema } from "~/routing/guards.server";
import { refused, type ShownRefusal } from "~/routing/refusals";
import { pageTitle } from "~/i18n/meta";
import type { RoundTabHandle } from "~/components/round-tabs";

/** How wide the round's layout lays this tab out. */
export const handle: RoundTabHandle = { width: "max-w-7xl" };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.roundResults");

const query = z.object({
  unit: z
    .string()
    .regex(/^(all|group:\d+|track:\d+)$/)
    .optional()
    .catch(undefined),
  compare: z.enum(["on"]).optional().catch(undefined),
  norm: z.enum(["none", "zscore"]).optional().catch(undefined),
  dh: z.coerce.number().int().min(0).max(10).optional().catch(undefined),
  dl: z.coerce.number().int().min(0).max(10).optional().catch(undefined),
});

const actionSchema = z.discriminatedUnion("form", [
  z.object({ form: z.literal("apply") }),
  z.object({
    form: z.literal("publish"),
    confirm: z.literal("on", { error: "results.confirmPublish" }),
    // What the preview asked for; the service decides which are needed and refuses at the field.
    typedCount: z.string().max(20).optional(),
    reason: z.string().max(500).optional(),
    confirmNext: z.literal("on").optional(),
    fingerprint: z.string().max(40).optional(),
  }),
  z.object({ form: z.literal("unpublish"), reason: z.string().max(500).optional() }),
  z.object({
    form: z.literal("override"),
    entryId: z.coerce.number().int().positive(),
    decision: z.enum(["advanced", "eliminated", "rule"]),
    reason: reasonSchema,
  }),
]);

export async function loader(args: LoaderFunctionArgs) {
  const { round } = await organizerRound(args);
  const q = query.parse(Object.fromEntries(new URL(args.request.url).searchParams));
  const admin = args.context.services.resultsAdmin;
  await admin.refresh(round.id);
  const view = await admin.view(round.id, q.unit ?? null);
  // The suggested other rule trims a mark at each end only where a panel of three or more leaves some to count.
  const trim = round.judges_per_entry > 2 ? 1 : 0;
  const variant = {
    normalization: q.norm ?? (round.normalization === "zscore" ? "none" : "zscore"),
    dropHighest: q.dh ?? (round.drop_highest > 0 ? 0 : trim),
    dropLowest: q.dl ?? (round.drop_lowest > 0 ? 0 : trim),
  } as const;
  // Dropping as many marks as an entry has leaves nothing to rank: such a variant is not offered.
  const sensible = variant.dropHighest + variant.dropLowest < round.judges_per_entry;
  const preview = q.compare && view.unit && sensible ? await admin.preview(round.id, view.unit, variant) : null;
  const [plan, unpublishing] = await Promise.all([admin.publishPreview(round.id), admin.unpublishPreview(round.id)]);
  // The page needs the counts and names, not every entry's decision.
  const publishing = plan
    ? (({ decisions: _d, advancing, ...shown }) => ({ ...shown, advancingCount: advancing.length }))(plan)
    : null;
  return { ...view, variant, preview, sensible, publishing, unpublishing };
}

export async function action(args: ActionFunctionArgs) {
  const { user, round } = await organizerRound(args);
  const parsed = actionSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) return refused(refuseParse(parsed.error));
  const admin = args.context.services.resultsAdmin;
  const input = parsed.data;
  const unit = new URL(args.request.url).searchParams.get("unit");
  const back = (flag: string) =>
    redirect(`/admin/rounds/${round.slug}/results?${new URLSearchParams({ ...(unit ? { unit } : {}), done: flag })}`);
  if (input.form === "publish") {
    const outcome = await admin.publish(user, round.id, {
      checked: input.confirm === "on",
      typedCount: input.typedCount,
      reason: input.reason,
      confirmNext: input.confirmNext === "on",
      fingerprint: input.fingerprint || undefined,
    });
    return outcome.ok ? back("publish") : refused(outcome, { form: "publish" });
  }
  if (input.form === "unpublish") {
    const outcome = await admin.unpublish(user, round.id, input.reason?.trim() || null);
    return outcome.ok ? back("unpublish") : refused(outcome, { form: "unpublish" });
  }
  const outcome =
    input.form === "apply"
      ? await admin.applyRule(user, round.id)
      : await admin.override(user, round.id, input.entryId, input.decision, input.reason);
  return outcome.ok ? back(input.form) : refused(outcome);
}

/** What the page says about a refused form: the first problem at its field, or the refusal itself. */
function refusalMessage(refusal: ShownRefusal | null | undefined): string | null {
  if (!refusal) return null;
  return messagesAt(refusal, refusal.field ?? "")[0] ?? formMessage(refusal);
}

type Row = ReturnType<typeof useLoaderData<typeof loader>>["rows"][number];

/** One entry's line of the ranking: its marks, how its tie was decided, and its advancement. */
function ResultRow({ row: r, published }: { row: Row; published: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <tr className={`border-t border-slate-100 align-top ${r.state === "advanced" ? "bg-emerald-50/60" : ""}`}>
      <td className="px-2 py-2 font-mono">{r.rank ?? "—"}</td>
      <td className="px-2 py-2">
        <Link to={`/admin/entries/${r.id}`} className="font-mono text-indigo-700 hover:underline">
          {r.code}
        </Link>
        <p className="max-w-xs truncate">{localized(locale, r.title_zh, r.title_en)}</p>
        <p className="text-xs text-slate-500">
          {r.organization} · <CountryLabel code={r.country} locale={locale} />
        </p>
      </td>
      <td className="px-2 py-2 font-mono font-semibold">{r.result ?? "—"}</td>
      <td className="px-2 py-2 font-mono text-slate-500">{r.raw_result ?? "—"}</td>
      <td className="px-2 py-2 font-mono">{r.judges_counted}</td>
      <td className="px-2 py-2 font-mono text-xs">
        {r.kept.map((m, i) => (
          <span key={`k${i}`} className="mr-1" title={m}>
            {shortDecimal(m)}
          </span>
        ))}
        {r.dropped.map((m, i) => (
          <s key={`d${i}`} className="mr-1 text-slate-400" title={`${t("results.dropped")}: ${m}`}>
            {shortDecimal(m)}
          </s>
        ))}
      </td>
      <td className="px-2 py-2 text-xs">
        {r.decided_by
          ? t(r.decided_by.startsWith("criterion:") ? "results.tie.criterion" : `results.tie.${r.decided_by}`, {
              defaultValue: r.decided_by,
            })
          : ""}
      </td>
      <td className="px-2 py-2 text-xs">
        <span className={r.state === "advanced" ? "font-medium text-emerald-800" : ""}>
          {t(`entry.state.${r.state}`)}
        </span>
        {r.state_source === "organizer" ? (
          <span className="block text-amber-800">
            {t("results.override")}: {r.state_reason}
          </span>
        ) : null}
        {!published && r.proposed !== (r.state === "advanced") && r.state_source === "rule" ? (
          <span className="block text-slate-500">
            {t("results.ruleWould", { state: t(`entry.state.${r.proposed ? "advanced" : "eliminated"}`) })}
          </span>
        ) : null}
        {!published ? (
          <details className="mt-1">
            <summary className="cursor-pointer text-indigo-700">{t("results.adjust")}</summary>
            <Form method="post" className="mt-1 space-y-1">
              <input type="hidden" name="form" value="override" />
              <input type="hidden" name="entryId" value={r.id} />
              <select
                name="decision"
                defaultValue={r.state === "advanced" ? "eliminated" : "advanced"}
                className={inputClass}
                aria-label={t("results.advancement")}
              >
                <option value="advanced">{t("entry.state.advanced")}</option>
                <option value="eliminated">{t("entry.state.eliminated")}</option>
                <option value="rule">{t("results.backToRule")}</option>
              </select>
              <ReasonInput required />
              <button type="submit" className="rounded-md border border-slate-300 px-2 py-1">
                {t("admin.apply")}
              </button>
            </Form>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

/** A round's ranking per unit, a preview under another rule, advancement and publication. */
export default function RoundResults() {
  const { round, units, unit, rows, variant, preview, sensible, publishing, unpublishing } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const published = round.status === "published";
  const advancing = rows.filter((r) => r.state === "advanced").length;
  const proposed = rows.filter((r) => r.proposed).length;
  return (
    <>
      {search.get("done") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {search.get("done") === "unpublish"
            ? t("guards.unpublish.done")
            : t(`results.done.${search.get("done")}`, { defaultValue: t("common.saved") })}
        </p>
      ) : null}
      {refusalMessage(data?.refusal) ? (
        <FormMessage>{t(refusalMessage(data?.refusal)!, data?.refusal?.params ?? {})}</FormMessage>
      ) : null}

      <div className="flex flex-wrap items-end gap-3">
        <Form method="get" className="flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("dashboard.unit")}</span>
            <select name="unit" defaultValue={unit ?? ""} className={inputClass}>
              {units.map((u) => (
                <option key={u.unit} value={u.unit}>
                  {localized(locale, u.nameZh, u.nameEn)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("results.apply")}
          </button>
        </Form>
        <a
          href={`/admin/rounds/${round.slug}/results/export.csv`}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium"
        >
          {t("admin.exportCsv")}
        </a>
        <a
          href={`/admin/rounds/${round.slug}/results/export.xlsx`}
          className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium"
        >
          {t("admin.exportXlsx")}
        </a>
      </div>

      <p className="text-sm text-slate-600">
        {t("results.advanceSummary", { advancing, proposed, n: round.advance_count })}
        {round.advance_per_organization ? ` ${t("results.capSummary", { m: round.advance_per_organization })}` : ""}
      </p>

      <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="results-table">
          <thead className="bg-slate-50 text-slate-500">
            <tr>
              <th className="px-2 py-2">{t("common.rank")}</th>
              <th className="px-2">{t("results.entry")}</th>
              <th className="px-2">{t("common.result")}</th>
              <th className="px-2">{t("results.raw")}</th>
              <th className="px-2">{t("common.judges")}</th>
              <th className="px-2">{t("results.marks")}</th>
              <th className="px-2">{t("results.decidedBy")}</th>
              <th className="px-2">{t("results.advancement")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ResultRow key={r.id} row={r} published={published} />
            ))}
          </tbody>
        </table>
      </div>

      {!published ? (
        <div className="grid gap-4 md:grid-cols-2">
          <Form method="post" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <input type="hidden" name="form" value="apply" />
            <h2 className="font-semibold">{t("results.applyTitle")}</h2>
            <p className="text-sm text-slate-600">{t("results.applyHelp")}</p>
            <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
              {t("results.applyRule")}
            </button>
          </Form>
          <div className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
            <h2 className="font-semibold">{t("results.publishTitle")}</h2>
            <p className="text-sm text-slate-600">
              {round.status === "closed" ? t("results.publishHelp") : t("results.closeFirst")}
            </p>
          </div>
        </div>
      ) : null}

      <section id="publication" aria-label={t(published ? "guards.unpublish.title" : "guards.publish.title")}>
        {publishing ? (
          <PublishPreview
            plan={publishing}
            rule={{
              judgesPerEntry: round.judges_per_entry,
              dropHighest: round.drop_highest,
              dropLowest: round.drop_lowest,
            }}
            refusal={data && "form" in data && data.form === "publish" ? data.refusal : null}
          />
        ) : null}
        {unpublishing ? (
          <UnpublishForm
            preview={unpublishing}
            refusal={data && "form" in data && data.form === "unpublish" ? data.refusal : null}
          />
        ) : null}
      </section>

      <Section id="compare" title={t("results.compareTitle")}>
        <Form
          method="get"
          className="mt-2 flex flex-wrap items-end gap-2 rounded-xl border border-slate-200 bg-white p-4"
        >
          <input type="hidden" name="unit" value={unit ?? ""} />
          <input type="hidden" name="compare" value="on" />
          <label className="text-sm">
            <span className="block text-slate-700">{t("round.normalizationLabel")}</span>
            <select name="norm" defaultValue={variant.normalization} className={inputClass}>
              {(["none", "zscore"] as const).map((n) => (
                <option key={n} value={n}>
                  {t(`round.normalization.${n}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            <span className="block text-slate-700">{t("round.dropHighest")}</span>
            <input name="dh" type="number" min={0} max={10} defaultValue={variant.dropHighest} className={inputClass} />
          </label>
          <label className="text-sm">
            <span className="block text-slate-700">{t("round.dropLowest")}</span>
            <input name="dl" type="number" min={0} max={10} defaultValue={variant.dropLowest} className={inputClass} />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("results.compare")}
          </button>
        </Form>
        {!sensible ? <p className="mt-2 text-sm text-rose-700">{t("round.dropsLeaveNoMark")}</p> : null}
        {preview ? (
          <div className="mt-3 overflow-x-auto rounded-xl border border-slate-200 bg-white">
            <p className="px-3 pt-2 text-sm text-slate-600">
              {t("results.moved", { count: preview.filter((p) => p.delta).length })}
            </p>
            <table className="w-full text-left text-sm" data-testid="preview-table">
              <thead className="text-slate-500">
                <tr>
                  <th className="px-2 py-1">{t("results.entry")}</th>
                  <th className="px-2">{t("results.currentRule")}</th>
                  <th className="px-2">{t("results.otherRule")}</th>
                  <th className="px-2">{t("results.change")}</th>
                </tr>
              </thead>
              <tbody>
                {preview.map((p) => (
                  <tr key={p.entryId} className={`border-t border-slate-100 ${p.delta ? "bg-amber-50" : ""}`}>
                    <td className="px-2 py-1">
                      <span className="font-mono">{p.code}</span>{" "}
                      <span className="text-slate-600">{localized(locale, p.titleZh, p.titleEn)}</span>
                    </td>
                    <td className="px-2 font-mono">
                      {p.rank ?? "—"} · {p.result ?? "—"}
                    </td>
                    <td className="px-2 font-mono">
                      {p.otherRank ?? "—"} · {p.otherResult ?? "—"}
                    </td>
                    <td className="px-2 font-mono">{p.delta ? (p.delta > 0 ? `▲${p.delta}` : `▼${-p.delta}`) : ""}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </Section>
    </>
  );
}
