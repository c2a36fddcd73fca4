import { getFormProps, getInputProps, getTextareaProps, useForm, type FieldMetadata } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormField, FormMessage, inputClass } from "~/components/form-field";
import { CriterionField } from "~/components/sheet/criterion-field";
import { DeckFrame, EntryMaterial } from "~/components/sheet/entry-material";
import { RunningTotal } from "~/components/sheet/running-total";
import { markField, scoreSheetSchema, SHEET_LIMITS } from "~/domain/score-sheet";
import { runningTotal } from "~/domain/sheet-total";
import { localized, useLocale } from "~/i18n/use-locale";
import { slugSchema, idSchema, reasonSchema } from "~/domain/common-schemas";
import { formMessage, messagesAt, refuse } from "~/domain/refusal";
import { judgeContext } from "~/routing/guards.server";
import { refused, refusedReply } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";
import { pageTitle } from "~/i18n/meta";
import { useFormats } from "~/i18n/formats";
import { resolveLocale } from "~/i18n/locale.server";
import { contentIn } from "~/i18n/traditional.server";

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
  // A Traditional Chinese reader reads the entry's Simplified text converted.
  return contentIn(await resolveLocale(args.request), sheet);
}

/** The submit button that also opens the next entry still to submit. */
const SUBMIT_NEXT = "submit-next";

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
  // "Submit and next" is a submission like any other; only where the judge lands afterwards differs.
  const andNext = raw["intent"] === SUBMIT_NEXT;
  if (andNext) raw["intent"] = "submit";
  const outcome = await judging.save(user, competition.id, round, entry, raw);
  if (!outcome.ok) return refusedReply(parseWithZod(formData, { schema: anyFields }), outcome, { savedAt: null });
  if (formData.get("autosave") === "1")
    return { result: null, refusal: null, savedAt: args.context.now().toISOString() };
  if (andNext && outcome.status === "submitted") {
    const { next, code } = await judging.nextUnscored(user, competition.id, round, entry);
    if (!next) return redirect(`/judge/${round}?finished=1`);
    return redirect(`/judge/${round}/${next.id}?after=${encodeURIComponent(code ?? "")}`);
  }
  return redirect(
    `/judge/${round}/${entry}?${outcome.status === "submitted" ? (outcome.revision > 0 ? "revised" : "submitted") : "saved"}=1`,
  );
}

/** One entry's material and the judge's own score sheet: draft (autosaved), submit, revise. */
export default function ScoreSheet() {
  const { round, entry, deck, team, criteria, score, values, position } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
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
      if (!formData.has("intent") || formData.get("intent") === SUBMIT_NEXT)
        formData.set("intent", submitted ? "revise" : "submit");
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
  // The total as the judge types or taps, from the field values Conform tracks.
  const total = runningTotal(
    Object.fromEntries(criteria.map((c) => [markField(c.id), field[markField(c.id)]?.value])),
    criteria,
  );
  // Only an entry code is shown back: the address is the judge's own, but a link could carry anything.
  const after = /^[A-Za-z0-9-]{1,40}$/.test(search.get("after") ?? "") ? search.get("after") : null;
  const formats = useFormats();
  const time = { format: (when: Date) => formats.date(when, { timeStyle: "short" }) };
  const notice = search.has("submitted")
    ? "judge.submittedNotice"
    : search.has("revised")
      ? "judge.revisedNotice"
      : search.has("saved")
        ? "judge.savedNotice"
        : null;

  return (
    <div className={deck ? "lg:grid lg:grid-cols-[minmax(0,1fr)_minmax(0,34rem)] lg:items-start lg:gap-6" : ""}>
      {deck ? <DeckFrame deck={deck} code={entry.code} /> : null}
      <div className="mx-auto max-w-2xl space-y-4 pb-24 lg:mx-0 lg:w-full">
        <nav className="flex flex-wrap items-center justify-between gap-x-3 text-sm">
          <Link to={`/judge/${round.slug}`} className="text-slate-500 hover:underline">
            ← {localized(locale, round.nameZh, round.nameEn)}
          </Link>
          <span className="text-slate-500">
            {t("judge.position", { n: position.index, m: position.of })} ·{" "}
            {position.left > 0 ? t("sheet.left", { count: position.left }) : t("sheet.noneLeft")}
          </span>
        </nav>
        {after && !notice ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("sheet.movedOn", { code: after })}
          </p>
        ) : null}
        {notice ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t(notice)}
          </p>
        ) : null}

        <EntryMaterial entry={entry} team={team} deck={deck} locale={locale} />

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
            {criteria.map((c) => (
              <CriterionField
                key={c.id}
                criterion={{
                  ...c,
                  name: localized(locale, c.nameZh, c.nameEn),
                  description: localized(locale, c.descriptionZh, c.descriptionEn),
                }}
                field={field[markField(c.id)]!}
                readOnly={submitted && !open}
                disabled={!open}
                onPick={(value) => {
                  form.update({ name: markField(c.id), value });
                  scheduleAutosave();
                }}
              />
            ))}
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
            <div className="sticky bottom-0 -mx-4 -mb-4 flex flex-wrap items-center gap-2 rounded-b-xl border-t border-slate-200 bg-white/95 px-4 py-3">
              <RunningTotal total={total} />
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
                    className="rounded-md border border-indigo-300 bg-white px-4 py-2 font-medium text-indigo-800 disabled:opacity-60"
                  >
                    {t("judge.submit")}
                  </button>
                  <button
                    type="submit"
                    name="intent"
                    value={SUBMIT_NEXT}
                    disabled={busy}
                    title={t("sheet.submitNextHint")}
                    className="min-w-[10rem] flex-1 rounded-md bg-indigo-600 px-4 py-3 font-semibold text-white disabled:opacity-60"
                  >
                    {t("sheet.submitNext")} →
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
    </div>
  );
}
