// An overlay whose address is wrong says so on the canvas (the operator sees it in OBS's preview).
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function OverlayError() {
  const error = useRouteError();
  const { t } = useTranslation();
  const problem =
    isRouteErrorResponse(error) && error.status === 400
      ? t("livestream.overlay.badQuery", { problem: t(String((error.data as { problem?: string })?.problem ?? "")) })
      : isRouteErrorResponse(error) && error.status === 404
        ? t("errors.notFound")
        : t("errors.generic");
  return (
    <div className="fixed inset-0 flex items-center justify-center p-[5vh]">
      <p role="alert" className="rounded-xl bg-rose-700 px-8 py-6 text-3xl font-semibold text-white">
        {problem}
      </p>
    </div>
  );
}
