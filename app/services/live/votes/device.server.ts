// The audience phone's identity for the vote: a random id and its issue time in a signed, httpOnly
// cookie set when the live page loads. Only a keyed hash of the id is stored, so the table alone
// cannot be turned back into working cookies.
import crypto from "node:crypto";
import { createCookie, type Cookie } from "@remix-run/node";
import { z } from "zod";

/** A device keeps its id for a month: long enough for a final and its rehearsal, short enough to forget. */
const DEVICE_DAYS = 30;

const deviceValue = z.object({ d: z.string().regex(/^[A-Za-z0-9_-]{22}$/), t: z.string().datetime() });

export type Device = { id: string; issuedAt: string };

export type DeviceCookies = {
  cookie: Cookie;
  /** The stored form of a device id: an HMAC under the site's secret, with its own label. */
  hash(device: Device): string;
};

export function createDeviceCookies(options: { secret: string; secureCookies: boolean }): DeviceCookies {
  const cookie = createCookie("__device", {
    httpOnly: true,
    sameSite: "lax",
    path: "/live",
    secure: options.secureCookies,
    // Remix signs the value with HMAC-SHA256 under these secrets (the session's), and drops a forged one.
    secrets: [options.secret],
    maxAge: 60 * 60 * 24 * DEVICE_DAYS,
  });
  return {
    cookie,
    hash: (device) =>
      crypto.createHmac("sha256", options.secret).update(`frontier.live-device.${device.id}`).digest("base64url"),
  };
}

/** The device a request carries, if its cookie is present and its signature holds. */
export async function deviceOf(cookies: DeviceCookies, cookieHeader: string | null): Promise<Device | null> {
  if (!cookieHeader) return null;
  const parsed = deviceValue.safeParse(await cookies.cookie.parse(cookieHeader));
  return parsed.success ? { id: parsed.data.d, issuedAt: parsed.data.t } : null;
}

/** A new device id issued now, and the Set-Cookie header that gives it to the phone. */
export async function issueDevice(cookies: DeviceCookies, now: Date): Promise<{ device: Device; setCookie: string }> {
  const device = { id: crypto.randomBytes(16).toString("base64url"), issuedAt: now.toISOString() };
  return { device, setCookie: await cookies.cookie.serialize({ d: device.id, t: device.issuedAt }) };
}
