import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";

/** The deadline, and with JavaScript a countdown that ticks each minute. */
export function RegistrationDeadline({ closesAt, open }: { closesAt: string; open: boolean }) {
  const { t, i18n } = useTranslation();
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    // The clock starts after hydration, so the server's HTML and the first client render agree.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const date = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "long",
    timeStyle: "long",
    timeZone: "Asia/Shanghai",
  }).format(new Date(closesAt));
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
