// The ranking overlay for a livestream (an OBS or vMix browser source of 1920×1080): the top rows
// (?rows=1–30, 10 by default) on a transparent backdrop or a chroma key (?background=green|blue|magenta).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { OverlayError } from "~/components/live/overlay/overlay-error";
import { RankingOverlay } from "~/components/live/overlay/ranking-overlay";
import { SafeArea } from "~/components/live/overlay/safe-area";
import { useLiveChannel } from "~/components/live/use-live-channel";
import { loadOverlay } from "~/routing/live-overlay.server";

/** No site header, and html and body take the overlay's backdrop (root.tsx reads `overlay`). */
export const handle = { fullScreen: true, overlay: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name.zh} · ${data.name.en} · ranking overlay` : "Frontier" },
];

export const loader = ({ request, params, context }: LoaderFunctionArgs) => loadOverlay(request, params, context);

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;

function Following({ slug, initial, rows }: { slug: string; initial: Loaded["state"]; rows: number }) {
  const { state } = useLiveChannel(slug, initial);
  return <SafeArea testId="safe-area">{state ? <RankingOverlay state={state} rows={rows} /> : null}</SafeArea>;
}

export default function RankingOverlayPage() {
  const { slug, state, rows } = useLoaderData<typeof loader>();
  return <Following key={slug} slug={slug} initial={state} rows={rows} />;
}

export const ErrorBoundary = OverlayError;
