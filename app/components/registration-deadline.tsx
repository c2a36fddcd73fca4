import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormats } from "~/i18n/formats";

/**
 * The deadline in the competition's time zone (`timeZone`; without it, the featured edition's), and
 * with JavaScript a countdown that ticks each minute.
 */
export function RegistrationDeadline({
  closesAt,
  open,
  timeZone,
}: {
  closesAt: string;
  open: boolean;
  timeZone?: string;
}) {
  const { t } = useTranslation();
  const formats = useFormats(timeZone);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // The clock starts after hydration, so the server's HTML and the first client render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = formats.date(closesAt, { dateStyle: "long", timeStyle: "long" });
  if (!open) return <p className="mt-2 text-sm font-medium text-rose-700">{t("entryForm.closed")}</p>;
  const left = now === null ? null : Math.max(0, new Date(closesAt).getTime() - now);
  return (
    <p className="mt-2 text-sm text-slate-600">
      {t("entryForm.deadline", { date })}
      {left !== null ? (
        <span
          className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800"
          aria-live="polite"
        >
          {t("entryForm.countdown", {
            days: Math.floor(left / 86_400_000),
            hours: Math.floor((left % 86_400_000) / 3_600_000),
            minutes: Math.floor((left % 3_600_000) / 60_000),
          })}
        </span>
      ) : null}
    </p>
  );
}
