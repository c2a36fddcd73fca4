// What the big screen shows now, in the control room: the board itself (BoardView), drawn from the
// control room's own copy of the public state into a 1920×1080 frame scaled down to the box's width.
// The transform also makes the frame the containing block of the board's fixed overlays (cards).
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Localized, PublicState } from "~/domain/live-final";
import { BoardView } from "./audience-board";
import { Card } from "./control-ui";
import type { Connection } from "./use-live-channel";

const WIDTH = 1920;
const HEIGHT = 1080;

export function BoardPreview({
  state,
  connection,
  competitionName,
}: {
  state: PublicState;
  connection: Connection;
  competitionName: Localized;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const [scale, setScale] = useState(0.25);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => setScale(el.clientWidth / WIDTH);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return (
    <Card title={t("live.controlRoom.boardPreview")} testId="board-preview-card">
      <div
        ref={box}
        className="relative aspect-video w-full overflow-hidden rounded-lg border border-slate-300 bg-slate-950"
        data-testid="board-preview"
        data-seq={state.seq}
        aria-hidden="true"
      >
        <div
          className="absolute left-0 top-0 overflow-hidden"
          style={{ width: WIDTH, height: HEIGHT, transform: `scale(${scale})`, transformOrigin: "top left" }}
        >
          <BoardView state={state} connection={connection} competitionName={competitionName} inFrame />
        </div>
      </div>
      <p className="text-xs text-slate-500">{t("live.controlRoom.boardPreviewHint")}</p>
    </Card>
  );
}
