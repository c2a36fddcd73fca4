// A round's organizer pages (settings, assignments, dashboard, results) render inside this layout:
// one heading and one row of tabs, as wide as the tab asks through its `handle`.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useActionData, useLoaderData, useMatches } from "@remix-run/react";
import { RoundTabs, type RoundTabHandle } from "~/components/round-tabs";
import { localized, useLocale } from "~/i18n/use-locale";
import { organizerRound } from "~/routing/guards.server";
import { action as settingsAction } from "./admin.rounds.$round._index";

/**
 * A form posted to the round's own URL without `?index` (a script; browsers' forms add it) reaches
 * this layout rather than the settings tab at the same URL: it is the settings tab's form, so it is
 * answered by that tab's action, and its answer is handed to the tab through the outlet.
 */
export const action = settingsAction;

/** What the layout hands its tab: the answer to a form posted to the layout's URL. */
export type RoundOutletContext = { answer: unknown };

export async function loader(args: LoaderFunctionArgs) {
  const { round } = await organizerRound(args);
  return { round: { slug: round.slug, nameZh: round.name_zh, nameEn: round.name_en, status: round.status } };
}

function tabWidth(handle: unknown): RoundTabHandle["width"] {
  const width = (handle as Partial<RoundTabHandle> | undefined)?.width;
  return width ?? "max-w-5xl";
}

export default function RoundLayout() {
  const { round } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const locale = useLocale();
  const matches = useMatches();
  const width = tabWidth(matches[matches.length - 1]?.handle);
  return (
    <div className={`mx-auto ${width} space-y-6`}>
      <RoundTabs slug={round.slug} name={localized(locale, round.nameZh, round.nameEn)} status={round.status} />
      <Outlet context={{ answer } satisfies RoundOutletContext} />
    </div>
  );
}
