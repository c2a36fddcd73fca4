// The frame every livestream overlay draws in: sized from the viewport (16 px to the rem on a
// 1920×1080 canvas, as the big screen), and everything inside the safe-title area, 5% of the
// width and height in from each edge, where no broadcast monitor or encoder crops it.
import type { ReactNode } from "react";

/** The root font size follows the canvas, whatever its size (OBS canvases are 1080p or 720p, sometimes 4K). */
const OVERLAY_SCALE = "html { font-size: min(1.4815vh, 0.8333vw); }";

export function SafeArea({
  children,
  className = "",
  testId,
}: {
  children: ReactNode;
  className?: string;
  testId: string;
}) {
  return (
    <>
      <style>{OVERLAY_SCALE}</style>
      <div className={`fixed inset-0 box-border flex px-[5vw] py-[5vh] ${className}`} data-testid={testId}>
        {children}
      </div>
    </>
  );
}
