import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DeckUpload } from "~/components/deck-upload";
import { EntryForm } from "~/components/entry-form";
import type { SessionUser } from "~/services/auth.server";
import { FormMessage, inputClass, RefusalMessage } from "~/components/form-field";
import { RoundRanks } from "~/components/rank-of";
import { RegistrationDeadline } from "~/components/registration-deadline";
import { entryFormSchema } from "~/domain/entry-schemas";
import { idSchema, reasonSchema } from "~/domain/common-schemas";
import { messagesAt, refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { entryFormContext } from "~/routing/entry-form.server";
import { refused, refusedReply, throwRefusal } from "~/routing/refusals";
import { notFound } from "~/routing/responses";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "titles.myEntry");

const params = z.object({ id: idSchema });
const withdrawSchema = z.object({ form: z.literal("withdraw"), reason: reasonSchema });

async function ownEntry({ request, context, params: raw }: LoaderFunctionArgs) {
  const user = await context.services.auth.requireUser(request, "entrant");
  const parsed = params.safeParse(raw);
  // Someone else's entry and a missing one answer alike: guessing ids reveals nothing.
  const owned = parsed.success ? await context.services.registration.owned(user, parsed.data.id) : undefined;
  if (!owned) throw notFound();
  return { user, owned };
}

export async function loader(args: LoaderFunctionArgs) {
  const { user, owned } = await ownEntry(args);
  const [form, [mine]] = await Promise.all([
    entryFormContext(args.request, args.context, owned.entry.competition_id),
    args.context.services.entries.ownedBy(user.id, owned.entry.id),
  ]);
  const e = owned.entry;
  return {
    ranked: (mine?.rounds ?? []).filter((r) => r.published && r.rank !== null),
    options: form.options,
    window: form.window,
    entry: { id: e.id, code: e.code, status: e.status },
    deckPage: await args.context.services.decks.page(user, e.id, { as: "entrant" }),
    followOn: await args.context.services.matching.inFollowOn(user, e.id),
    defaults: {
      group: owned.groupCode,
      track: owned.trackCode,
      titleZh: e.title_zh ?? undefined,
      titleEn: e.title_en ?? undefined,
      summaryZh: e.summary_zh ?? undefined,
      summaryEn: e.summary_en ?? undefined,
      organization: e.organization,
      country: e.country,
      city: e.city ?? undefined,
      website: e.website ?? undefined,
      contactName: e.contact_name,
      contactEmail: e.contact_email,
      team: owned.team.map((m) => ({ name: m.name, role: m.role, email: m.email ?? undefined })),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const { user, owned } = await ownEntry(args);
  const { request, context } = args;
  const formData = await request.formData();
  if (formData.get("form") === "withdraw") return withdraw(args, user, owned.entry.id, formData);
  const { competition } = await entryFormContext(request, context, owned.entry.competition_id);
  const submission = parseWithZod(formData, { schema: entryFormSchema });
  // A team row added or removed without JavaScript comes back as a submission to show again, not an error.
  if (submission.status !== "success")
    return data({ result: submission.reply(), refusal: null }, { status: submission.status === "error" ? 400 : 200 });
  const outcome = await context.services.registration.update(user, competition, owned.entry.id, submission.value);
  if (!outcome.ok && outcome.kind === "not_found") throwRefusal(outcome);
  // Bad input at its field (400), registration closed or the entry withdrawn (409).
  if (!outcome.ok) return refusedReply(submission, outcome);
  const submitted = outcome.entry.status === "submitted" && submission.value.intent === "submit";
  return redirect(submitted ? `/me/entries/${owned.entry.id}/submitted` : `/me/entries/${owned.entry.id}?saved=1`);
}

async function withdraw({ context }: ActionFunctionArgs, user: SessionUser, entryId: number, formData: FormData) {
  const parsed = withdrawSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success)
    return refused(refuse.invalid(parsed.error.issues[0]?.message ?? "validation.required", "reason"), {
      result: null,
    });
  const outcome = await context.services.registration.withdraw(user, entryId, parsed.data.reason);
  if (!outcome.ok && outcome.kind === "not_found") throwRefusal(outcome);
  if (!outcome.ok) return refused(outcome, { result: null });
  return redirect(`/me/entries/${entryId}`);
}

export default function EditEntry() {
  const { options, window, entry, defaults, deckPage, ranked, followOn } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  const removed = entry.status === "withdrawn" || entry.status === "disqualified";
  const withdrawError = messagesAt(data?.refusal, "reason")[0];
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header>
        <p className="font-mono text-sm text-slate-500">{entry.code}</p>
        <h1 className="text-2xl font-bold tracking-tight text-slate-900">
          {t("entryForm.editTitle", { code: entry.code })}
        </h1>
        <p className="mt-1 inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
          {t(`me.status.${entry.status}`)}
        </p>
        <RegistrationDeadline closesAt={window.closesAt} open={window.open} />
        {ranked.length ? <RoundRanks rounds={ranked} /> : null}
        {followOn ? (
          <p className="mt-2">
            <Link
              to={`/me/entries/${entry.id}/follow-on`}
              className="text-sm font-medium text-indigo-700 hover:underline"
            >
              {t("matching.needs.link")}
            </Link>
            {" · "}
            <Link
              to={`/me/entries/${entry.id}/meetings`}
              className="text-sm font-medium text-indigo-700 hover:underline"
            >
              {t("outcome.list.title")}
            </Link>
          </p>
        ) : null}
      </header>
      {search.has("submitted") ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t("entryForm.submitted")}
        </p>
      ) : search.has("saved") ? (
        <p
          role="status"
          className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800"
        >
          {t("common.saved")}
        </p>
      ) : null}
      {removed ? (
        <FormMessage>{t("entryForm.withdrawn")}</FormMessage>
      ) : (
        <>
          {data && !data.result ? <RefusalMessage refusal={data.refusal} /> : null}
          <EntryForm
            options={options}
            defaults={defaults}
            lastResult={data?.result}
            refusal={data?.refusal}
            canSubmit={window.open && entry.status === "draft"}
            placementLocked={entry.status !== "draft"}
          />
          {deckPage ? (
            <DeckUpload action={`/me/entries/${entry.id}/deck`} {...deckPage} saved={search.get("deck") === "saved"} />
          ) : null}
          <details className="rounded-lg border border-rose-200 bg-white p-4">
            <summary className="cursor-pointer text-sm font-medium text-rose-700">{t("entryForm.withdraw")}</summary>
            <Form method="post" className="mt-3 space-y-3">
              <input type="hidden" name="form" value="withdraw" />
              <label className="block text-sm font-medium text-slate-700">
                {t("entryForm.withdrawReason")}
                <textarea
                  name="reason"
                  rows={2}
                  maxLength={500}
                  className={`mt-1 ${inputClass}`}
                  aria-invalid={withdrawError ? true : undefined}
                />
              </label>
              {withdrawError ? (
                <p role="alert" className="text-sm text-rose-700">
                  {t(withdrawError)}
                </p>
              ) : null}
              <button
                type="submit"
                className="rounded-md bg-rose-600 px-4 py-2 text-sm font-medium text-white hover:bg-rose-700"
              >
                {t("entryForm.withdrawConfirm")}
              </button>
            </Form>
          </details>
        </>
      )}
    </div>
  );
}
