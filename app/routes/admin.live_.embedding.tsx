// The livestream's addresses and the partner sites allowed to embed the live pages: the overlays'
// URLs to paste into OBS or vMix, and the list of origins (checked on the server, each message at
// the field, saved in one audited transaction).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, refusalOptions } from "~/components/form-field";
import { MAX_EMBED_ORIGINS } from "~/domain/embed-origins";
import { refuseLive } from "~/domain/live-refusals";
import { formMessage, messagesAt } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { organizerEdition } from "~/routing/edition.server";
import { refused, throwRefusal } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "livestream.embedding.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const view = await context.services.embedding.view(user, competition.slug);
  if (!view.ok) throwRefusal(view);
  const at = (path: string) => new URL(path, request.url).href;
  return {
    origins: view.origins,
    pages: {
      ranking: at(`/live/${competition.slug}/overlay/ranking`),
      lowerThird: at(`/live/${competition.slug}/overlay/lower-third`),
      board: at(`/live/${competition.slug}`),
    },
  };
}

const embeddingForm = z.object({ origins: z.string().max(4000) });

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, competition } = await organizerEdition(request, context);
  const raw = Object.fromEntries(await request.formData());
  const form = embeddingForm.safeParse(raw);
  if (!form.success) return refused(refuseLive("invalidPayload"), { text: "" });
  const outcome = await context.services.embedding.save(user, competition.slug, form.data.origins);
  // The refused text comes back as typed, so the organizer corrects it rather than typing it again.
  if (!outcome.ok) return refused(outcome, { text: form.data.origins });
  return { saved: outcome.origins };
}

function Address({ label, href, testId }: { label: string; href: string; testId: string }) {
  return (
    <li className="space-y-1">
      <p className="text-sm font-medium text-slate-700">{label}</p>
      <code className="block break-all rounded bg-slate-100 px-2 py-1 text-sm" data-testid={testId}>
        {href}
      </code>
    </li>
  );
}

export default function LiveEmbedding() {
  const { origins, pages } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const refusal = answer && "refusal" in answer ? answer.refusal : null;
  const errors = messagesAt(refusal, "origins");
  const general = formMessage(refusal);
  const saved = answer && "saved" in answer ? answer.saved : null;
  const text = refusal && answer && "text" in answer ? answer.text : origins.join("\n");
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <h1 className="text-2xl font-semibold">{t("livestream.embedding.title")}</h1>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">{t("livestream.embedding.overlays")}</h2>
        <p className="text-sm text-slate-600">{t("livestream.embedding.overlaysHint")}</p>
        <ul className="space-y-3">
          <Address label={t("livestream.embedding.ranking")} href={pages.ranking} testId="overlay-ranking-url" />
          <Address label={t("livestream.embedding.lowerThird")} href={pages.lowerThird} testId="overlay-lower-url" />
          <Address label={t("livestream.embedding.board")} href={pages.board} testId="board-url" />
        </ul>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 className="text-lg font-semibold">{t("livestream.embedding.partners")}</h2>
        <p className="text-sm text-slate-600">{t("livestream.embedding.partnersHint", { max: MAX_EMBED_ORIGINS })}</p>
        {saved ? (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
            {saved.length ? t("livestream.embedding.saved", { count: saved.length }) : t("livestream.embedding.none")}
          </p>
        ) : null}
        {general ? (
          <p role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {t(general, refusalOptions(refusal))}
          </p>
        ) : null}
        <Form method="post" className="space-y-3">
          <label htmlFor="embed-origins" className="block text-sm font-medium text-slate-700">
            {t("livestream.embedding.originsLabel")}
          </label>
          <textarea
            id="embed-origins"
            name="origins"
            rows={6}
            maxLength={4000}
            spellCheck={false}
            // A new answer (saved or refused) resets the field to what the server holds or was sent.
            key={JSON.stringify(answer ?? null)}
            defaultValue={text}
            placeholder="https://partner.example"
            className={`${inputClass} font-mono text-sm`}
            {...(errors.length ? { "aria-invalid": true, "aria-describedby": "embed-origins-error" } : {})}
          />
          {errors.length ? (
            <p id="embed-origins-error" role="alert" className="text-sm text-rose-700">
              {errors.map((e) => t(e, refusalOptions(refusal))).join(" ")}
            </p>
          ) : !origins.length && !saved ? (
            <p className="text-xs text-slate-500">{t("livestream.embedding.none")}</p>
          ) : null}
          <button
            type="submit"
            disabled={navigation.state !== "idle"}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {t("livestream.embedding.save")}
          </button>
        </Form>
      </section>
    </div>
  );
}
