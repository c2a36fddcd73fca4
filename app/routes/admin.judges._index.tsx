import {
  MaxPartSizeExceededError,
  redirect,
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass } from "~/components/form-field";
import { CreateJudgeForm } from "~/components/judges/create-judge-form";
import { ImportJudges } from "~/components/judges/import-judges";
import { InviteAll } from "~/components/judges/invite-all";
import { JudgeTable } from "~/components/judges/judge-table";
import { Section } from "~/components/section";
import { refuse } from "~/domain/refusal";
import { countryOptions } from "~/i18n/countries";
import { resolveLocale } from "~/i18n/locale.server";
import { pageTitle } from "~/i18n/meta";
import { refused, throwRefusal } from "~/routing/refusals";
import { readSpreadsheet } from "~/services/entry-import.server";
import type { SessionUser } from "~/services/auth.server";
import { SpreadsheetRefused } from "~/services/spreadsheet-reading/limits";
import { organizerEdition } from "~/routing/edition.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "common.judges");

async function organizer({ request, context }: Pick<LoaderFunctionArgs, "request" | "context">) {
  return organizerEdition(request, context);
}

/** The bulk invitation's confirmation: the list's fingerprint and the ticked box. */
const inviteAllSchema = z.object({
  fingerprint: z.string().trim().min(1).max(64),
  confirm: z.literal("on", { error: "messages.invite.confirmLabel" }),
});

export async function loader(args: LoaderFunctionArgs) {
  const { user, competition } = await organizer(args);
  const q = z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .parse(new URL(args.request.url).searchParams.get("q") ?? undefined);
  const invited = new URL(args.request.url).searchParams.get("invited");
  const sent = invited === null ? null : z.coerce.number().int().min(0).catch(0).parse(invited);
  const [judges, tallies, options, locale, invitations] = await Promise.all([
    args.context.services.judges.list(competition.id, q),
    args.context.services.judges.conflictTallies(competition.id),
    args.context.services.registration.options(competition.id),
    resolveLocale(args.request),
    args.context.services.judges.invitationPreview(user, competition.id),
  ]);
  if (!invitations.ok) throwRefusal(invitations);
  const { ok: _ok, ...invitationList } = invitations;
  return {
    q: q ?? "",
    invitations: invitationList,
    sent,
    judges,
    // Suggested conflicts are reviewed on their own page; this one says how many wait.
    waiting: {
      all: tallies.filter((x) => x.status === "pending").reduce((sum, x) => sum + x.n, 0),
      high: tallies.find((x) => x.status === "pending" && x.band === "high")?.n ?? 0,
    },
    tracks: options.tracks.map((t) => ({ code: t.code, nameZh: t.name_zh, nameEn: t.name_en })),
    countries: countryOptions(locale),
  };
}

/** The spreadsheet upload: a file refused at the file field (400), or the import's report. */
async function importAction(args: ActionFunctionArgs, user: SessionUser, competitionId: number) {
  const atFile = (code: string) => refused(refuse.invalid(code, "file"), { form: "import" });
  let formData: FormData;
  try {
    formData = await parseMultipartFormData(args.request, createMemoryUploadHandler({ maxPartSize: 900_000 }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return atFile("import.tooLarge");
    throw error;
  }
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return atFile("import.noFile");
  let records: Record<string, string>[];
  try {
    records = await readSpreadsheet(file.name, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    return atFile(error instanceof SpreadsheetRefused ? error.code : "import.unreadable");
  }
  if (records.length === 0) return atFile("import.empty");
  const actor = user as Parameters<typeof args.context.services.judges.importCsv>[0];
  const report = await args.context.services.judges.importCsv(
    actor,
    competitionId,
    records,
    formData.get("mode") !== "import",
  );
  return { form: "import", report };
}

export async function action(args: ActionFunctionArgs) {
  const { user, competition } = await organizer(args);
  const judges = args.context.services.judges;
  if ((args.request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data"))
    return importAction(args, user, competition.id);
  const formData = await args.request.formData();
  const form = String(formData.get("form") ?? "");
  if (form === "create") {
    const values: Record<string, string> = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]));
    values["tracks"] = formData.getAll("tracks").map(String).join(";");
    const outcome = await judges.create(user, competition.id, values);
    if (!outcome.ok) return refused(outcome, { form, values });
    return redirect(`/admin/judges/${outcome.judgeId}?created=1`);
  }
  if (form === "invite-all") {
    const parsed = inviteAllSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return refused(refuse.invalid("messages.invite.confirmLabel", "confirm"), { form });
    const outcome = await judges.sendInvitations(user, competition.id, parsed.data.fingerprint);
    if (!outcome.ok) return refused(outcome, { form });
    return redirect(`/admin/judges?invited=${outcome.sent}#invitations`);
  }
  return refused(refuse.invalid("validation.required"), { form });
}

/** Judges: the list, adding one, importing many, and how many suggested conflicts wait (reviewed on their own page). */
export default function AdminJudges() {
  const { q, judges, waiting, tracks, countries, invitations, sent } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation();
  const refusalOf = (form: string) => (data?.form === form && "refusal" in data ? data.refusal : null);
  // The typed values come back as sent (strings by field name).
  const valuesOf = (form: string) =>
    data?.form === form && "values" in data ? ((data.values ?? {}) as Record<string, string>) : {};
  return (
    <div className="mx-auto max-w-6xl space-y-8">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("common.judges")}</h1>

      <Section id="list" title={t("common.judgeCount", { count: judges.length })}>
        <Form method="get" className="mt-2 flex gap-2">
          <input
            type="search"
            name="q"
            defaultValue={q}
            placeholder={t("judges.search")}
            aria-label={t("judges.search")}
            className={inputClass}
          />
          <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
            {t("results.apply")}
          </button>
        </Form>
        <JudgeTable judges={judges} />
      </Section>

      <InviteAll preview={invitations} sent={sent} refusal={refusalOf("invite-all")} />

      <div className="grid gap-6 lg:grid-cols-2">
        <CreateJudgeForm
          refusal={refusalOf("create")}
          values={valuesOf("create")}
          tracks={tracks}
          countries={countries}
        />
        <ImportJudges
          refusal={refusalOf("import")}
          report={data?.form === "import" && "report" in data ? data.report : null}
        />
      </div>

      <Section id="conflicts" title={t("conflictReview.title")}>
        <p className="mt-1 text-sm text-slate-600">
          {t("conflictReview.waiting", { count: waiting.all, high: waiting.high })}
        </p>
        <Link
          to="/admin/judges/conflicts"
          className="mt-2 inline-block rounded-md border border-slate-300 px-4 py-2 text-sm font-medium text-indigo-700"
        >
          {t("conflictReview.link")}
        </Link>
      </Section>
    </div>
  );
}
