// Where the site may send a browser after a form: only a path of this site. The text is read the
// way a browser reads a Location header (backslashes are slashes, tabs and newlines are dropped),
// so "/\evil.example" and "/\t/evil.example" cannot leave the site; what is left is re-encoded, so a
// control or non-ASCII character can never reach a response header.

const BASE = "http://frontier.invalid";

export function safeRedirectPath(input: unknown, fallback = "/"): string {
  if (typeof input !== "string" || input.length === 0 || input.length > 2000) return fallback;
  if (!input.startsWith("/") || /^\/[/\\]/.test(input)) return fallback;
  // Control characters have no place in a path a person follows; refuse rather than guess.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(input)) return fallback;
  let url: URL;
  try {
    url = new URL(input, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("//") ? fallback : path;
}
