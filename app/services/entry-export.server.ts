// Kept only so the results export routes, owned elsewhere, keep building: the download headers now live in routing.
export { attachment } from "../routing/entry-export.server";
