import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { isoToZonedLocal } from "~/domain/edition-schemas";
import { Form, useActionData, useLoaderData, useOutletContext, useSearchParams } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DeckZipLink } from "~/components/deck-zip-link";
import { FormMessage, inputClass } from "~/components/form-field";
import { StatusControls } from "~/components/round-guards/status-controls";
import { RubricForm } from "~/components/rubric-form";
import { Section } from "~/components/section";
import { ROUNDINGS } from "~/domain/decimal";
import { NORMALIZATIONS } from "~/domain/ranking";
import { nextStatuses, ROUND_KINDS, rubricSchema, SCOPES, tieBreakToOption } from "~/domain/round-settings";
import { COMBINES } from "~/domain/scoring";
import { formatMilli } from "~/domain/score-sheet";
import { localized, useLocale } from "~/i18n/use-locale";
import { formMessage, messagesAt, refuse } from "~/domain/refusal";
import { organizerRound } from "~/routing/guards.server";
import { refused, refusedReply } from "~/routing/refusals";
import { pageTitle } from "~/i18n/meta";
import type { RoundTabHandle } from "~/components/round-tabs";
import type { RoundOutletContext } from "./admin.rounds.$round";

/** How wide the round's layout lays this tab out. */
export const handle: RoundTabHandle = { width: "max-w-5xl" };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.roundSettings");

const statusSchema = z.object({
  to: z.enum(["open", "closed"]),
  reason: z.string().trim().max(500).optional(),
  // Closing a round that still waits for scores: the organizer saw how many and confirmed.
  confirm: z.literal("1").optional(),
});

/** How many of the affected entries the close preview lists by name (all are counted). */
const LISTED_ENTRIES = 100;

export async function loader(args: LoaderFunctionArgs) {
  const { competition, round, criteria, tieBreaks, rubricLocked } = await organizerRound(args);
  const rounds = args.context.services.rounds;
  const [history, pending] = await Promise.all([
    rounds.history(round.id),
    round.status === "open" ? rounds.closePreview(round.id) : null,
  ]);
  return {
    round,
    deckCount: await args.context.services.decks.countInRound(round.id),
    rubricLocked,
    criteria: criteria.map((c) => ({
      id: c.id,
      nameZh: c.name_zh,
      nameEn: c.name_en,
      descriptionZh: c.description_zh ?? "",
      descriptionEn: c.description_en ?? "",
      weight: formatMilli(c.weight_bp * 10).replace(/(\.\d*?)0+$/, "$1"),
      max: formatMilli(c.max_milli),
      step: formatMilli(c.step_milli),
    })),
    tieBreaks: tieBreaks.map(tieBreakToOption),
    next: nextStatuses(round.status),
    history,
    closePreview: pending
      ? { ...pending, entries: pending.entries.slice(0, LISTED_ENTRIES), entryCount: pending.entries.length }
      : null,
    opensAt: isoToZonedLocal(round.opens_at, competition.time_zone),
    closesAt: isoToZonedLocal(round.closes_at, competition.time_zone),
    timeZone: competition.time_zone,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition, round } = await organizerRound(args);
  const formData = await args.request.formData();
  const form = formData.get("form");
  const rounds = args.context.services.rounds;
  if (form === "rubric") {
    const submission = parseWithZod(formData, { schema: rubricSchema });
    if (submission.status !== "success") return data({ form, result: submission.reply() }, { status: 400 });
    const outcome = await rounds.updateRubric(user, competition.id, round.slug, submission.payload);
    if (!outcome.ok) return refusedReply(submission, outcome, { form });
    return redirect(`/admin/rounds/${round.slug}?saved=rubric`);
  }
  if (form === "status") {
    const parsed = statusSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refused(refuse.invalid("round.badTransition"), { form });
    const { to, reason, confirm } = parsed.data;
    const outcome = await rounds.setStatus(user, competition.id, round.slug, to, reason || null, confirm === "1");
    if (!outcome.ok) return refused(outcome, { form });
    return redirect(`/admin/rounds/${round.slug}?saved=status`);
  }
  const outcome = await rounds.updateSettings(user, competition.id, round.slug, Object.fromEntries(formData));
  if (!outcome.ok) return refused(outcome, { form: "settings" });
  return redirect(`/admin/rounds/${round.slug}?saved=settings`);
}

function Field({
  name,
  label,
  errors,
  children,
  hint,
}: {
  name: string;
  label: string;
  errors?: string[] | undefined;
  children: ReactNode;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      <label htmlFor={`round-${name}`} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={`round-${name}-error`} role="alert" className="text-sm text-rose-700">
          {errors.map((e) => t(e)).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** A round's set-up: its rule and logistics, its rubric, and its status. */
export default function RoundSettings() {
  const {
    round,
    deckCount,
    criteria,
    rubricLocked,
    tieBreaks,
    next,
    history,
    closePreview,
    opensAt,
    closesAt,
    timeZone,
  } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const viaLayout = useOutletContext<RoundOutletContext | undefined>()?.answer as typeof posted;
  const answer = posted ?? viaLayout;
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const refusal = answer && "refusal" in answer ? answer.refusal : null;
  const settingsRefusal = answer?.form === "settings" ? refusal : null;
  const statusRefusal = answer?.form === "status" ? refusal : null;
  const errors = (name: string) => {
    const messages = messagesAt(settingsRefusal, name);
    return messages.length ? messages : undefined;
  };
  const props = (name: string) => ({
    id: `round-${name}`,
    name,
    "aria-invalid": errors(name) ? true : undefined,
    "aria-describedby": errors(name) ? `round-${name}-error` : undefined,
    className: inputClass,
  });
  const published = round.status === "published";
  const tieOptions = [
    { value: "", label: t("round.tieNone") },
    { value: "untrimmed-mean", label: t("round.tie.untrimmed-mean") },
    { value: "median", label: t("round.tie.median") },
    { value: "previous-round", label: t("round.tie.previous-round") },
    ...criteria.map((c) => ({
      value: `criterion:${c.id}`,
      label: t("round.tieCriterion", { name: localized(locale, c.nameZh, c.nameEn) }),
    })),
  ];
  const when = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone,
  });
  return (
    <>
      {search.get("saved") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("common.saved")}
        </p>
      ) : null}

      <StatusControls
        round={{ slug: round.slug, status: round.status }}
        next={next}
        closePreview={closePreview}
        refusal={statusRefusal}
      />
      <DeckZipLink round={round.slug} count={deckCount} />

      <Section id="rule" title={t("round.ruleTitle")}>
        {formMessage(settingsRefusal) ? <FormMessage>{t(formMessage(settingsRefusal)!)}</FormMessage> : null}
        <Form method="post" className="mt-2 space-y-4 rounded-xl border border-slate-200 bg-white p-4">
          <input type="hidden" name="form" value="settings" />
          <fieldset disabled={published} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            <Field name="nameZh" label={t("round.nameZh")} errors={errors("nameZh")}>
              <input {...props("nameZh")} defaultValue={round.name_zh} lang="zh-Hans" />
            </Field>
            <Field name="nameEn" label={t("round.nameEn")} errors={errors("nameEn")}>
              <input {...props("nameEn")} defaultValue={round.name_en} lang="en" />
            </Field>
            <Field name="scope" label={t("round.scopeLabel")} errors={errors("scope")}>
              <select {...props("scope")} defaultValue={round.scope}>
                {SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {t(`round.scope.${s}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="kind" label={t("round.kindLabel")} errors={errors("kind")}>
              <select {...props("kind")} defaultValue={round.kind}>
                {ROUND_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`round.kind.${k}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field name="judgesPerEntry" label={t("rounds.judgesPerEntry")} errors={errors("judgesPerEntry")}>
              <input
                {...props("judgesPerEntry")}
                type="number"
                min={1}
                max={50}
                defaultValue={round.judges_per_entry}
              />
            </Field>
            <Field name="advanceCount" label={t("round.advanceCount")} errors={errors("advanceCount")}>
              <input {...props("advanceCount")} type="number" min={0} defaultValue={round.advance_count} />
            </Field>
            <Field
              name="advancePerOrganization"
              label={t("round.advancePerOrganization")}
              hint={t("round.advancePerOrganizationHint")}
              errors={errors("advancePerOrganization")}
            >
              <input
                {...props("advancePerOrganization")}
                type="number"
                min={1}
                defaultValue={round.advance_per_organization ?? ""}
              />
            </Field>
            <Field name="dropHighest" label={t("round.dropHighest")} errors={errors("dropHighest")}>
              <input {...props("dropHighest")} type="number" min={0} max={10} defaultValue={round.drop_highest} />
            </Field>
            <Field name="dropLowest" label={t("round.dropLowest")} errors={errors("dropLowest")}>
              <input {...props("dropLowest")} type="number" min={0} max={10} defaultValue={round.drop_lowest} />
            </Field>
            <Field name="combine" label={t("round.combineLabel")} errors={errors("combine")}>
              <select {...props("combine")} defaultValue={round.combine}>
                {COMBINES.map((c) => (
                  <option key={c} value={c}>
                    {t(`round.combine.${c}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              name="multiplier"
              label={t("round.multiplier")}
              hint={t("round.multiplierHint")}
              errors={errors("multiplier")}
            >
              <input {...props("multiplier")} inputMode="decimal" defaultValue={round.multiplier ?? ""} />
            </Field>
            <Field name="decimals" label={t("round.decimals")} errors={errors("decimals")}>
              <input {...props("decimals")} type="number" min={0} max={6} defaultValue={round.decimals} />
            </Field>
            <Field name="rounding" label={t("round.roundingLabel")} errors={errors("rounding")}>
              <select {...props("rounding")} defaultValue={round.rounding}>
                {ROUNDINGS.map((r) => (
                  <option key={r} value={r}>
                    {t(`round.rounding.${r}`)}
                  </option>
                ))}
              </select>
            </Field>
            <Field
              name="normalization"
              label={t("round.normalizationLabel")}
              hint={t("round.normalizationHint")}
              errors={errors("normalization")}
            >
              <select {...props("normalization")} defaultValue={round.normalization}>
                {NORMALIZATIONS.map((n) => (
                  <option key={n} value={n}>
                    {t(`round.normalization.${n}`)}
                  </option>
                ))}
              </select>
            </Field>
            {(["tieBreak1", "tieBreak2", "tieBreak3"] as const).map((name, i) => (
              <Field key={name} name={name} label={t("round.tieBreakN", { n: i + 1 })} errors={errors(name)}>
                <select {...props(name)} defaultValue={tieBreaks[i] ?? ""}>
                  {tieOptions.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </select>
              </Field>
            ))}
            <Field name="opensAt" label={t("round.opensAt")} errors={errors("opensAt")}>
              <input {...props("opensAt")} type="datetime-local" defaultValue={opensAt} />
            </Field>
            <Field
              name="closesAt"
              label={t("round.closesAt")}
              hint={t("round.editionTime", { zone: timeZone })}
              errors={errors("closesAt")}
            >
              <input {...props("closesAt")} type="datetime-local" defaultValue={closesAt} />
            </Field>
            <label className="flex items-center gap-2 self-end text-sm text-slate-700">
              <input
                type="checkbox"
                name="avoidSameCountry"
                value="on"
                defaultChecked={round.avoid_same_country === 1}
              />
              {t("round.avoidSameCountry")}
            </label>
          </fieldset>
          {!published ? (
            <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
              {t("round.saveRule")}
            </button>
          ) : null}
        </Form>
      </Section>

      <Section id="rubric" title={t("rubric.title")}>
        <p className="mt-1 text-sm text-slate-600">{t("rubric.help")}</p>
        <div className="mt-2">
          <RubricForm
            defaults={criteria.map(({ nameZh, nameEn, descriptionZh, descriptionEn, weight, max, step }) => ({
              nameZh,
              nameEn,
              descriptionZh,
              descriptionEn,
              weight,
              max,
              step,
            }))}
            locked={rubricLocked || published}
            lastResult={answer?.form === "rubric" && "result" in answer ? answer.result : null}
          />
        </div>
      </Section>

      <Section id="round-history" title={t("admin.history")}>
        <ol className="mt-2 space-y-1 text-sm">
          {history.map((h) => (
            <li key={h.id} className="text-slate-700">
              <span className="font-medium">{t(`audit.${h.action}`, { defaultValue: h.action })}</span>
              <span className="text-slate-500">
                {" "}
                · {when.format(new Date(h.at))} · {h.actor ?? "—"}
              </span>
              {h.reason ? <span> · {h.reason}</span> : null}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
