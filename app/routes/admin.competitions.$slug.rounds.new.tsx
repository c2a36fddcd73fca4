// Adding a round at the end of an edition: its names, address, kind, ranking scope, judges,
// advancement, rule and starting rubric. The round page (/admin/rounds/<slug>) edits the rest.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormField, RefusalMessage, inputClass } from "~/components/form-field";
import { Section } from "~/components/section";
import { competitionSlugSchema } from "~/domain/common-schemas";
import { ROUNDINGS } from "~/domain/decimal";
import { NORMALIZATIONS } from "~/domain/ranking";
import { messagesAt } from "~/domain/refusal";
import { ROUND_KINDS, SCOPES, type RoundKind } from "~/domain/round-settings";
import { formatMilli } from "~/domain/score-sheet";
import { COMBINES } from "~/domain/scoring";
import { pageTitle } from "~/i18n/meta";
import { localized, useLocale } from "~/i18n/use-locale";
import { chooseEditionHeader } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";
import { notFound } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "roundCreate.titleNew");

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
  const kind: RoundKind = new URL(args.request.url).searchParams.get("kind") === "stage" ? "stage" : "online";
  const form = await args.context.services.roundCreate.form(user, competitionSlug, kind);
  if (!form.ok) throwRefusal(form);
  const { competition, rounds, position, stageRound, defaults, defaultRubric } = form;
  return {
    competition: {
      slug: competition.slug,
      nameZh: competition.name_zh,
      nameEn: competition.name_en,
      timeZone: competition.time_zone,
    },
    rounds,
    position,
    stageRound,
    kind,
    defaults,
    defaultRubric: defaultRubric.map((c) => ({
      ...c,
      weight: formatMilli(c.weightBp * 10),
      max: formatMilli(c.maxMilli),
    })),
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competitionSlug } = await organizerAndEdition(args);
  const formData = await args.request.formData();
  const values = Object.fromEntries([...formData].map(([k, v]) => [k, typeof v === "string" ? v : ""]));
  const outcome = await args.context.services.roundCreate.create(user, competitionSlug, values);
  if (!outcome.ok) return refused(outcome, { values });
  // The round page shows the organizer's chosen edition: make it this one.
  return redirect(`/admin/rounds/${outcome.slug}?saved=created`, {
    headers: { "Set-Cookie": await chooseEditionHeader(competitionSlug) },
  });
}

function Choice({ value, label, checked }: { value: string; label: ReactNode; checked: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-700">
      <input type="radio" name="rubric" value={value} defaultChecked={checked} className="mt-1" />
      <span>{label}</span>
    </label>
  );
}

/** The new round's form, filled with the defaults of its kind (or what was posted, after a refusal). */
export default function NewRound() {
  const { competition, rounds, position, stageRound, kind, defaults, defaultRubric } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const refusal = answer && "refusal" in answer ? answer.refusal : null;
  const posted = (answer && "values" in answer ? answer.values : null) as Record<string, string> | null;
  const value = (name: string, fallback: string | number) => posted?.[name] ?? String(fallback);
  const errors = (name: string) => {
    const messages = messagesAt(refusal, name).map((m) => t(m, refusal?.params ?? {}));
    return messages.length ? messages : undefined;
  };
  const control = (name: string) => ({
    id: `round-${name}`,
    name,
    "aria-invalid": errors(name) ? true : undefined,
    "aria-describedby": errors(name) ? `round-${name}-error` : undefined,
    className: inputClass,
  });
  const field = (name: string, label: string, input: ReactNode, hint?: string) => (
    <FormField
      id={`round-${name}`}
      label={label}
      errors={errors(name)}
      errorId={`round-${name}-error`}
      {...(hint ? { hint } : {})}
    >
      {input}
    </FormField>
  );
  const number = (name: string, fallback: number | string, min: number, max?: number) => (
    <input {...control(name)} type="number" min={min} max={max} defaultValue={value(name, fallback)} />
  );
  const select = (name: string, fallback: string, options: readonly { value: string; label: string }[]) => (
    <select {...control(name)} defaultValue={value(name, fallback)}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
  const tieOptions = [
    { value: "", label: t("round.tieNone") },
    ...(["untrimmed-mean", "median", "previous-round"] as const).map((k) => ({ value: k, label: t(`round.tie.${k}`) })),
  ];
  const copyable = rounds.filter((r) => r.criteria > 0);
  const previous = rounds[rounds.length - 1];
  const rubricStart = posted?.["rubric"] ?? "default";
  return (
    <div className="mx-auto max-w-5xl space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link to={`/admin/competitions/${competition.slug}/rounds`} className="text-indigo-700 hover:underline">
            {t("roundCreate.edition", { name: localized(locale, competition.nameZh, competition.nameEn) })}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("roundCreate.titleNew")}</h1>
        <p className="mt-1 text-sm text-slate-600">
          {t("roundCreate.intro", { position })}{" "}
          {previous
            ? t("roundCreate.introAfter", { previous: localized(locale, previous.nameZh, previous.nameEn) })
            : null}
        </p>
        <p className="mt-1 text-sm">
          <Link to={kind === "stage" ? "?" : "?kind=stage"} className="text-indigo-700 hover:underline">
            {t(kind === "stage" ? "roundCreate.useOnlineDefaults" : "roundCreate.useStageDefaults")}
          </Link>
        </p>
        {stageRound ? (
          <p className="mt-1 text-sm text-slate-600">{t("roundCreate.stageTaken", { round: stageRound })}</p>
        ) : null}
      </div>
      <RefusalMessage refusal={refusal} />
      <Form method="post" className="space-y-6">
        <input type="hidden" name="position" value={position} />
        <Section id="rule" title={t("round.ruleTitle")}>
          <div className="mt-2 grid gap-4 rounded-xl border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3">
            {field(
              "nameZh",
              t("round.nameZh"),
              <input {...control("nameZh")} defaultValue={value("nameZh", "")} lang="zh-Hans" />,
            )}
            {field(
              "nameEn",
              t("round.nameEn"),
              <input {...control("nameEn")} defaultValue={value("nameEn", "")} lang="en" />,
            )}
            {field(
              "slug",
              t("roundCreate.slug"),
              <input {...control("slug")} defaultValue={value("slug", "")} autoCapitalize="none" spellCheck={false} />,
              t("roundCreate.slugHint"),
            )}
            {field(
              "kind",
              t("round.kindLabel"),
              select(
                "kind",
                kind,
                ROUND_KINDS.map((k) => ({ value: k, label: t(`round.kind.${k}`) })),
              ),
            )}
            {field(
              "scope",
              t("round.scopeLabel"),
              select(
                "scope",
                defaults.scope,
                SCOPES.map((s) => ({ value: s, label: t(`round.scope.${s}`) })),
              ),
            )}
            {field(
              "judgesPerEntry",
              t("rounds.judgesPerEntry"),
              number("judgesPerEntry", defaults.judgesPerEntry, 1, 50),
            )}
            {field(
              "advanceCount",
              t("round.advanceCount"),
              number("advanceCount", defaults.advanceCount, 0),
              t("roundCreate.advanceHint"),
            )}
            {field(
              "advancePerOrganization",
              t("round.advancePerOrganization"),
              number("advancePerOrganization", "", 1),
              t("round.advancePerOrganizationHint"),
            )}
            {field("dropHighest", t("round.dropHighest"), number("dropHighest", defaults.dropHighest, 0, 10))}
            {field("dropLowest", t("round.dropLowest"), number("dropLowest", defaults.dropLowest, 0, 10))}
            {field(
              "combine",
              t("round.combineLabel"),
              select(
                "combine",
                defaults.combine,
                COMBINES.map((c) => ({ value: c, label: t(`round.combine.${c}`) })),
              ),
            )}
            {field(
              "multiplier",
              t("round.multiplier"),
              <input {...control("multiplier")} inputMode="decimal" defaultValue={value("multiplier", "")} />,
              t("round.multiplierHint"),
            )}
            {field("decimals", t("round.decimals"), number("decimals", defaults.decimals, 0, 6))}
            {field(
              "rounding",
              t("round.roundingLabel"),
              select(
                "rounding",
                defaults.rounding,
                ROUNDINGS.map((r) => ({ value: r, label: t(`round.rounding.${r}`) })),
              ),
            )}
            {field(
              "normalization",
              t("round.normalizationLabel"),
              select(
                "normalization",
                defaults.normalization,
                NORMALIZATIONS.map((n) => ({ value: n, label: t(`round.normalization.${n}`) })),
              ),
              t("round.normalizationHint"),
            )}
            {([1, 2, 3] as const).map((n) => (
              <div key={n}>
                {field(
                  `tieBreak${n}`,
                  t("round.tieBreakN", { n }),
                  select(`tieBreak${n}`, defaults.tieBreaks[n - 1] ?? "", tieOptions),
                  n === 3 ? t("roundCreate.tieBreakHint") : undefined,
                )}
              </div>
            ))}
            {field(
              "opensAt",
              t("round.opensAt"),
              <input {...control("opensAt")} type="datetime-local" defaultValue={value("opensAt", "")} />,
            )}
            {field(
              "closesAt",
              t("round.closesAt"),
              <input {...control("closesAt")} type="datetime-local" defaultValue={value("closesAt", "")} />,
              t("round.editionTime", { zone: competition.timeZone }),
            )}
            <label className="flex items-center gap-2 self-end text-sm text-slate-700">
              <input
                type="checkbox"
                name="avoidSameCountry"
                value="on"
                defaultChecked={posted?.["avoidSameCountry"] === "on"}
              />
              {t("round.avoidSameCountry")}
            </label>
          </div>
        </Section>

        <Section id="rubric" title={t("roundCreate.rubricTitle")}>
          <p className="mt-1 text-sm text-slate-600">{t("roundCreate.rubricHelp")}</p>
          <fieldset className="mt-2 space-y-3 rounded-xl border border-slate-200 bg-white p-4">
            <legend className="sr-only">{t("roundCreate.rubricTitle")}</legend>
            <Choice value="default" checked={rubricStart !== "copy"} label={t("roundCreate.rubricDefault")} />
            <ul className="ml-6 list-disc text-sm text-slate-600">
              {defaultRubric.map((c) => (
                <li key={c.nameEn}>
                  {localized(locale, c.nameZh, c.nameEn)} · {c.weight}% · {t("rubric.max")} {c.max}
                </li>
              ))}
            </ul>
            {copyable.length > 0 ? (
              <>
                <Choice value="copy" checked={rubricStart === "copy"} label={t("roundCreate.rubricCopy")} />
                <div className="ml-6 max-w-sm">
                  {field(
                    "copyFrom",
                    t("roundCreate.copyFrom"),
                    select(
                      "copyFrom",
                      copyable[copyable.length - 1]!.slug,
                      copyable.map((r) => ({
                        value: r.slug,
                        label: `${r.position}. ${localized(locale, r.nameZh, r.nameEn)} (${t("roundCreate.criteriaCount", { count: r.criteria })})`,
                      })),
                    ),
                  )}
                </div>
              </>
            ) : null}
            {errors("rubric") ? (
              <p id="round-rubric-error" role="alert" className="text-sm text-rose-700">
                {errors("rubric")!.join(" ")}
              </p>
            ) : null}
          </fieldset>
        </Section>
        {errors("position") ? (
          <p id="round-position-error" role="alert" className="text-sm text-rose-700">
            {errors("position")!.join(" ")}
          </p>
        ) : null}
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
          {t("roundCreate.create")}
        </button>
      </Form>
    </div>
  );
}
