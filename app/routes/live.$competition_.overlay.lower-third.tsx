// The lower-third overlay for a livestream (an OBS or vMix browser source of 1920×1080): the
// finalist on stage, the pitch timer and the revealed result, on a transparent backdrop or a chroma
// key (?background=green|blue|magenta); empty while nobody is on stage.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { LowerThird } from "~/components/live/overlay/lower-third";
import { OverlayError } from "~/components/live/overlay/overlay-error";
import { SafeArea } from "~/components/live/overlay/safe-area";
import { useLiveChannel } from "~/components/live/use-live-channel";
import { useServerClock } from "~/components/live/use-server-clock";
import { loadOverlay } from "~/routing/live-overlay.server";

/** No site header, and html and body take the overlay's backdrop (root.tsx reads `overlay`). */
export const handle = { fullScreen: true, overlay: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name.zh} · ${data.name.en} · lower third` : "Frontier" },
];

export const loader = ({ request, params, context }: LoaderFunctionArgs) => loadOverlay(request, params, context);

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function Following({ slug, initial }: { slug: string; initial: Loaded["state"] }) {
  const clock = useServerClock();
  const { state } = useLiveChannel(slug, initial, clock.attach);
  return (
    <SafeArea testId="safe-area">{state ? <LowerThird state={state} clockOffsetMs={clock.offsetMs} /> : null}</SafeArea>
  );
}

export default function LowerThirdPage() {
  const { slug, state } = useLoaderData<typeof loader>();
  return <Following key={slug} slug={slug} initial={state} />;
}

export const ErrorBoundary = OverlayError;
