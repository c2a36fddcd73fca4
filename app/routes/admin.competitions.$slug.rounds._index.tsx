// An edition's rounds in order: what each holds, adding one, deleting or moving one that nothing
// depends on yet (with a confirmation that says what happens), and filling the first round.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { FormMessage } from "~/components/form-field";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { Section } from "~/components/section";
import { competitionSlugSchema, slugSchema } from "~/domain/common-schemas";
import { messagesAt, refuseParse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { chooseEditionHeader } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";
import { notFound } from "~/routing/responses";
import { useNumberFormat } from "~/i18n/formats";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roundCreate.titleList");

async function organizerAndEdition({
  request,
  context,
  params,
}: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const user = await context.services.auth.requireUser(request, "organizer");
  const slug = competitionSlugSchema.safeParse(params["slug"]);
  if (!slug.success) throw notFound();
  return { user, competitionSlug: slug.data };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, competitionSlug } = await organizerAndEdition(args);
  const overview = await args.context.services.roundCreate.overview(user, competitionSlug);
  if (!overview.ok) throwRefusal(overview);
  const { competition, rounds, waiting, checks } = overview;
  // The round pages (/admin/rounds/…) linked from here show the organizer's chosen edition: this one.
  return data(
    {
      competition: { slug: competition.slug, nameZh: competition.name_zh, nameEn: competition.name_en },
      rounds,
      waiting,
      checks,
    },
    { headers: { "Set-Cookie": await chooseEditionHeader(competition.slug) } },
  );
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("delete"), round: slugSchema, confirm: z.literal("on").optional() }),
  z.object({ intent: z.literal("move"), round: slugSchema, direction: z.enum(["up", "down"]) }),
  z.object({ intent: z.literal("enter"), round: slugSchema }),
  z.object({ intent: z.literal("empty"), round: slugSchema }),
]);

export async function action(args: ActionFunctionArgs) {
  const { user, competitionSlug } = await organizerAndEdition(args);
  const parsed = actionSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) return refused(refuseParse(parsed.error, "validation.required"), { intent: "", round: "" });
  const posted = parsed.data;
  const service = args.context.services.roundCreate;
  const base = `/admin/competitions/${competitionSlug}/rounds`;
  if (posted.intent === "delete") {
    const outcome = await service.remove(user, competitionSlug, posted.round, posted.confirm === "on");
    if (!outcome.ok) return refused(outcome, { intent: posted.intent, round: posted.round });
    return redirect(`${base}?deleted=${posted.round}`);
  }
  if (posted.intent === "move") {
    const outcome = await service.move(user, competitionSlug, posted.round, posted.direction);
    if (!outcome.ok) return refused(outcome, { intent: posted.intent, round: posted.round });
    return redirect(`${base}?moved=${outcome.position}`);
  }
  if (posted.intent === "empty") {
    const outcome = await service.emptyFirstRound(user, competitionSlug, posted.round);
    if (!outcome.ok) return refused(outcome, { intent: posted.intent, round: posted.round });
    return redirect(`${base}?emptied=${outcome.removed}`);
  }
  const outcome = await service.enterSubmitted(user, competitionSlug, posted.round);
  if (!outcome.ok) return refused(outcome, { intent: posted.intent, round: posted.round });
  return redirect(`${base}?entered=${outcome.entered}`);
}

const buttonClass = "rounded-md border border-slate-300 px-3 py-1 text-sm font-medium disabled:opacity-40";

/** The rounds of one edition, with the set-up actions each still allows. */
export default function EditionRounds() {
  const { competition, rounds, waiting, checks } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  const refusal = answer && "refusal" in answer ? answer.refusal : null;
  const deleting = rounds.find(
    (r) => r.slug === (search.get("delete") ?? (answer?.intent === "delete" ? answer.round : null)),
  );
  const first = rounds[0];
  const nameOf = (r: { name_zh: string; name_en: string }) => localized(locale, r.name_zh, r.name_en);
  const confirmErrors = messagesAt(refusal, "confirm");
  const done = search.get("deleted")
    ? t("roundCreate.deleted")
    : search.get("moved")
      ? t("roundCreate.moved", { position: search.get("moved") })
      : search.get("entered")
        ? t("roundCreate.entered", { count: Number(search.get("entered")) })
        : search.get("emptied")
          ? t("roundCreate.emptied", { count: Number(search.get("emptied")) })
          : null;
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <p className="text-sm text-slate-500">{localized(locale, competition.nameZh, competition.nameEn)}</p>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("roundCreate.titleList")}</h1>
        </div>
        <Link
          to={`/admin/competitions/${competition.slug}/rounds/new`}
          className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white"
        >
          {t("roundCreate.addRound")}
        </Link>
      </div>
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
      {refusal && confirmErrors.length === 0 ? (
        <FormMessage>{t(refusal.code, refusal.params ?? {})}</FormMessage>
      ) : null}

      {deleting?.deletable ? (
        <section aria-labelledby="delete-title" className="rounded-xl border border-rose-200 bg-rose-50 p-4">
          <h2 id="delete-title" className="text-lg font-semibold text-rose-900">
            {t("roundCreate.deleteTitle", { round: nameOf(deleting) })}
          </h2>
          <p className="mt-1 text-sm text-rose-900">
            {t("roundCreate.deleteWhat", { round: nameOf(deleting), count: deleting.criteria })}{" "}
            {rounds.some((r) => r.position > deleting.position)
              ? t("roundCreate.deleteMoves", {
                  rounds: rounds
                    .filter((r) => r.position > deleting.position)
                    .map((r) => `${nameOf(r)} ${r.position} → ${r.position - 1}`)
                    .join(", "),
                })
              : null}{" "}
            {t("roundCreate.deleteUndo")}
          </p>
          <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="round" value={deleting.slug} />
            <label className="flex items-center gap-2 text-sm text-rose-900">
              <input
                type="checkbox"
                name="confirm"
                value="on"
                required
                aria-invalid={confirmErrors.length ? true : undefined}
                aria-describedby={confirmErrors.length ? "round-confirm-error" : undefined}
              />
              {t("roundCreate.confirmLabel")}
            </label>
            <button type="submit" className="rounded-md bg-rose-700 px-4 py-2 text-sm font-medium text-white">
              {t("roundCreate.deleteButton")}
            </button>
            <Link to="." className="text-sm text-slate-700 hover:underline">
              {t("roundCreate.cancel")}
            </Link>
          </Form>
          {confirmErrors.length ? (
            <p id="round-confirm-error" role="alert" className="mt-2 text-sm text-rose-700">
              {confirmErrors.map((m) => t(m, refusal?.params ?? {})).join(" ")}
            </p>
          ) : null}
        </section>
      ) : null}

      {checks.length > 0 ? (
        <Section id="checks" title={t("roundCreate.checksTitle")}>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-900">
            {checks.map((c) => (
              <li key={`${c.code}:${String(c.params["round"] ?? "")}`}>{t(c.code, c.params)}</li>
            ))}
          </ul>
        </Section>
      ) : null}

      {rounds.length === 0 ? <p className="text-slate-600">{t("roundCreate.none")}</p> : null}
      <ol className="space-y-3">
        {rounds.map((r) => (
          <li key={r.id} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="flex flex-wrap items-center gap-3">
              <Link to={`/admin/rounds/${r.slug}`} className="text-lg font-semibold text-indigo-700 hover:underline">
                {r.position}. {nameOf(r)}
              </Link>
              <RoundStatusBadge status={r.status} />
              <span className="text-sm text-slate-500">
                {t(`round.kind.${r.kind}`)} · {t(`round.scope.${r.scope}`)}
              </span>
            </div>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm sm:grid-cols-5">
              {(
                [
                  ["roundCreate.rubric", t("roundCreate.criteriaCount", { count: r.criteria })],
                  ["rounds.judgesPerEntry", number.format(r.judges_per_entry)],
                  ["round.advanceCount", number.format(r.advance_count)],
                  ["rounds.entries", number.format(r.entries)],
                  ["rounds.assignments", number.format(r.assignments)],
                ] as const
              ).map(([label, shown]) => (
                <div key={label}>
                  <dt className="text-slate-500">{t(label)}</dt>
                  <dd className="font-mono">{shown}</dd>
                </div>
              ))}
            </dl>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <Link to={`/admin/rounds/${r.slug}`} className={buttonClass}>
                {t("roundCreate.setUp")}
              </Link>
              {(["up", "down"] as const).map((direction) => (
                <Form method="post" key={direction}>
                  <input type="hidden" name="intent" value="move" />
                  <input type="hidden" name="round" value={r.slug} />
                  <input type="hidden" name="direction" value={direction} />
                  <button
                    type="submit"
                    className={buttonClass}
                    disabled={direction === "up" ? !r.canMoveUp : !r.canMoveDown}
                  >
                    {t(direction === "up" ? "roundCreate.moveUp" : "roundCreate.moveDown")}
                  </button>
                </Form>
              ))}
              {r.deletable ? (
                <Link to={`?delete=${r.slug}`} className={`${buttonClass} text-rose-700`}>
                  {t("roundCreate.delete")}
                </Link>
              ) : null}
            </div>
          </li>
        ))}
      </ol>

      {first ? (
        <Section id="first-round" title={t("roundCreate.enterTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("roundCreate.enterHelp")}</p>
          <p className="mt-1 text-sm text-slate-700">
            {waiting > 0
              ? t("roundCreate.enterWaiting", { count: waiting, round: nameOf(first) })
              : t("roundCreate.enterNoneWaiting", { round: nameOf(first) })}
          </p>
          {waiting > 0 ? (
            <Form method="post" className="mt-2">
              <input type="hidden" name="intent" value="enter" />
              <input type="hidden" name="round" value={first.slug} />
              <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
                {t("roundCreate.enterButton", { count: waiting, round: nameOf(first) })}
              </button>
            </Form>
          ) : null}
          {first.status === "draft" && first.entries > 0 && first.assignments + first.scores === 0 ? (
            <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
              <input type="hidden" name="intent" value="empty" />
              <input type="hidden" name="round" value={first.slug} />
              <button type="submit" className={buttonClass}>
                {t("roundCreate.emptyButton", { count: first.entries, round: nameOf(first) })}
              </button>
              <span className="text-sm text-slate-500">{t("roundCreate.emptyHelp")}</span>
            </Form>
          ) : null}
        </Section>
      ) : null}
    </div>
  );
}
