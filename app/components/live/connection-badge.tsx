// The live channel's state for display: a dot and a word (live, connecting, reconnecting, offline).
import { useTranslation } from "react-i18next";
import type { Connection } from "./use-live-channel";

const tone: Record<Connection, string> = {
  live: "bg-emerald-500",
  connecting: "bg-amber-400",
  reconnecting: "bg-amber-400 animate-pulse",
  offline: "bg-rose-500",
};

/** A dot and a word: is this screen receiving the live channel right now. */
export function ConnectionBadge({ connection, className = "" }: { connection: Connection; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`inline-flex items-center gap-2 ${className}`} data-connection={connection} role="status">
      <span className={`h-2.5 w-2.5 rounded-full ${tone[connection]}`} aria-hidden />
      {t(`live.connection.${connection}`)}
    </span>
  );
}
