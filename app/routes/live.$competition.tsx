import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { AudienceBoard } from "~/components/live/audience-board";
import { notFound } from "~/routing/responses";

/** The big screen has no site header: the whole projector is the board. */
export const handle = { fullScreen: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.name.zh} · ${data.name.en}` : "Frontier" },
];

/** Public, no sign-in: the state is what the live channel would send on join. */
export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const competition = await context.services.competitions.bySlug(params.competition ?? "");
  if (!competition) throw notFound();
  const snapshot = await context.services.live.snapshot(competition.slug);
  // The big screen shows where to follow on a phone: this very page, as a QR code.
  const url = new URL(`/live/${competition.slug}`, request.url).href;
  const qr = await QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#0f172a", light: "#ffffff" },
  });
  return {
    slug: competition.slug,
    name: { zh: competition.name_zh, en: competition.name_en },
    state: snapshot?.state ?? null,
    phone: { url, qr },
  };
}

export default function LiveAudience() {
  const { slug, name, state, phone } = useLoaderData<typeof loader>();
  return <AudienceBoard key={slug} slug={slug} initial={state} competitionName={name} phone={phone} />;
}
