// Form building blocks: a labelled field with its errors, the input style, and the form-level messages.
import type { InputHTMLAttributes, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formMessage, type Refusal } from "~/domain/refusal";

/**
 * A labelled input with its error under it. Errors arrive as i18n keys from the shared zod
 * schema (server or browser), so they are translated here, at the field that caused them.
 */
export function FormField({
  id,
  label,
  hint,
  errors,
  errorId,
  children,
}: {
  /** The control's id, so the label names exactly that control. */
  id: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  errorId: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="space-y-1">
      {label ? (
        <label htmlFor={id} className="block text-sm font-medium text-slate-700">
          {label}
        </label>
      ) : null}
      <div>{children}</div>
      {hint && !errors?.length ? <p className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <p id={errorId} className="text-sm text-rose-700" role="alert">
          {errors.map((e) => t(e, { defaultValue: e })).join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 aria-[invalid=true]:border-rose-500";

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={inputClass} />;
}

/** A form-level message (wrong password, rate limit), above the fields. */
export function FormMessage({ children }: { children: ReactNode }) {
  if (!children) return null;
  return (
    <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-800">
      {children}
    </div>
  );
}

/** A refusal as a page receives it in its action data. */
export type PageRefusal = Pick<Refusal, "code" | "field" | "fields" | "params">;

/**
 * The i18n options of a refusal's message: its params, and for a rate limit the minutes to wait
 * as `count` (the messages are plural on it).
 */
export function refusalOptions(refusal: PageRefusal | null | undefined): Record<string, string | number> {
  const params = refusal?.params ?? {};
  const seconds = params["seconds"];
  return typeof seconds === "number" ? { ...params, count: Math.max(1, Math.ceil(seconds / 60)) } : params;
}

/** The message of a refusal that belongs to the whole form (not to one field), above the fields. */
export function RefusalMessage({ refusal }: { refusal: PageRefusal | null | undefined }) {
  const { t } = useTranslation();
  const code = formMessage(refusal);
  return code ? <FormMessage>{t(code, refusalOptions(refusal))}</FormMessage> : null;
}

/** The reason an audited action asks for: one short line, at most what the server keeps (500). */
export function ReasonInput({ required, className }: { required?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <input
      type="text"
      name="reason"
      required={required}
      maxLength={500}
      placeholder={t("common.reason")}
      aria-label={t("common.reason")}
      className={className ?? inputClass}
    />
  );
}

/** The one full-width submit button of a short form (sign-in, sign-up, password pages). */
export function WideSubmit({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button
      type="submit"
      disabled={busy}
      className="w-full rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
    >
      {children}
    </button>
  );
}
