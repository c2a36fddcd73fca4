import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import QRCode from "qrcode";
import { z } from "zod";
import { AudienceBoard } from "~/components/live/audience-board";
import { refuseLive } from "~/domain/live-refusals";
import { refused } from "~/routing/refusals";
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
  const cookie = request.headers.get("Cookie");
  const [snapshot, phoneVote] = await Promise.all([
    context.services.live.snapshot(competition.slug),
    // The phone's voting pass is given on its first visit: a vote is then one per device.
    context.services.votes.visit(competition.slug, cookie),
  ]);
  // The big screen shows where to follow on a phone: this very page, as a QR code.
  const url = new URL(`/live/${competition.slug}`, request.url).href;
  const qr = await QRCode.toString(url, {
    type: "svg",
    margin: 1,
    errorCorrectionLevel: "M",
    color: { dark: "#0f172a", light: "#ffffff" },
  });
  return data(
    {
      slug: competition.slug,
      name: { zh: competition.name_zh, en: competition.name_en },
      state: snapshot?.state ?? null,
      phone: { url, qr },
      votedFor: phoneVote.votedFor,
    },
    phoneVote.setCookie ? { headers: { "Set-Cookie": phoneVote.setCookie } } : undefined,
  );
}

const voteForm = z.object({
  intent: z.literal("vote"),
  entryId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});

/**
 * The audience vote is a plain form post rather than a socket message: it works without
 * JavaScript, carries the device's cookie and the client's address like any request, and its
 * answer can set the cookie again.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = voteForm.safeParse(Object.fromEntries(await request.formData()));
  if (!form.success) return refused(refuseLive("invalidPayload"));
  const outcome = await context.services.votes.cast({
    slug: params.competition ?? "",
    entryId: form.data.entryId,
    cookieHeader: request.headers.get("Cookie"),
    address: context.clientIp,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!outcome.ok) return refused(outcome);
  return { voted: outcome.entryId };
}

export default function LiveAudience() {
  const { slug, name, state, phone } = useLoaderData<typeof loader>();
  return <AudienceBoard key={slug} slug={slug} initial={state} competitionName={name} phone={phone} />;
}
