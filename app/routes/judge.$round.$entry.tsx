import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { FormField, FormMessage, inputClass } from "~/components/form-field";
import { formatMilli, markField, scoreSheetSchema, SHEET_LIMITS } from "~/domain/score-sheet";
import { localized, useLocale } from "~/i18n/use-locale";
import { slugSchema, idSchema, reasonSchema } from "~/domain/common-schemas";
import { formMessage, messagesAt, refuse } from "~/domain/refusal";
import { judgeContext } from "~/routing/guards.server";
import { refused, refusedReply } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) =>
  pageTitle(matches, "titles.scoreSheet", [{ name: "viewport", content: "width=device-width, initial-scale=1" }]);

const params = z.object({ round: slugSchema, entry: idSchema });

async function context_(args: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const { user, competition } = await judgeContext(args);
  return { user, competition, ...parseParams(args.params, params) };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition, round, entry } = await context_(args);
  const sheet = await args.context.services.judging.sheet(user, competition.id, round, entry);
  // Not assigned (or no such entry): the same 404 either way, so nothing is learned by probing.
  if (!sheet) throw notFound();
  return sheet;
}

/** Any posted fields: the service checks the sheet against the round's rubric. */
const anyFields = z.record(z.string(), z.unknown());

export async function action(args: ActionFunctionArgs) {
  const { user, competition, round, entry } = await context_(args);
  const formData = await args.request.formData();
  const judging = args.context.services.judging;
  if (formData.get("intent") === "declare") {
    const reason = reasonSchema.safeParse(formData.get("conflictReason"));
    const none = { result: null, savedAt: null };
    if (!reason.success)
      return refused(refuse.invalid(reason.error.issues[0]?.message ?? "validation.required", "conflictReason"), none);
    const outcome = await judging.declareConflict(user, competition.id, round, entry, reason.data);
    // Refused (round closed, panel on stage, score submitted): a conflict with the round's state, nothing changed.
    if (!outcome.ok) return refused(outcome, none);
    return redirect(`/judge/${round}?declared=1`);
  }
  const raw = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
  const outcome = await judging.save(user, competition.id, round, entry, raw);
  if (!outcome.ok) return refusedReply(parseWithZod(formData, { schema: anyFields }), outcome, { savedAt: null });
  if (formData.get("autosave") === "1")
    return { result: null, refusal: null, savedAt: args.context.now().toISOString() };
  return redirect(
    `/judge/${round}/${entry}?${outcome.status === "submitted" ? (outcome.revision > 0 ? "revised" : "submitted") : "saved"}=1`,
  );
}

/** One entry's material and the judge's own score sheet: draft (autosaved), submit, revise. */
export default function ScoreSheet() {
  const { round, entry, team, criteria, score, values, position } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const busy = useNavigation().state === "submitting";
  const schema = useMemo(() => scoreSheetSchema(criteria), [criteria]);
  const submitted = score?.status === "submitted";
  const declareError = messagesAt(data?.refusal, "conflictReason")[0] ?? null;
  const open = round.status === "open";
  const editable = open && !submitted;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [form, fields] = useForm({
    lastResult: data?.result ?? null,
    defaultValue: { ...values, comment: score?.comment ?? "" },
    // A field checked on blur has no submit button behind it: check it as a submission would.
    onValidate: ({ formData }) => {
      if (!formData.has("intent")) formData.set("intent", submitted ? "revise" : "submit");
      return parseWithZod(formData, { schema });
    },
    // The sheet is being sent: a draft autosave still waiting would arrive after it and be refused.
    onSubmit: () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const field = fields as unknown as Record<string, FieldMetadata<string>>;

  // Autosave: a draft is saved a moment after the judge stops typing, so a dropped phone loses nothing.
  const autosave = useFetcher<typeof action>();
  const formRef = useRef<HTMLFormElement>(null);
  const [dirty, setDirty] = useState(false);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);
  const scheduleAutosave = () => {
    if (!editable) return;
    setDirty(true);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      if (!formRef.current) return;
      const body = new FormData(formRef.current);
      body.set("intent", "draft");
      body.set("autosave", "1");
      // A draft may hold what is typed so far; malformed marks wait for the judge to fix them.
      const check = parseWithZod(body, { schema });
      const problems = check.status === "error" ? (check.error ?? {}) : {};
      for (const c of criteria) if (problems[markField(c.id)]) body.set(markField(c.id), "");
      autosave.submit(body, { method: "post" });
      setDirty(false);
    }, 1500);
  };
  const savedAt = autosave.data?.savedAt ?? null;
  const time = new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" });
  const notice = search.has("submitted")
    ? "judge.submittedNotice"
    : search.has("revised")
      ? "judge.revisedNotice"
      : search.has("saved")
        ? "judge.savedNotice"
        : null;

  return (
    <div className="mx-auto max-w-2xl space-y-4 pb-24">
      <nav className="flex items-center justify-between text-sm">
        <Link to={`/judge/${round.slug}`} className="text-slate-500 hover:underline">
          ← {localized(locale, round.nameZh, round.nameEn)}
        </Link>
        <span className="text-slate-500">{t("judge.position", { n: position.index, m: position.of })}</span>
      </nav>
      {notice ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t(notice)}
        </p>
      ) : null}

      <article className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
        <p className="font-mono text-xs text-slate-500">
          {entry.code} · {localized(locale, entry.groupZh, entry.groupEn)} ·{" "}
          {localized(locale, entry.trackZh, entry.trackEn)}
        </p>
        <h1 className="text-xl font-bold text-slate-900">{localized(locale, entry.title_zh, entry.title_en)}</h1>
        <p className="text-sm text-slate-600">
          {entry.organization} · <CountryLabel code={entry.country} locale={locale} />
          {entry.city ? ` · ${entry.city}` : ""}
        </p>
        {entry.summary_zh || entry.summary_en ? (
          <p className="whitespace-pre-line text-sm text-slate-800">
            {localized(locale, entry.summary_zh, entry.summary_en)}
          </p>
        ) : null}
        {team.length ? (
          <p className="text-sm text-slate-600">
            {t("entryForm.team")}: {team.map((m) => `${m.name} (${m.role})`).join(", ")}
          </p>
        ) : null}
        {entry.website ? (
          <a
            href={entry.website}
            rel="noopener noreferrer nofollow"
            target="_blank"
            className="text-sm text-indigo-700 underline"
          >
            {entry.website}
          </a>
        ) : null}
      </article>

      {!open ? <FormMessage>{t("judge.roundClosed")}</FormMessage> : null}
      {formMessage(data?.refusal) ? <FormMessage>{t(formMessage(data?.refusal)!)}</FormMessage> : null}
      {submitted ? (
        <p className="rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
          {t("judge.submittedAt", { when: time.format(new Date(score!.submittedAt!)), revision: score!.revision })}
        </p>
      ) : null}

      <Form
        method="post"
        ref={formRef}
        {...getFormProps(form)}
        onChange={scheduleAutosave}
        className="space-y-4 rounded-xl border border-slate-200 bg-white p-4"
      >
        <fieldset disabled={!open} className="space-y-4">
          <legend className="text-lg font-semibold">{t("judge.sheetTitle")}</legend>
          {criteria.map((c) => {
            const f = field[markField(c.id)]!;
            return (
              <FormField
                key={c.id}
                id={f.id}
                label={`${localized(locale, c.nameZh, c.nameEn)} (${formatMilli(c.weightBp * 10)}%)`}
                hint={t("judge.range", { max: formatMilli(c.maxMilli), step: formatMilli(c.stepMilli) })}
                errors={f.errors}
                errorId={f.errorId}
              >
                <input
                  {...getInputProps(f, { type: "text" })}
                  inputMode="decimal"
                  autoComplete="off"
                  readOnly={submitted && !open}
                  className={`${inputClass} text-lg`}
                  aria-describedby={f.errors?.length ? f.errorId : undefined}
                />
              </FormField>
            );
          })}
          <FormField
            id={fields.comment.id}
            label={t("judge.comment")}
            hint={t("judge.commentHint")}
            errors={fields.comment.errors}
            errorId={fields.comment.errorId}
          >
            <textarea
              {...getTextareaProps(fields.comment)}
              rows={3}
              maxLength={SHEET_LIMITS.comment}
              className={inputClass}
            />
          </FormField>
          {submitted && open ? (
            <FormField
              id={fields.reason.id}
              label={t("judge.revisionReason")}
              hint={t("judge.revisionHint")}
              errors={fields.reason.errors}
              errorId={fields.reason.errorId}
            >
              <input
                {...getInputProps(fields.reason, { type: "text" })}
                maxLength={SHEET_LIMITS.reason}
                className={inputClass}
              />
            </FormField>
          ) : null}
        </fieldset>
        {open ? (
          <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-3 rounded-b-xl border-t border-slate-200 bg-white/95 px-4 py-3">
            {editable ? (
              <>
                <button
                  type="submit"
                  name="intent"
                  value="draft"
                  disabled={busy}
                  className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 disabled:opacity-60"
                >
                  {t("common.saveDraft")}
                </button>
                <button
                  type="submit"
                  name="intent"
                  value="submit"
                  disabled={busy}
                  className="flex-1 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white disabled:opacity-60"
                >
                  {t("judge.submit")}
                </button>
              </>
            ) : (
              <button
                type="submit"
                name="intent"
                value="revise"
                disabled={busy}
                className="flex-1 rounded-md bg-amber-600 px-4 py-2 font-medium text-white disabled:opacity-60"
              >
                {t("judge.revise")}
              </button>
            )}
            <span role="status" aria-live="polite" className="w-full text-xs text-slate-500">
              {autosave.state !== "idle"
                ? t("judge.autosaving")
                : dirty
                  ? t("judge.unsaved")
                  : savedAt
                    ? t("judge.autosaved", { time: time.format(new Date(savedAt)) })
                    : score?.status === "draft"
                      ? t("judge.draftStored")
                      : ""}
            </span>
          </div>
        ) : null}
      </Form>

      <div className="flex justify-between text-sm">
        {position.previous ? (
          <Link to={`/judge/${round.slug}/${position.previous}`} className="text-indigo-700 hover:underline">
            ← {t("judge.previous")}
          </Link>
        ) : (
          <span />
        )}
        {position.next ? (
          <Link to={`/judge/${round.slug}/${position.next}`} className="text-indigo-700 hover:underline">
            {t("judge.next")} →
          </Link>
        ) : (
          <span />
        )}
      </div>

      {open && !submitted ? (
        <details className="rounded-xl border border-slate-200 bg-white p-4 text-sm">
          <summary className="cursor-pointer font-medium text-slate-700">{t("judge.declareTitle")}</summary>
          <p className="mt-2 text-slate-600">{t("judge.declareHelp")}</p>
          <Form method="post" className="mt-2 space-y-2">
            <input type="hidden" name="intent" value="declare" />
            <textarea
              name="conflictReason"
              required
              maxLength={500}
              rows={2}
              aria-label={t("common.reason")}
              placeholder={t("common.reason")}
              aria-invalid={declareError ? true : undefined}
              className={inputClass}
            />
            {declareError ? (
              <p role="alert" className="text-sm text-rose-700">
                {t(declareError)}
              </p>
            ) : null}
            <button type="submit" className="rounded-md border border-rose-300 px-4 py-2 font-medium text-rose-800">
              {t("judge.declare")}
            </button>
          </Form>
        </details>
      ) : null}
    </div>
  );
}
