// The audience vote on a phone: the finalists as large buttons while voting is open, the choice
// once made, and a quiet line while it is closed. It follows `state.voting` from the live channel;
// each button is a plain form post, so a phone without JavaScript votes too.
import { useActionData, useFetcher, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Localized, PublicState } from "~/domain/live-final";
import type { Locale } from "~/i18n/config";
import { useLocale } from "~/i18n/use-locale";
import type { ShownRefusal } from "~/routing/refusals";

type PageData = { slug: string; votedFor: number | null };
type VoteAnswer = { voted?: number; refusal?: ShownRefusal };

const pick = (locale: Locale, text: Localized) => (locale !== "en" ? text.zh || text.en : text.en || text.zh);

/** Only on the live page (its loader knows this phone's vote); elsewhere (a preview) it draws nothing. */
export function VotePanel({ state }: { state: PublicState }) {
  const page = useRouteLoaderData<PageData>("routes/live.$competition");
  const fetcher = useFetcher<VoteAnswer>();
  // Without JavaScript the button posts the whole page: its answer is the page's action data.
  const posted = useActionData<VoteAnswer>();
  const answer = fetcher.data ?? posted;
  const { t } = useTranslation();
  const locale = useLocale();
  if (!page) return null;
  const votedFor = answer?.voted ?? page.votedFor;
  const chosen = votedFor === null ? null : state.entries.find((e) => e.id === votedFor);
  const open = state.voting === "open";
  const refusal = answer?.refusal;
  return (
    <section
      className="rounded-2xl bg-white/5 p-5 lg:hidden"
      aria-label={t("live.votes.heading")}
      data-testid="vote-panel"
      data-voting={state.voting}
      data-voted={votedFor ?? ""}
    >
      <h2 className="text-xl font-bold">{t("live.votes.heading")}</h2>
      {chosen ? (
        <p className="mt-3 text-lg" role="status">
          {t("live.votes.votedFor", { title: pick(locale, chosen.title) })}{" "}
          <span className="opacity-80">{open ? t("live.votes.thanks") : t("live.votes.closedAfterVote")}</span>
        </p>
      ) : !open ? (
        <p className="mt-2 opacity-80">{t("live.votes.closed")}</p>
      ) : (
        <>
          <p className="mt-2 opacity-80">{t("live.votes.prompt")}</p>
          <ul className="mt-4 space-y-3">
            {state.entries.map((entry) => (
              <li key={entry.id}>
                <fetcher.Form method="post" action={`/live/${page.slug}`}>
                  <input type="hidden" name="intent" value="vote" />
                  <button
                    type="submit"
                    name="entryId"
                    value={entry.id}
                    disabled={fetcher.state !== "idle"}
                    className="flex min-h-16 w-full items-center gap-3 rounded-xl bg-indigo-500/30 px-4 py-3 text-left text-lg font-semibold ring-1 ring-indigo-300/40 hover:bg-indigo-500/50 focus:outline-none focus-visible:ring-4 disabled:opacity-60"
                  >
                    <span className="font-mono text-base opacity-70">{entry.code}</span>
                    <span>{pick(locale, entry.title)}</span>
                  </button>
                </fetcher.Form>
              </li>
            ))}
          </ul>
          {fetcher.state !== "idle" ? <p className="mt-3 opacity-80">{t("live.votes.sending")}</p> : null}
        </>
      )}
      {refusal ? (
        <p className="mt-3 font-semibold text-amber-300" role="alert">
          {t(refusal.code, refusal.params)}
        </p>
      ) : null}
    </section>
  );
}
