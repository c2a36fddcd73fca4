// The confirmation a bulk send asks for: a box to tick that the list was checked, the list's
// fingerprint (the server refuses if the list changed since) and the button that says how many.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { messagesAt, type Refusal } from "~/domain/refusal";

type ShownRefusal = Pick<Refusal, "code" | "field" | "fields" | "params"> | null;

export function ConfirmSend({
  form,
  fingerprint,
  count,
  labelKey,
  buttonKey,
  refusal,
}: {
  form: string;
  fingerprint: string;
  count: number;
  labelKey: string;
  buttonKey: string;
  refusal: ShownRefusal;
}) {
  const { t } = useTranslation();
  const errors = messagesAt(refusal, "confirm");
  return (
    <Form method="post" className="mt-3 flex flex-wrap items-center gap-3">
      <input type="hidden" name="form" value={form} />
      <input type="hidden" name="fingerprint" value={fingerprint} />
      <label className="flex items-center gap-2 text-sm">
        <input
          type="checkbox"
          name="confirm"
          value="on"
          required
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={errors.length ? `${form}-confirm-error` : undefined}
        />
        {t(labelKey)}
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white">
        {t(buttonKey, { count })}
      </button>
      {errors.length ? (
        <p id={`${form}-confirm-error`} role="alert" className="w-full text-sm text-rose-700">
          {errors.map((m) => t(m)).join(" ")}
        </p>
      ) : null}
    </Form>
  );
}
