// One edition's set-up: its groups and tracks (added here, edited while no entry depends on what
// changes) and its rounds in order, with the way to add a round. Field names of the POSTs:
// form=group|editGroup (id, code, nameZh, nameEn, preset, countries…), form=track|editTrack (id, code, nameZh, nameEn).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GroupForm, TrackForm, type GroupValues } from "~/components/edition-setup-forms";
import { RoundStatusBadge } from "~/components/round-status-badge";
import { Section } from "~/components/section";
import { competitionSlugSchema, idSchema } from "~/domain/common-schemas";
import { groupFormSchema, isoToZonedLocal, trackFormSchema } from "~/domain/edition-schemas";
import { presetOf } from "~/domain/eligibility-presets";
import { refuse, refuseParse } from "~/domain/refusal";
import { countryOptions } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { localeOf } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { chosenEdition } from "~/routing/edition.server";
import { refused } from "~/routing/refusals";
import { notFound, parseParams } from "~/routing/responses";
import { useNumberFormat } from "~/i18n/formats";

const params = z.object({ slug: competitionSlugSchema });

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [{ title: "Frontier" }];
  const c = data.competition;
  return [{ title: `${localeOf(matches) === "en" ? c.name_en : c.name_zh} (${c.edition}) · Frontier` }];
};

async function edition({ request, context, params: raw }: Pick<LoaderFunctionArgs, "request" | "context" | "params">) {
  const user = await context.services.auth.requireUser(request, "organizer");
  const setup = await context.services.editions.setup(parseParams(raw, params).slug);
  if (!setup) throw notFound();
  return { user, ...setup };
}

export async function loader(args: LoaderFunctionArgs) {
  const { competition, groups, tracks } = await edition(args);
  const [rounds, chosen, locale] = await Promise.all([
    args.context.services.rounds.list(competition.id),
    chosenEdition(args.request, args.context),
    resolveLocale(args.request),
  ]);
  return {
    competition,
    groups,
    tracks,
    rounds,
    chosen: chosen?.id === competition.id,
    countries: countryOptions(locale),
    window: {
      opensAt: isoToZonedLocal(competition.registration_opens_at, competition.time_zone).replace("T", " "),
      closesAt: isoToZonedLocal(competition.registration_closes_at, competition.time_zone).replace("T", " "),
    },
  };
}

/** The form's fields as posted, a multi-select's repeated `countries` kept together. */
function posted(formData: FormData) {
  return { ...Object.fromEntries(formData), countries: formData.getAll("countries").map(String) };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition } = await edition(args);
  const formData = await args.request.formData();
  const form = String(formData.get("form") ?? "");
  const id = form.startsWith("edit") ? idSchema.safeParse(formData.get("id")) : null;
  if (id && !id.success) return refused(refuse.notFound("admin.notFound"), { form, id: null });
  const target = id?.data ?? null;
  const editions = args.context.services.editions;
  const back = (anchor: string) => redirect(`/admin/competitions/${competition.slug}?saved=${anchor}#${anchor}`);
  if (form === "group" || form === "editGroup") {
    const values = posted(formData);
    const parsed = groupFormSchema.safeParse(values);
    if (!parsed.success) return refused(refuseParse(parsed.error), { form, id: target, values });
    const outcome =
      target === null
        ? await editions.addGroup(user, competition.id, parsed.data)
        : await editions.updateGroup(user, competition.id, target, parsed.data);
    if (!outcome.ok) return refused(outcome, { form, id: target, values });
    return back("groups");
  }
  if (form === "track" || form === "editTrack") {
    const values = Object.fromEntries(formData);
    const parsed = trackFormSchema.safeParse(values);
    if (!parsed.success) return refused(refuseParse(parsed.error), { form, id: target, values });
    const outcome =
      target === null
        ? await editions.addTrack(user, competition.id, parsed.data)
        : await editions.updateTrack(user, competition.id, target, parsed.data);
    if (!outcome.ok) return refused(outcome, { form, id: target, values });
    return back("tracks");
  }
  return refused(refuse.invalid("validation.required", "form"), { form, id: null });
}

export default function EditionSetup() {
  const { competition, groups, tracks, rounds, chosen, countries, window } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [search] = useSearchParams();
  // A new key per page visit empties the "add" forms once what they added is saved.
  const visit = useLocation().key;
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  const refusalOf = (form: string, id: number | null = null) =>
    answer && answer.form === form && answer.id === id && "refusal" in answer ? answer.refusal : null;
  const valuesOf = (form: string, id: number | null = null) =>
    answer && answer.form === form && answer.id === id && "values" in answer
      ? (answer.values as Record<string, string | string[]>)
      : null;
  const text = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(" ") : (v ?? ""));
  const groupValues = (v: Record<string, string | string[]> | null, fallback: GroupValues): GroupValues =>
    v
      ? {
          code: text(v["code"]),
          nameZh: text(v["nameZh"]),
          nameEn: text(v["nameEn"]),
          countries: text(v["countries"])
            .split(/[\s,;]+/)
            .filter(Boolean),
        }
      : fallback;
  const trackValues = (
    v: Record<string, string | string[]> | null,
    fallback: { code: string; nameZh: string; nameEn: string },
  ) => (v ? { code: text(v["code"]), nameZh: text(v["nameZh"]), nameEn: text(v["nameEn"]) } : fallback);
  const copied = search.get("copied");
  const name = localized(locale, competition.name_zh, competition.name_en);

  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <header className="space-y-2">
        <Link to="/admin/competitions" className="text-sm font-medium text-indigo-700 hover:underline">
          ← {t("editions.setup.back")}
        </Link>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("editions.public.editionName", { name, year: competition.edition })}
        </h1>
        <p className="text-sm text-slate-600">
          <span className="font-mono">/c/{competition.slug}</span> · {competition.time_zone} ·{" "}
          {t("editions.columns.registration")} {window.opensAt} – {window.closesAt}
        </p>
        {search.get("created") ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("editions.setup.created")}
          </p>
        ) : null}
        {copied ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {t("editions.setup.copied", {
              from: copied,
              groups: search.get("groups") ?? "0",
              tracks: search.get("tracks") ?? "0",
              rounds: search.get("rounds") ?? "0",
              judges: search.get("judges") ?? "0",
            })}
          </p>
        ) : null}
        {search.get("saved") ? (
          <p role="status" className="text-sm text-emerald-700">
            {t("editions.setup.saved")}
          </p>
        ) : null}
        {chosen ? null : (
          <Form method="post" action="/admin/competitions?index" reloadDocument>
            <input type="hidden" name="slug" value={competition.slug} />
            <button
              type="submit"
              className="rounded-md border border-indigo-300 px-3 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50"
            >
              {t("editions.workOn")}
            </button>
          </Form>
        )}
      </header>

      <Section id="groups" title={t("editions.setup.groups")}>
        <p className="text-sm text-slate-500">{t("editions.setup.groupsHint")}</p>
        {groups.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("editions.setup.noGroups")}</p> : null}
        <ul className="mt-3 space-y-2">
          {groups.map((g) => {
            const preset = presetOf(g.countries);
            return (
              <li key={g.id} data-group={g.code} className="rounded-xl border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  <span className="font-mono text-sm font-semibold text-slate-500">{g.code}</span>
                  <span className="font-medium text-slate-900">{localized(locale, g.name_zh, g.name_en)}</span>
                  <span className="text-sm text-slate-500">{t(`home.${g.region}`)}</span>
                  <span className="text-sm text-slate-600" title={g.countries.join(" ")}>
                    {preset ? t(`editions.presets.${preset}`) : g.countries.slice(0, 12).join(" ")}
                    {!preset && g.countries.length > 12 ? " …" : ""} ·{" "}
                    {t("editions.setup.countriesCount", { count: g.countries.length })}
                  </span>
                  <span className="ml-auto text-sm tabular-nums text-slate-600">
                    {t("common.entryCount", { count: g.entries, n: number.format(g.entries) })}
                  </span>
                </div>
                <details className="mt-2" open={refusalOf("editGroup", g.id) !== null}>
                  <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                    {t("editions.setup.edit")}
                  </summary>
                  <div className="mt-2">
                    <GroupForm
                      id={g.id}
                      locked={g.entries > 0}
                      countries={countries}
                      refusal={refusalOf("editGroup", g.id)}
                      values={groupValues(valuesOf("editGroup", g.id), {
                        code: g.code,
                        nameZh: g.name_zh,
                        nameEn: g.name_en,
                        countries: g.countries,
                      })}
                    />
                  </div>
                </details>
              </li>
            );
          })}
        </ul>
        <div className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="mb-3 font-semibold text-slate-900">{t("editions.setup.addGroup")}</h3>
          <GroupForm
            key={visit}
            countries={countries}
            refusal={refusalOf("group")}
            values={groupValues(valuesOf("group"), { code: "", nameZh: "", nameEn: "", countries: [] })}
          />
        </div>
      </Section>

      <Section id="tracks" title={t("editions.setup.tracks")}>
        <p className="text-sm text-slate-500">{t("editions.setup.tracksHint")}</p>
        {tracks.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("editions.setup.noTracks")}</p> : null}
        <ul className="mt-3 space-y-2">
          {tracks.map((tr) => (
            <li key={tr.id} data-track={tr.code} className="rounded-xl border border-slate-200 bg-white p-3">
              <div className="flex flex-wrap items-baseline gap-x-3">
                <span className="font-mono text-sm font-semibold text-slate-500">{tr.code}</span>
                <span className="font-medium text-slate-900">{localized(locale, tr.name_zh, tr.name_en)}</span>
                <span className="ml-auto text-sm tabular-nums text-slate-600">
                  {t("common.entryCount", { count: tr.entries, n: number.format(tr.entries) })}
                </span>
              </div>
              <details className="mt-2" open={refusalOf("editTrack", tr.id) !== null}>
                <summary className="cursor-pointer text-sm font-medium text-indigo-700">
                  {t("editions.setup.edit")}
                </summary>
                <div className="mt-2">
                  <TrackForm
                    id={tr.id}
                    locked={tr.entries > 0}
                    refusal={refusalOf("editTrack", tr.id)}
                    values={trackValues(valuesOf("editTrack", tr.id), {
                      code: tr.code,
                      nameZh: tr.name_zh,
                      nameEn: tr.name_en,
                    })}
                  />
                </div>
              </details>
            </li>
          ))}
        </ul>
        <div className="mt-4 rounded-xl border border-slate-200 bg-white p-4">
          <h3 className="mb-3 font-semibold text-slate-900">{t("editions.setup.addTrack")}</h3>
          <TrackForm
            key={visit}
            refusal={refusalOf("track")}
            values={trackValues(valuesOf("track"), { code: "", nameZh: "", nameEn: "" })}
          />
        </div>
      </Section>

      <Section id="rounds" title={t("editions.setup.rounds")}>
        <p className="text-sm text-slate-500">{t("editions.setup.roundsHint")}</p>
        {rounds.length === 0 ? <p className="mt-2 text-sm text-slate-600">{t("editions.setup.noRounds")}</p> : null}
        <ol className="mt-3 space-y-2">
          {rounds.map((r) => (
            <li
              key={r.id}
              className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3"
            >
              {chosen ? (
                <Link to={`/admin/rounds/${r.slug}`} className="font-semibold text-indigo-700 hover:underline">
                  {r.position}. {localized(locale, r.name_zh, r.name_en)}
                </Link>
              ) : (
                // Round pages work on the chosen edition: opening this one's round first makes it the chosen one.
                <Form method="post" action="/admin/competitions?index" reloadDocument>
                  <input type="hidden" name="slug" value={competition.slug} />
                  <input type="hidden" name="redirectTo" value={`/admin/rounds/${r.slug}`} />
                  <button type="submit" className="font-semibold text-indigo-700 hover:underline">
                    {r.position}. {localized(locale, r.name_zh, r.name_en)}
                  </button>
                </Form>
              )}
              <RoundStatusBadge status={r.status} />
              <span className="text-sm text-slate-500">{t(`round.scope.${r.scope}`)}</span>
            </li>
          ))}
        </ol>
        <Link
          to={`/admin/competitions/${competition.slug}/rounds/new`}
          className="mt-3 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700"
        >
          {t("editions.setup.addRound")}
        </Link>
      </Section>
    </div>
  );
}
