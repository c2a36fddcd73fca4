import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { useTranslation } from "react-i18next";
import { DistributionChart } from "~/components/distribution-chart";
import { RemindBehind } from "~/components/messages/remind-behind";
import { refuse } from "~/domain/refusal";
import { refused, throwRefusal } from "~/routing/refusals";
import { Section } from "~/components/section";
import { StatCard } from "~/components/stat-card";
import { localized, useLocale } from "~/i18n/use-locale";
import { organizerRound } from "~/routing/guards.server";
import { pageTitle } from "~/i18n/meta";
import type { RoundTabHandle } from "~/components/round-tabs";
import { useNumberFormat } from "~/i18n/formats";

/** How wide the round's layout lays this tab out. */
export const handle: RoundTabHandle = { width: "max-w-6xl" };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.dashboard");

export async function loader(args: LoaderFunctionArgs) {
  const { user, round, competition } = await organizerRound(args);
  const service = args.context.services.judgingDashboard;
  const [dashboard, reminders] = await Promise.all([
    service.dashboard(round.id),
    service.reminderPreview(user, round.id),
  ]);
  if (!reminders.ok) throwRefusal(reminders);
  const { ok: _ok, ...reminderList } = reminders;
  const reminded = new URL(args.request.url).searchParams.get("reminded");
  const sent = reminded === null ? null : z.coerce.number().int().min(0).catch(0).parse(reminded);
  return { round, dashboard, reminders: reminderList, sent, timeZone: competition.time_zone };
}

const remindSchema = z.object({
  form: z.literal("remind"),
  fingerprint: z.string().trim().min(1).max(64),
  confirm: z.literal("on"),
});

/** "Remind judges who are behind", confirmed: the reminders go to the outbox, or the refusal says why not. */
export async function action(args: ActionFunctionArgs) {
  const { user, round } = await organizerRound(args);
  const parsed = remindSchema.safeParse(Object.fromEntries(await args.request.formData()));
  if (!parsed.success) return refused(refuse.invalid("messages.remind.confirmLabel", "confirm"));
  const outcome = await args.context.services.judgingDashboard.sendReminders(user, round.id, parsed.data.fingerprint);
  if (!outcome.ok) return refused(outcome);
  return redirect(`/admin/rounds/${round.slug}/dashboard?reminded=${outcome.sent}#reminders`);
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 100) : 0);

/** Progress per judge and per ranking unit, what is short, who is behind, whose marks stand out. */
export default function JudgingDashboard() {
  const { round, dashboard: d, reminders, sent, timeZone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const number = useNumberFormat();
  const dec = useNumberFormat({ maximumFractionDigits: 2, minimumFractionDigits: 2 });
  const behind = d.judges.filter((j) => j.behind);
  return (
    <>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <StatCard label={t("dashboard.progress")} value={`${pct(d.totals.submitted, d.totals.assigned)}%`} />
        <StatCard
          label={t("dashboard.submittedOf")}
          value={`${number.format(d.totals.submitted)} / ${number.format(d.totals.assigned)}`}
        />
        <StatCard label={t("common.shortOfJudges")} value={number.format(d.short.needsJudges)} />
        <StatCard label={t("dashboard.behind")} value={number.format(behind.length)} />
      </dl>

      <RemindBehind
        preview={reminders}
        sent={sent}
        timeZone={timeZone}
        refusal={data && "refusal" in data ? data.refusal : null}
      />

      <Section id="units" title={t("dashboard.units")}>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3">{t("dashboard.unit")}</th>
                <th className="pr-3">{t("rounds.entries")}</th>
                <th className="pr-3">{t("dashboard.complete")}</th>
                <th>{t("dashboard.progress")}</th>
              </tr>
            </thead>
            <tbody>
              {d.units.map((u) => (
                <tr key={u.unit} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{localized(locale, u.nameZh, u.nameEn)}</td>
                  <td className="pr-3 font-mono">{number.format(u.entries)}</td>
                  <td className="pr-3 font-mono">{number.format(u.complete)}</td>
                  <td className="min-w-40">
                    <div className="flex items-center gap-2">
                      <progress
                        value={u.submitted}
                        max={Math.max(1, u.entries * d.round.k)}
                        className="h-2 w-32"
                        aria-label={localized(locale, u.nameZh, u.nameEn)}
                      />
                      <span className="font-mono text-xs">{pct(u.submitted, u.entries * d.round.k)}%</span>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <Section id="distribution" title={t("dashboard.distribution")}>
        <div className="mt-2">
          <DistributionChart bins={d.distribution} />
        </div>
      </Section>

      <Section id="outliers" title={t("dashboard.outliers")}>
        <p className="mt-1 text-sm text-slate-600">{t("dashboard.outliersHelp")}</p>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-slate-500">
              <tr>
                <th className="py-1 pr-3">{t("dashboard.judge")}</th>
                <th className="pr-3">{t("dashboard.flag")}</th>
                <th className="pr-3">{t("dashboard.shared")}</th>
                <th className="pr-3">{t("dashboard.mean")}</th>
                <th className="pr-3">{t("dashboard.panelMean")}</th>
                <th className="pr-3">{t("dashboard.spread")}</th>
                <th>{t("dashboard.panelSpread")}</th>
              </tr>
            </thead>
            <tbody>
              {(d.outliers.length ? d.outliers : d.deviations.slice(0, 5)).map((o) => (
                <tr key={o.judgeId} className="border-t border-slate-100">
                  <td className="py-1 pr-3">{o.name}</td>
                  <td className="pr-3">
                    {o.flag ? (
                      <span className="rounded bg-amber-100 px-2 py-0.5 text-xs text-amber-900">
                        {t(`dashboard.flags.${o.flag}`)}
                      </span>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className="pr-3 font-mono">{o.shared}</td>
                  <td className="pr-3 font-mono">{dec.format(o.mean)}</td>
                  <td className="pr-3 font-mono">{dec.format(o.panelMean)}</td>
                  <td className="pr-3 font-mono">{dec.format(o.spread)}</td>
                  <td className="font-mono">{dec.format(o.panelSpread)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Section id="judges" title={t("dashboard.judges")}>
          <ul className="mt-2 max-h-[32rem] space-y-1 overflow-auto text-sm" data-testid="judge-progress">
            {d.judges.map((j) => (
              <li
                key={j.id}
                data-judge={j.id}
                className={`flex items-center gap-2 rounded px-2 py-1 ${j.behind ? "bg-rose-50" : ""}`}
              >
                <span className="min-w-0 flex-1 truncate">{j.name}</span>
                {j.behind ? <span className="text-xs text-rose-700">{t("dashboard.isBehind")}</span> : null}
                <span className="font-mono text-xs">
                  {j.submitted}/{j.assigned}
                </span>
                <progress value={j.submitted} max={Math.max(1, j.assigned)} className="h-2 w-24" aria-label={j.name} />
              </li>
            ))}
          </ul>
        </Section>
        <Section id="short" title={t("dashboard.shortEntries")}>
          <p className="mt-1 text-sm text-slate-600">
            {t("dashboard.shortSummary", { needs: d.short.needsJudges, awaiting: d.short.awaitingScores })}
          </p>
          <ul className="mt-2 max-h-[32rem] space-y-1 overflow-auto text-sm">
            {d.short.list.map((s) => (
              <li key={s.id} className="flex gap-2">
                <Link
                  to={`/admin/rounds/${round.slug}/assignments?entry=${s.code}`}
                  className="font-mono text-indigo-700 hover:underline"
                >
                  {s.code}
                </Link>
                <span className="min-w-0 flex-1 truncate">{localized(locale, s.titleZh, s.titleEn)}</span>
                <span className={`font-mono text-xs ${s.needsJudges ? "text-rose-700" : ""}`}>
                  {s.needsJudges
                    ? t("dashboard.assignedOf", { n: s.assigned, k: d.round.k })
                    : t("dashboard.submittedOfK", { n: s.submitted, k: d.round.k })}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
    </>
  );
}
