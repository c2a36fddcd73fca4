// The message card on the big screen (a break, the next session, partners, a notice), in both languages.
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CardKind, Localized } from "~/domain/live-final";
import { input, primary, secondary } from "./control-ui";

export function MessageCardForm({
  busy,
  showing,
  onShow,
  onClear,
}: {
  busy: boolean;
  showing: boolean;
  onShow: (card: { kind: CardKind; title: Localized; body: Localized }) => Promise<boolean>;
  onClear: () => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<CardKind>("break");
  const [text, setText] = useState({ titleZh: "", titleEn: "", bodyZh: "", bodyEn: "" });
  const field = (name: keyof typeof text, label: string, max: number) => (
    <label className="block text-sm">
      <span>{label}</span>
      <input
        className={input}
        value={text[name]}
        maxLength={max}
        onChange={(e) => setText({ ...text, [name]: e.target.value })}
      />
    </label>
  );
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        void onShow({
          kind,
          title: { zh: text.titleZh, en: text.titleEn },
          body: { zh: text.bodyZh, en: text.bodyEn },
        });
      }}
    >
      <label className="block text-sm">
        <span>{t("live.control.cardKindLabel")}</span>
        <select className={input} value={kind} onChange={(e) => setKind(e.target.value as CardKind)}>
          {(["break", "next", "sponsor", "notice"] as const).map((k) => (
            <option key={k} value={k}>
              {t(`live.cardKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-2 sm:grid-cols-2">
        {field("titleZh", t("live.control.cardTitleZh"), 120)}
        {field("titleEn", t("live.control.cardTitleEn"), 120)}
        {field("bodyZh", t("live.control.cardBodyZh"), 600)}
        {field("bodyEn", t("live.control.cardBodyEn"), 600)}
      </div>
      <div className="flex gap-2">
        <button className={primary} disabled={busy || (!text.titleZh && !text.titleEn)}>
          {t("live.control.showCard")}
        </button>
        <button type="button" className={secondary} disabled={busy || !showing} onClick={() => void onClear()}>
          {t("live.control.clearCard")}
        </button>
      </div>
    </form>
  );
}
