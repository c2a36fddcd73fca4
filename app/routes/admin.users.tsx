import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { inputClass, RefusalMessage, ReasonInput } from "~/components/form-field";
import { newPassword } from "~/domain/account-schemas";
import { idSchema, reasonSchema as reason } from "~/domain/common-schemas";
import { refuse } from "~/domain/refusal";
import { pageTitle } from "~/i18n/meta";
import { refused } from "~/routing/refusals";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "users.title");

const actionSchema = z.discriminatedUnion("form", [
  z.object({ form: z.literal("password"), userId: idSchema, password: newPassword, reason }),
  z.object({
    form: z.literal("disable"),
    userId: idSchema,
    disabled: z.enum(["1", "0"]),
    reason,
  }),
  z.object({ form: z.literal("unlock"), userId: idSchema, reason }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await context.services.auth.requireUser(request, "organizer");
  const q = z
    .string()
    .trim()
    .max(200)
    .optional()
    .catch(undefined)
    .parse(new URL(request.url).searchParams.get("q") ?? undefined);
  return { q: q ?? "", users: await context.services.auth.searchUsers(q) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await context.services.auth.requireUser(request, "organizer");
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    // The page shows the first problem above the list (its forms are one line each).
    const issue = parsed.error.issues[0];
    return refused(refuse.invalid(issue?.message ?? "validation.required"), { userId: null });
  }
  const input = parsed.data;
  const auth = context.services.auth;
  const outcome =
    input.form === "password"
      ? await auth.resetPassword(actor, input.userId, input.password, input.reason)
      : input.form === "unlock"
        ? await auth.unlock(actor, input.userId, input.reason)
        : await auth.setDisabled(actor, input.userId, input.disabled === "1", input.reason, context.now());
  if (!outcome.ok) return refused(outcome, { userId: input.userId });
  const url = new URL(request.url);
  return redirect(`/admin/users?${new URLSearchParams({ q: url.searchParams.get("q") ?? "", done: "1" })}`);
}

/** Organizers find an account, set a new password for it, or disable it, each with a reason. */
export default function AdminUsers() {
  const { q, users } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [search] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("users.title")}</h1>
      <Form method="get" className="flex gap-2">
        <input
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t("users.search")}
          aria-label={t("users.search")}
          className={inputClass}
        />
        <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
          {t("results.apply")}
        </button>
      </Form>
      {search.has("done") ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {t("common.saved")}
        </p>
      ) : null}
      <RefusalMessage refusal={data?.refusal} />
      <ul className="space-y-2">
        {users.map((u) => (
          <UserCard key={u.id} user={u} />
        ))}
      </ul>
    </div>
  );
}

type UserRow = Awaited<ReturnType<typeof loader>>["users"][number];

/** One account: who it is, its roles and state, and the organizer's forms for it. */
function UserCard({ user: u }: { user: Omit<UserRow, "created_at"> }) {
  const { t } = useTranslation();
  return (
    <li className="rounded-xl border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium text-slate-900">{u.display_name}</p>
          <p className="text-sm text-slate-600">{u.email}</p>
        </div>
        <p className="text-sm text-slate-600">
          {u.roles.map((r) => t(`users.role.${r}`)).join(", ")} ·{" "}
          {u.disabled_at ? <span className="font-medium text-rose-700">{t("users.disabled")}</span> : t("users.active")}
        </p>
      </div>
      {u.lockedAddresses > 0 ? (
        <Form
          method="post"
          className="mt-2 flex flex-wrap items-center gap-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900"
        >
          <span role="status">{t("users.lockedOut", { count: u.lockedAddresses })}</span>
          <input type="hidden" name="form" value="unlock" />
          <input type="hidden" name="userId" value={u.id} />
          <ReasonInput required className={`${inputClass} max-w-xs`} />
          <button type="submit" className="rounded-md border border-amber-400 px-3 py-1.5 font-medium">
            {t("users.unlock")}
          </button>
        </Form>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-indigo-700">
          {t("users.resetPassword")} / {u.disabled_at ? t("users.enable") : t("users.disable")}
        </summary>
        <div className="mt-2 grid gap-3 md:grid-cols-2">
          <Form method="post" className="space-y-2">
            <input type="hidden" name="form" value="password" />
            <input type="hidden" name="userId" value={u.id} />
            <input
              type="text"
              name="password"
              minLength={10}
              required
              autoComplete="off"
              placeholder={t("users.newPassword")}
              aria-label={t("users.newPassword")}
              className={inputClass}
            />
            <ReasonInput required />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium">
              {t("users.resetPassword")}
            </button>
          </Form>
          <Form method="post" className="space-y-2">
            <input type="hidden" name="form" value="disable" />
            <input type="hidden" name="userId" value={u.id} />
            <input type="hidden" name="disabled" value={u.disabled_at ? "0" : "1"} />
            <ReasonInput required />
            <button
              type="submit"
              className="rounded-md border border-rose-300 px-3 py-1.5 text-sm font-medium text-rose-700"
            >
              {u.disabled_at ? t("users.enable") : t("users.disable")}
            </button>
          </Form>
        </div>
      </details>
    </li>
  );
}
