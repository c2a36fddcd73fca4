import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { CountryLabel } from "~/components/country-label";
import { DeckUpload } from "~/components/deck-upload";
import { EntryHistory } from "~/components/entry-history";
import { inputClass, RefusalMessage } from "~/components/form-field";
import { Section } from "~/components/section";
import { localized, useLocale } from "~/i18n/use-locale";
import { idSchema, reasonSchema as reason, slugSchema } from "~/domain/common-schemas";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { refused } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";
import { organizerEdition } from "~/routing/edition.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.entry");

const params = z.object({ id: idSchema });
const actionSchema = z.discriminatedUnion("form", [
  z.object({
    form: z.literal("status"),
    // A draft's form starts on "Draft", which cannot be chosen: applying it asks for a status.
    status: z.enum(["withdrawn", "disqualified", "submitted"], { error: "validation.required" }),
    reason,
  }),
  z.object({
    form: z.literal("move"),
    group: z.string().regex(/^[A-Z]{2,4}$/),
    track: z.string().regex(/^[A-Z0-9]{2,4}$/),
    reason,
  }),
  z.object({
    form: z.literal("feedback"),
    round: slugSchema,
    feedback: z.string().trim().max(4000, { error: "validation.tooLong" }),
  }),
]);

async function context_(args: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(args.request, args.context);
  const { id } = parseParams(args.params, params);
  return { user, competition, id };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition, id } = await context_(args);
  const detail = await args.context.services.entryAdmin.detail(competition.id, id);
  if (!detail) throw notFound();
  return {
    ...detail,
    deckPage: await args.context.services.decks.page(user, id, { as: "organizer", competitionId: competition.id }),
    groups: detail.placements.groups,
    tracks: detail.placements.tracks,
    timeZone: competition.time_zone,
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition, id } = await context_(args);
  const parsed = actionSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) {
    // The page shows the first problem above its forms.
    const issue = parsed.error.issues[0];
    return refused(refuse.invalid(issue?.message ?? "validation.required", String(issue?.path[0] ?? "")), {
      form: null,
    });
  }
  const input = parsed.data;
  const admin = args.context.services.entryAdmin;
  if (input.form === "feedback") {
    const outcome = await admin.setFeedback(user, competition.id, id, input.round, input.feedback || null);
    if (!outcome.ok) return refused(outcome, { form: "feedback" });
    return redirect(`/admin/entries/${id}?updated=1`);
  }
  if (input.form === "status") {
    // The status it already has is a conflict (409); an unknown entry 404.
    const outcome = await admin.setStatus(user, competition.id, id, input.status, input.reason);
    if (!outcome.ok) return refused(outcome, { form: "status" });
    return redirect(`/admin/entries/${id}?updated=1`);
  }
  const outcome = await admin.move(user, competition.id, id, input.group, input.track, input.reason);
  if (!outcome.ok) return refused(outcome, { form: "move" });
  return redirect(`/admin/entries/${id}?moved=${outcome.code}`);
}

export default function AdminEntry() {
  const { entry, team, history, rounds, groups, tracks, formerCodes, placements, timeZone, deckPage } =
    useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <header>
        <p className="font-mono text-sm text-slate-500">{entry.code}</p>
        {formerCodes.length > 0 ? (
          <p className="text-xs text-slate-500" title={t("entryHistory.formerCodesHint")} data-testid="former-codes">
            {t("entryHistory.formerCodes")}:{" "}
            <span className="font-mono">{formerCodes.map((c) => c.code).join(", ")}</span>
          </p>
        ) : null}
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {localized(locale, entry.title_zh, entry.title_en)}
        </h1>
        <p className="mt-1 text-sm text-slate-600">
          {t(`me.status.${entry.status}`)}
          {entry.status_reason ? ` · ${entry.status_reason}` : null}
        </p>
      </header>
      {search.get("moved") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("admin.moved", { code: search.get("moved") })}
        </p>
      ) : null}
      {search.has("updated") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("admin.updated")}
        </p>
      ) : null}
      {/* Every refusal here is shown above the forms, whichever field it concerns. */}
      <RefusalMessage refusal={data?.refusal ? { code: data.refusal.code, params: data.refusal.params } : null} />

      <dl className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-slate-500">
            {t("common.group")} / {t("common.track")}
          </dt>
          <dd>
            {entry.groupCode} · {entry.trackCode}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("common.organization")}</dt>
          <dd>{entry.organization}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("common.country")}</dt>
          <dd>
            <CountryLabel code={entry.country} locale={locale} /> {entry.city}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("entryForm.contactName")}</dt>
          <dd>
            {entry.contact_name} · {entry.contact_email}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("admin.entrant")}</dt>
          <dd>{entry.entrantEmail ?? t("common.none")}</dd>
        </div>
        <div>
          <dt className="text-slate-500">{t("entryForm.team")}</dt>
          <dd>{team.map((m) => `${m.name} (${m.role})`).join(", ")}</dd>
        </div>
      </dl>

      {deckPage ? (
        <DeckUpload
          action={`/admin/entries/${entry.id}/deck`}
          {...deckPage}
          organizer
          timeZone={timeZone}
          saved={search.get("deck") === "saved"}
        />
      ) : null}

      {rounds.length > 0 ? (
        <Section id="rounds" title={t("admin.round")}>
          <ul className="mt-2 space-y-2 text-sm">
            {rounds.map((r) => (
              <li key={r.slug} className="rounded-lg border border-slate-200 bg-white px-3 py-2">
                <p>
                  {localized(locale, r.name_zh, r.name_en)} · {t(`entry.state.${r.state}`)}
                  {r.rank !== null ? ` · ${t("entry.rankIn", { rank: r.rank })}` : null}
                  {r.result !== null ? <span className="font-mono"> · {r.result}</span> : null}
                </p>
                <Form method="post" className="mt-2 flex flex-col gap-2 sm:flex-row">
                  <input type="hidden" name="form" value="feedback" />
                  <input type="hidden" name="round" value={r.slug} />
                  <textarea
                    name="feedback"
                    defaultValue={r.feedback ?? ""}
                    maxLength={4000}
                    rows={2}
                    aria-label={t("me.feedback")}
                    placeholder={t("me.feedback")}
                    className={inputClass}
                  />
                  <button
                    type="submit"
                    className="self-start rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
                  >
                    {t("admin.apply")}
                  </button>
                </Form>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <div className="grid gap-4 md:grid-cols-2">
        <Form method="post" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("admin.changeStatus")}</h2>
          <input type="hidden" name="form" value="status" />
          {/* It starts on the status the entry has: a click on Apply without choosing changes nothing. */}
          <select name="status" aria-label={t("admin.newStatus")} className={inputClass} defaultValue={entry.status}>
            {entry.status === "draft" ? (
              <option value="draft" disabled>
                {t("me.status.draft")}
              </option>
            ) : null}
            {(["submitted", "withdrawn", "disqualified"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`me.status.${s}`)}
              </option>
            ))}
          </select>
          <textarea
            name="reason"
            required
            maxLength={500}
            rows={2}
            placeholder={t("common.reason")}
            aria-label={t("common.reason")}
            className={inputClass}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("admin.apply")}
          </button>
        </Form>
        <Form method="post" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4">
          <h2 className="font-semibold">{t("admin.move")}</h2>
          <input type="hidden" name="form" value="move" />
          <div className="grid grid-cols-2 gap-2">
            <select
              name="group"
              aria-label={t("common.group")}
              defaultValue={entry.groupCode}
              className={inputClass}
              aria-invalid={data?.form === "move" && data.refusal.field === "group" ? true : undefined}
            >
              {groups.map((g) => (
                <option key={g.code} value={g.code}>
                  {localized(locale, g.nameZh, g.nameEn)}
                </option>
              ))}
            </select>
            <select name="track" aria-label={t("common.track")} defaultValue={entry.trackCode} className={inputClass}>
              {tracks.map((tr) => (
                <option key={tr.code} value={tr.code}>
                  {localized(locale, tr.nameZh, tr.nameEn)}
                </option>
              ))}
            </select>
          </div>
          <textarea
            name="reason"
            required
            maxLength={500}
            rows={2}
            placeholder={t("common.reason")}
            aria-label={t("common.reason")}
            className={inputClass}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("admin.apply")}
          </button>
        </Form>
      </div>

      <Section id="history" title={t("admin.history")}>
        <EntryHistory history={history} placements={placements} timeZone={timeZone} />
      </Section>
    </div>
  );
}
