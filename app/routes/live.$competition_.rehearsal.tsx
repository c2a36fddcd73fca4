// The rehearsal's big screen: the same board as the real final's, on the rehearsal's channel,
// marked "rehearsal" across the top so nobody in the hall takes it for the real results.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AudienceBoard } from "~/components/live/audience-board";
import { rehearsalChannel } from "~/live/protocol";
import { notFound } from "~/routing/responses";

export const handle = { fullScreen: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name.zh} · ${data.name.en} (rehearsal · 彩排)` : "Frontier" },
];

/** Public like the real board; before a rehearsal starts it waits for one. */
export async function loader({ params, context }: LoaderFunctionArgs) {
  const competition = await context.services.competitions.bySlug(params.competition ?? "");
  if (!competition) throw notFound();
  const channel = rehearsalChannel(competition.slug);
  const snapshot = await context.services.live.snapshot(channel);
  return { channel, name: { zh: competition.name_zh, en: competition.name_en }, state: snapshot?.state ?? null };
}

export default function RehearsalBoard() {
  const { channel, name, state } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="relative">
      <div
        data-testid="rehearsal-banner"
        className="pointer-events-none fixed inset-x-0 top-0 z-50 bg-amber-500/90 py-1 text-center text-[2vh] font-bold uppercase tracking-widest text-white"
      >
        {t("live.rehearsal.badge")}
      </div>
      <AudienceBoard key={channel} slug={channel} initial={state} competitionName={name} />
    </div>
  );
}
