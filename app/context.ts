import type { Db } from "../db/client";
import type { Services } from "./services/index.server";

/** What server.ts hands every loader and action (and what tests build the same way). */
export type AppContext = {
  db: Db;
  services: Services;
  now: () => Date;
  /** The client's address (behind a trusted proxy, the forwarded one), for rate limits. */
  clientIp: string;
  /** Per-request nonce for the inline scripts Remix renders, allowed by the CSP. */
  cspNonce: string;
};

declare module "@remix-run/node" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends AppContext {}
}
