import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { FormMessage, inputClass, ReasonInput } from "~/components/form-field";
import { Section } from "~/components/section";
import { localized, useLocale } from "~/i18n/use-locale";
import { firstIssue, organizerRound } from "~/routing/guards.server";
import { pageTitle } from "~/i18n/meta";
import type { RoundTabHandle } from "~/components/round-tabs";
import { refuse } from "~/domain/refusal";
import { refused } from "~/routing/refusals";
import type { SessionUser } from "~/services/auth.server";
import { ShortEntries } from "~/components/judges/short-entries";
import { useNumberFormat } from "~/i18n/formats";

/** How wide the round's layout lays this tab out. */
export const handle: RoundTabHandle = { width: "max-w-5xl" };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.assignments");

const actionSchema = z.discriminatedUnion("form", [
  z.object({
    form: z.literal("run"),
    seed: z.coerce
      .number({ error: "validation.number" })
      .int({ error: "validation.number" })
      .min(0)
      .max(2 ** 31 - 1),
    mode: z.enum(["fill", "reset"]),
    acceptedOnly: z
      .literal("on")
      .optional()
      .transform((v) => v === "on"),
  }),
  z.object({
    form: z.literal("swap"),
    code: z.string().trim().min(1).max(20),
    from: z.coerce.number().int().positive(),
    to: z.coerce.number({ error: "assign.chooseJudge" }).int().positive({ error: "assign.chooseJudge" }),
    reason: z.string().trim().max(500).optional(),
  }),
]);

export async function loader(args: LoaderFunctionArgs) {
  const { competition, round } = await organizerRound(args);
  const code = z
    .string()
    .trim()
    .max(20)
    .optional()
    .catch(undefined)
    .parse(new URL(args.request.url).searchParams.get("entry") ?? undefined);
  const [overview, panel, short, acceptance] = await Promise.all([
    args.context.services.assignment.overview(round.id),
    code ? args.context.services.assignment.panel(competition.id, round.id, code) : Promise.resolve(null),
    args.context.services.assignment.shortEntries(round.id),
    args.context.services.assignment.acceptance(competition.id),
  ]);
  // A round played live gets the "one panel for every entry" form.
  const live =
    round.kind === "stage" ? await args.context.services.assignment.panelChoices(competition.id, round.id) : null;
  // The list is capped for the page; the count says how many there are in all.
  return {
    round,
    overview,
    code: code ?? "",
    panel,
    live,
    short: short.slice(0, SHORT_SHOWN),
    shortTotal: short.length,
    acceptance,
  };
}

const SHORT_SHOWN = 300;

const panelSchema = z.array(z.coerce.number().int().positive()).min(1, { error: "assign.chooseJudges" }).max(60);

/** A live final's one panel, seated on every entry. */
async function seatLivePanel(args: ActionFunctionArgs, user: SessionUser, roundId: number, formData: FormData) {
  const form = "livePanel" as const;
  const judges = panelSchema.safeParse(formData.getAll("judge"));
  if (!judges.success)
    return refused(refuse.invalid(judges.error.issues[0]?.message ?? "assign.chooseJudges", "judge"), { form });
  // The service refuses a published round or a panel already on stage (409), whoever asks.
  const outcome = await args.context.services.assignment.seatPanel(user, roundId, judges.data);
  if (!outcome.ok) return refused(outcome, { form });
  return { form, seated: { added: outcome.added, removed: outcome.removed, skipped: outcome.skipped.slice(0, 200) } };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition, round } = await organizerRound(args);
  const formData = await args.request.formData();
  if (formData.get("form") === "livePanel") return seatLivePanel(args, user, round.id, formData);
  const parsed = actionSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    // The page says what is wrong in one line above the forms: the first problem.
    const { field, message } = firstIssue(parsed.error);
    return refused(refuse.invalid(message, field), { form: "error" as const });
  }
  const input = parsed.data;
  if (input.form === "run") {
    const started = performance.now();
    const run = await args.context.services.assignment.run(user, round.id, {
      seed: input.seed,
      resetUnscored: input.mode === "reset",
      acceptedOnly: input.acceptedOnly,
    });
    if (!run.ok) return refused(run, { form: "run" as const });
    return {
      form: "run" as const,
      run: {
        added: run.added,
        removed: run.removed,
        load: run.load,
        pool: run.pool,
        // The entries themselves are listed below, from the loader, with why each one is short.
        shortCount: run.unassigned.length,
        ms: Math.round(performance.now() - started),
      },
    };
  }
  const outcome = await args.context.services.assignment.swap(
    user,
    competition.id,
    round.id,
    input.code,
    input.from,
    input.to,
    input.reason || null,
  );
  if (!outcome.ok) return refused(outcome, { form: "swap" as const });
  return { form: "swap" as const, swapped: true };
}

/** The organizer runs the automatic assignment, sees its shape, and swaps one judge on a panel. */
export default function RoundAssignments() {
  const { round, overview, code, panel, live, short, shortTotal, acceptance } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const running = navigation.state === "submitting" && navigation.formData?.get("form") === "run";
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  const refusal = data && "refusal" in data ? data.refusal : null;
  const run = data && "run" in data ? data.run : null;
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-500">{t("assign.pairs")}</dt>
          <dd className="font-mono text-lg">{number.format(overview.pairs)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("assign.judges")}</dt>
          <dd className="font-mono text-lg">{overview.judges}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("assign.load")}</dt>
          <dd className="font-mono text-lg">
            {overview.load.min}–{overview.load.max}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("common.shortOfJudges")}</dt>
          <dd className={`font-mono text-lg ${overview.short ? "text-rose-700" : ""}`}>
            {number.format(overview.short)} / {number.format(overview.entries)}
          </dd>
        </div>
      </dl>

      <Section id="run" title={t("assign.runTitle")}>
        <p className="mt-1 text-sm text-slate-600">{t("assign.runHelp", { k: round.judges_per_entry })}</p>
        <Form
          method="post"
          className="mt-2 flex flex-wrap items-end gap-3 rounded-xl border border-slate-200 bg-white p-4"
        >
          <input type="hidden" name="form" value="run" />
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("assign.seed")}</span>
            <input name="seed" type="number" min={0} defaultValue={2026} className={inputClass} />
          </label>
          <label className="text-sm">
            <span className="block font-medium text-slate-700">{t("assign.mode")}</span>
            <select name="mode" defaultValue="fill" className={inputClass}>
              <option value="fill">{t("assign.modeFill")}</option>
              <option value="reset">{t("assign.modeReset")}</option>
            </select>
          </label>
          <label className="flex items-center gap-2 self-center text-sm">
            <input type="checkbox" name="acceptedOnly" />
            <span>
              <span className="block font-medium text-slate-700">{t("assignTable.acceptedOnly")}</span>
              <span className="block text-xs text-slate-500">
                {t("assignTable.acceptedOnlyHelp", { accepted: acceptance.accepted, total: acceptance.total })}
              </span>
            </span>
          </label>
          <button
            type="submit"
            disabled={running || round.status === "published"}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white disabled:opacity-60"
          >
            {t("assign.run")}
          </button>
          {running ? (
            <div role="status" className="w-full">
              <p className="text-sm text-slate-600">{t("assign.running")}</p>
              <progress className="h-2 w-full" aria-label={t("assign.running")} />
            </div>
          ) : null}
        </Form>
        {run ? (
          <div
            role="status"
            className="mt-3 space-y-2 rounded-xl border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900"
          >
            <p>
              {t("assign.done", {
                added: run.added,
                removed: run.removed,
                min: run.load.min,
                max: run.load.max,
                ms: run.ms,
              })}
            </p>
            <p>{t("assignTable.pool", { count: run.pool })}</p>
            {run.shortCount > 0 ? (
              <p className="font-medium text-rose-800">
                <a href="#short">{t("assign.shortList", { count: run.shortCount })}</a>
              </p>
            ) : null}
          </div>
        ) : null}
        {refusal && data?.form !== "swap" && data?.form !== "livePanel" ? (
          <FormMessage>{t(refusal.code)}</FormMessage>
        ) : null}
      </Section>

      <ShortEntries short={short} total={shortTotal} />
      <p className="text-sm">
        <Link to="table" relative="path" className="font-medium text-indigo-700 hover:underline">
          {t("assignTable.link")}
        </Link>
      </p>

      <Section id="panel" title={t("assign.panelTitle")}>
        <Form method="get" className="mt-2 flex gap-2">
          <input
            name="entry"
            defaultValue={code}
            placeholder={t("common.entryCode")}
            aria-label={t("common.entryCode")}
            className={inputClass}
          />
          <button type="submit" className="rounded-md border border-slate-300 px-4 py-2 text-sm font-medium">
            {t("assign.show")}
          </button>
        </Form>
        {data?.form === "swap" && "swapped" in data ? (
          <p role="status" className="mt-2 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("assign.swapped")}
          </p>
        ) : null}
        {data?.form === "swap" && refusal ? <FormMessage>{t(refusal.code)}</FormMessage> : null}
        {code && !panel ? <p className="mt-2 text-sm text-rose-700">{t("common.notInRound")}</p> : null}
        {panel ? (
          <div className="mt-3 space-y-3">
            <p className="text-sm">
              <Link to={`/admin/entries/${panel.entry.id}`} className="font-mono text-indigo-700 hover:underline">
                {panel.entry.code}
              </Link>{" "}
              · {localized(locale, panel.entry.title_zh, panel.entry.title_en)} · {panel.entry.organization} ·{" "}
              <CountryLabel code={panel.entry.country} locale={locale} />
            </p>
            <ul className="space-y-2">
              {panel.seated.map((j) => (
                <li
                  key={j.id}
                  className="flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white p-3 text-sm"
                >
                  <span className="font-medium">{j.name}</span>
                  <span className="text-slate-500">
                    {j.affiliation} · {j.country}
                  </span>
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs">
                    {t(`assign.scoreState.${j.status ?? "none"}`)}
                  </span>
                  {j.status !== "submitted" && search.get("entry") ? (
                    <Form method="post" className="ml-auto flex flex-wrap items-center gap-2">
                      <input type="hidden" name="form" value="swap" />
                      <input type="hidden" name="code" value={panel.entry.code} />
                      <input type="hidden" name="from" value={j.id} />
                      <select name="to" aria-label={t("assign.replaceWith")} className={inputClass} defaultValue="">
                        <option value="">{t("assign.replaceWith")}</option>
                        {panel.candidates.map((c) => (
                          <option key={c.id} value={c.id}>
                            {c.name} · {c.affiliation} · {t("common.entryCount", { count: c.load })}
                            {c.expert ? ` · ${t("assign.expert")}` : ""}
                          </option>
                        ))}
                      </select>
                      <ReasonInput />
                      <button
                        type="submit"
                        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
                      >
                        {t("assign.swap")}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </Section>
      {live ? (
        <LivePanelForm
          judges={live}
          result={data && "seated" in data ? (data.seated ?? null) : null}
          message={data?.form === "livePanel" && refusal ? refusal.code : null}
        />
      ) : null}
    </>
  );
}

/** Seats one panel on every entry of the live final: a checkbox per judge, the current panel ticked. */
function LivePanelForm({
  judges,
  result,
  message,
}: {
  judges: { id: number; name: string; affiliation: string; country: string; seated: boolean }[];
  result: { added: number; removed: number; skipped: { code: string; judge: string; reason: string }[] } | null;
  message: string | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const navigation = useNavigation();
  const [chosen, setChosen] = useState(() => new Set(judges.filter((j) => j.seated).map((j) => j.id)));
  return (
    <Section id="live-panel" title={t("assign.livePanelTitle")}>
      <p className="mt-1 text-sm text-slate-600">{t("assign.livePanelHelp")}</p>
      <Form
        method="post"
        className="mt-2 space-y-3 rounded-xl border border-slate-200 bg-white p-4"
        data-testid="live-panel-form"
      >
        <input type="hidden" name="form" value="livePanel" />
        <ul className="grid max-h-72 grid-cols-1 gap-1 overflow-y-auto text-sm sm:grid-cols-2">
          {judges.map((j) => (
            <li key={j.id}>
              <label className="flex items-center gap-2 rounded px-2 py-1 hover:bg-slate-50">
                <input
                  type="checkbox"
                  name="judge"
                  value={j.id}
                  checked={chosen.has(j.id)}
                  onChange={(e) => {
                    const next = new Set(chosen);
                    if (e.target.checked) next.add(j.id);
                    else next.delete(j.id);
                    setChosen(next);
                  }}
                />
                <span className="min-w-0 flex-1 truncate">
                  {j.name} <span className="text-slate-500">· {j.affiliation}</span>
                </span>
                <CountryLabel code={j.country} locale={locale} compact />
              </label>
            </li>
          ))}
        </ul>
        <div className="flex items-center gap-3">
          <button
            className="rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500 disabled:opacity-50"
            disabled={navigation.state !== "idle"}
          >
            {t("assign.livePanelSubmit")}
          </button>
          <span className="text-sm text-slate-600">{t("assign.livePanelChosen", { count: chosen.size })}</span>
        </div>
        {message ? <FormMessage>{t(message)}</FormMessage> : null}
        {result ? (
          <div role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900">
            <p>{t("assign.livePanelDone", { added: result.added, removed: result.removed })}</p>
            {result.skipped.length ? (
              <p className="mt-1">
                {t("assign.livePanelSkipped")}: {result.skipped.map((s) => `${s.code} × ${s.judge}`).join(", ")}
              </p>
            ) : null}
          </div>
        ) : null}
      </Form>
    </Section>
  );
}
