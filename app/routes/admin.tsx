// The admin area's layout: its pages render inside; a failure in one of them is shown here, with the
// site's header still in place.
import { Outlet } from "@remix-run/react";
import { AreaError } from "~/components/area-error";

export default function Area() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <AreaError area="admin" />;
}
