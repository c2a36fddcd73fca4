// A judge's phone for the rehearsal: the same stage view as the real final's, on the rehearsal's
// channel, with a banner saying the marks given here do not count.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { JudgeStage } from "~/components/live/judge-stage";
import { rehearsalChannel } from "~/live/protocol";
import { judgeContext } from "~/routing/guards.server";
import { pageTitle } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "live.rehearsal.title");

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition } = await judgeContext(args);
  const live = args.context.services.live;
  const channel = rehearsalChannel(competition.slug);
  const [view, snapshot, criteria] = await Promise.all([
    live.judgeView(user, channel),
    live.snapshot(channel),
    live.rubric(channel),
  ]);
  return { channel, userId: user.id, view, state: snapshot?.state ?? null, criteria: criteria ?? [] };
}

export default function JudgeRehearsal() {
  const { channel, userId, view, state, criteria } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  // Until a rehearsal runs (or after it ends) the page checks again now and then.
  useEffect(() => {
    if (view) return;
    const timer = window.setInterval(() => revalidator.revalidate(), 10_000);
    return () => window.clearInterval(timer);
  }, [view, revalidator]);
  return (
    <div className="space-y-3">
      <p
        data-testid="rehearsal-banner"
        className="rounded-lg bg-amber-100 p-2 text-center font-semibold text-amber-900"
      >
        {t("live.rehearsal.banner")}
      </p>
      {view ? (
        <JudgeStage key={channel} slug={channel} userId={userId} initial={state} view={view} criteria={criteria} />
      ) : (
        <p className="text-slate-600" data-testid="not-on-panel">
          {state ? t("live.judge.notOnPanel") : t("live.rehearsal.notRunning")}
        </p>
      )}
    </div>
  );
}
