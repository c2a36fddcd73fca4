// The pitch deck on an entry's page: the current deck (read inline, size, when) and the form that
// attaches or replaces it with an optional video link. With JavaScript it posts in place (and says
// at once when a file is too large); without, the deck page answers with the same form.
import { Link, useFetcher } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { inputClass, refusalOptions, RefusalMessage, type PageRefusal } from "~/components/form-field";
import { MAX_DECK_BYTES } from "~/domain/deck-rules";
import { messagesAt } from "~/domain/refusal";
import { FALLBACK_TIME_ZONE, useNumberFormat } from "~/i18n/formats";

export type DeckUploadProps = {
  /** Where the form posts: /me/entries/:id/deck or /admin/entries/:id/deck. */
  action: string;
  deck: { url: string; fileName: string; bytes: number; uploadedAt: string } | null;
  videoUrl: string | null;
  open: boolean;
  organizer?: boolean;
  timeZone?: string;
  /** The refusal the deck page was answered with (without JavaScript). */
  refusal?: PageRefusal | null;
  saved?: boolean;
};

/** "1.4 MB", with the reader's separators. */
export function useDeckSize() {
  const { t } = useTranslation();
  const number = useNumberFormat({ maximumFractionDigits: 1 });
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t("decks.size.kb", { value: number.format(Math.max(0.1, bytes / 1024)) })
      : t("decks.size.mb", { value: number.format(bytes / 1024 / 1024) });
}

export function DeckUpload(props: DeckUploadProps) {
  const { action, deck, videoUrl, open, organizer = false, timeZone = FALLBACK_TIME_ZONE } = props;
  const { t, i18n } = useTranslation();
  const fetcher = useFetcher<{ refusal?: PageRefusal }>();
  const size = useDeckSize();
  const [tooLarge, setTooLarge] = useState(false);
  const refusal = fetcher.data?.refusal ?? props.refusal ?? null;
  const max = `${MAX_DECK_BYTES / 1024 / 1024} MB`;
  const fileErrors = tooLarge
    ? [t("decks.tooLarge", { max })]
    : messagesAt(refusal, "deck").map((code) => t(code, refusalOptions(refusal)));
  const videoErrors = messagesAt(refusal, "videoUrl").map((code) => t(code));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone });
  const busy = fetcher.state !== "idle";
  return (
    <section aria-labelledby="deck-title" className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 id="deck-title" className="font-semibold text-slate-900">
        {t("decks.title")}
      </h2>
      <p className="text-sm text-slate-600">{t("decks.intro")}</p>
      {deck ? (
        <p className="text-sm" data-testid="current-deck">
          <a href={deck.url} target="_blank" rel="noreferrer" className="font-medium text-indigo-700 underline">
            {t("decks.read")}: {deck.fileName}
          </a>{" "}
          <span className="text-slate-500">
            {t("decks.uploaded", { size: size(deck.bytes), date: when.format(new Date(deck.uploadedAt)) })}
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("decks.none")}</p>
      )}
      {videoUrl ? (
        <p className="text-sm">
          {t("decks.video")}:{" "}
          <a href={videoUrl} target="_blank" rel="noreferrer nofollow" className="text-indigo-700 underline">
            {videoUrl}
          </a>
        </p>
      ) : null}
      {props.saved && !refusal ? (
        <p role="status" className="text-sm text-emerald-800">
          {t("decks.saved")}
        </p>
      ) : null}
      {!open ? (
        <p className="text-sm font-medium text-rose-700">{t("decks.closed")}</p>
      ) : (
        <fetcher.Form
          // A new deck starts a fresh form: the chosen file is not offered again.
          key={deck?.uploadedAt ?? "none"}
          method="post"
          action={action}
          encType="multipart/form-data"
          className="space-y-3"
        >
          <RefusalMessage refusal={refusal} />
          <div className="space-y-1">
            <label htmlFor="deck-file" className="block text-sm font-medium text-slate-700">
              {t("decks.file")}
            </label>
            <input
              id="deck-file"
              name="deck"
              type="file"
              accept="application/pdf,.pdf"
              className="block text-sm"
              aria-invalid={fileErrors.length ? true : undefined}
              aria-describedby="deck-file-message"
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                const over = file !== undefined && file.size > MAX_DECK_BYTES;
                setTooLarge(over);
                // The browser will not send a file the server would refuse after uploading it all.
                event.currentTarget.setCustomValidity(over ? t("decks.tooLarge", { max }) : "");
              }}
            />
            {fileErrors.length ? (
              <p id="deck-file-message" role="alert" className="text-sm text-rose-700">
                {fileErrors.join(" ")}
              </p>
            ) : (
              <p id="deck-file-message" className="text-xs text-slate-500">
                {t("decks.fileHint")} {organizer ? t("decks.organizerMayReplace") : t("decks.replaceUntil")}
              </p>
            )}
          </div>
          <div className="space-y-1">
            <label htmlFor="deck-video" className="block text-sm font-medium text-slate-700">
              {t("decks.videoUrl")}
            </label>
            <input
              id="deck-video"
              name="videoUrl"
              type="url"
              maxLength={500}
              defaultValue={videoUrl ?? ""}
              placeholder="https://"
              className={inputClass}
              aria-invalid={videoErrors.length ? true : undefined}
              aria-describedby="deck-video-message"
            />
            {videoErrors.length ? (
              <p id="deck-video-message" role="alert" className="text-sm text-rose-700">
                {videoErrors.join(" ")}
              </p>
            ) : (
              <p id="deck-video-message" className="text-xs text-slate-500">
                {t("decks.videoHint")}
              </p>
            )}
          </div>
          <button
            type="submit"
            disabled={busy}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-medium text-white hover:bg-indigo-700 disabled:opacity-60"
          >
            {busy ? t("decks.saving") : t("decks.save")}
          </button>
        </fetcher.Form>
      )}
    </section>
  );
}

/** The deck's own page (where an upload refused without JavaScript lands): a way back, the heading, the form. */
export function DeckPage({ back, code, ...upload }: DeckUploadProps & { back: string; code: string }) {
  const { t } = useTranslation();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <p className="text-sm">
        <Link to={back} className="text-indigo-700 underline">
          {t("decks.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight text-slate-900">{t("decks.pageTitle", { code })}</h1>
      <DeckUpload {...upload} />
    </div>
  );
}
