import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { JudgeStage } from "~/components/live/judge-stage";
import { judgeContext } from "~/routing/guards.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "live.judge.title");

/** The judge's stage view: only a judge on the live final's panel gets the form. */
export async function loader(args: LoaderFunctionArgs) {
  const { user, competition } = await judgeContext(args);
  const live = args.context.services.live;
  const [view, snapshot, criteria] = await Promise.all([
    live.judgeView(user, competition.slug),
    live.snapshot(competition.slug),
    live.rubric(competition.slug),
  ]);
  return { slug: competition.slug, userId: user.id, view, state: snapshot?.state ?? null, criteria: criteria ?? [] };
}

export default function JudgeLive() {
  const { slug, userId, view, state, criteria } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // Before the final starts (or before this judge is seated) the page checks again now and then.
  useEffect(() => {
    if (view) return;
    const timer = window.setInterval(() => revalidator.revalidate(), 10_000);
    return () => window.clearInterval(timer);
  }, [view, revalidator]);
  if (!view) {
    return (
      <div className="mx-auto max-w-lg space-y-2">
        <h1 className="text-xl font-bold text-slate-900">{t("live.judge.title")}</h1>
        <p className="text-slate-600" data-testid="not-on-panel">
          {state ? t("live.judge.notOnPanel") : t("live.notStarted")}
        </p>
      </div>
    );
  }
  return <JudgeStage slug={slug} userId={userId} initial={state} view={view} criteria={criteria} />;
}
