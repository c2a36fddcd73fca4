// How the big screen reveals a result: all at once, or one mark at a time (the dropped ones struck
// last, then the result). The switch shows the server's setting and changes it with one command.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { RevealMode } from "~/domain/live-final";
import type { Send } from "./use-control-commands";

const MODES: readonly RevealMode[] = ["instant", "stepwise"];

export function RevealModeSwitch({ mode, busy, send }: { mode: RevealMode; busy: boolean; send: Send }) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="text-sm" data-testid="reveal-mode" data-mode={mode}>
      <legend className="font-medium">{t("live.controlRoom.revealMode")}</legend>
      <div className="mt-1 flex flex-wrap gap-4">
        {MODES.map((m) => (
          <label key={m} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={m}
              checked={mode === m}
              disabled={busy}
              onChange={() => void send({ type: "revealMode", mode: m })}
            />
            {t(`live.controlRoom.revealModes.${m}`)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
