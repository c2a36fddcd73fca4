// The nginx configuration in front of several Frontier processes, as text (no I/O): the demo, the
// cluster tests and an operator's site config (docs/scaling.md) are all produced by this one function.

export type Backend = {
  /** A short label ("a", "b", "3001"): it names the backend in the stickiness cookie and a header. */
  name: string;
  host?: string;
  port: number;
};

export type NginxConfigInput = {
  listenPort: number;
  /** Where nginx listens; 127.0.0.1 for a demo, 0.0.0.0 (or a TLS terminator's side) for real. */
  listenHost?: string;
  backends: Backend[];
  /** nginx's own writable directory: pid file, temp files and the page cache live under it. */
  tempDir: string;
  /** "stderr" or a file path; a file under tempDir by default. */
  errorLog?: string;
  /** "off" or a file path. */
  accessLog?: string;
  /** Per worker: each proxied socket holds two (client and backend), so 10,000 sockets need 20,000+. */
  workerConnections?: number;
  /** nginx worker processes: 1 for a demo on a shared machine, "auto" (one per core) for real. */
  workerProcesses?: number | "auto";
  /** Size of the page cache on disk, e.g. "256m"; null leaves nginx's page cache out. */
  pageCacheSize?: string | null;
};

/** The cookie naming the process that answered a client's Socket.IO requests (its stickiness). */
export const NODE_COOKIE = "frontier_node";
/** Set on every proxied response: which backend answered (empty when nginx's cache did). */
export const NODE_HEADER = "X-Frontier-Node";
/** The app's session cookie (app/services/auth/deps.server.ts): a signed-in page is never cached. */
const SESSION_COOKIE = "__session";
/** The language cookie (app/i18n/locale.server.ts): pages differ by it and by Accept-Language. */
const LANGUAGE_COOKIE = "lng";
/** The app drains bodies up to this size to say "too large" in its own words (request-guard.server.ts). */
const MAX_BODY = "64m";

const NAME = /^[a-z0-9][a-z0-9_-]{0,31}$/;

function check(input: NginxConfigInput) {
  if (input.backends.length === 0) throw new Error("nginx config: at least one backend is needed");
  const names = new Set<string>();
  for (const b of input.backends) {
    if (!NAME.test(b.name)) throw new Error(`nginx config: backend name "${b.name}" must match ${NAME}`);
    if (names.has(b.name)) throw new Error(`nginx config: backend name "${b.name}" is used twice`);
    if (!Number.isInteger(b.port) || b.port < 1 || b.port > 65535)
      throw new Error(`nginx config: backend "${b.name}" has no valid port`);
    names.add(b.name);
  }
  if (!input.tempDir.startsWith("/")) throw new Error("nginx config: tempDir must be an absolute path");
  if (/[\s;'"{}]/.test(input.tempDir)) throw new Error("nginx config: tempDir must not contain spaces or quotes");
}

const address = (b: Backend) => `${b.host ?? "127.0.0.1"}:${b.port}`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const indent = (lines: string[], depth = 1) => lines.map((l) => (l ? "    ".repeat(depth) + l : l));

/**
 * One group per backend in which it is the only primary and the others are `backup`: a client
 * pinned to a process that died is served by a live one, whose answer re-pins it there.
 */
function upstreams(backends: Backend[]): string[] {
  const server = (b: Backend, backup: boolean) =>
    `server ${address(b)} max_fails=1 fail_timeout=5s${backup ? " backup" : ""};`;
  const lines = [
    "# New clients (no cookie) and ordinary pages: round robin over every process.",
    "upstream frontier_any {",
  ];
  lines.push(...indent(backends.map((b) => server(b, false))), "    keepalive 32;", "}");
  for (const pinned of backends) {
    lines.push(`upstream frontier_node_${pinned.name} {`);
    lines.push(...indent([server(pinned, false), ...backends.filter((b) => b !== pinned).map((b) => server(b, true))]));
    lines.push("    keepalive 16;", "}");
  }
  return lines;
}

function maps(backends: Backend[]): string[] {
  // $upstream_addr lists every server tried ("A, B" after a failover): the last one answered.
  const answered = (b: Backend) => `"~${escapeRegex(address(b))}$"`;
  return [
    `map $cookie_${NODE_COOKIE} $frontier_pool {`,
    "    default frontier_any;",
    ...indent(backends.map((b) => `${b.name} frontier_node_${b.name};`)),
    "}",
    "map $upstream_addr $frontier_node {",
    '    default "";',
    ...indent(backends.map((b) => `${answered(b)} ${b.name};`)),
    "}",
    // Scoped to /socket.io/ so public pages carry no Set-Cookie and stay cacheable (here or by a CDN).
    "map $frontier_node $frontier_node_cookie {",
    '    default "";',
    ...indent(backends.map((b) => `${b.name} "${NODE_COOKIE}=${b.name}; Path=/socket.io/; HttpOnly; SameSite=Lax";`)),
    "}",
    // Upgrade when the client asks; otherwise an empty Connection keeps the backend connection alive.
    "map $http_upgrade $connection_upgrade {",
    "    default upgrade;",
    '    "" "";',
    "}",
  ];
}

/** Headers every proxied request carries: nginx is the edge, so it says who the client is. */
const forwarded = [
  "proxy_http_version 1.1;",
  "proxy_set_header Host $http_host;",
  // $remote_addr, not an appended list: a client cannot pass its own X-Forwarded-For through us.
  "proxy_set_header X-Forwarded-For $remote_addr;",
  "proxy_set_header X-Forwarded-Proto $scheme;",
  "proxy_set_header Upgrade $http_upgrade;",
  "proxy_set_header Connection $connection_upgrade;",
  // Local processes: a refused or silent one is given up on quickly and the next one tried.
  "proxy_connect_timeout 2s;",
  // Only failures before an answer, and never a POST once it was sent (nginx's rule for non_idempotent).
  "proxy_next_upstream error timeout;",
  `add_header ${NODE_HEADER} $frontier_node always;`,
];

function socketLocation(): string[] {
  return [
    "location /socket.io/ {",
    ...indent([
      "proxy_pass http://$frontier_pool;",
      ...forwarded,
      // A WebSocket lives for hours; a long-poll waits up to the ping interval.
      "proxy_read_timeout 1h;",
      "proxy_send_timeout 1h;",
      "proxy_buffering off;",
      "add_header Set-Cookie $frontier_node_cookie always;",
    ]),
    "}",
  ];
}

function pageLocation(cached: boolean): string[] {
  const cache = cached
    ? [
        // Cached only when the app says so (Cache-Control s-maxage / max-age, never with Set-Cookie).
        "proxy_cache frontier_pages;",
        `proxy_cache_key "$scheme$http_host$request_uri|$cookie_${LANGUAGE_COOKIE}|$http_accept_language";`,
        `proxy_cache_bypass $cookie_${SESSION_COOKIE} $http_authorization;`,
        `proxy_no_cache $cookie_${SESSION_COOKIE} $http_authorization;`,
        // Expired entries are checked with If-None-Match (a 304 from the app renews them).
        "proxy_cache_revalidate on;",
        // Results day: one request per page goes to the app, the others wait for it or get the last copy.
        "proxy_cache_lock on;",
        "proxy_cache_lock_timeout 5s;",
        "proxy_cache_use_stale updating error timeout http_502 http_503 http_504;",
        "proxy_cache_background_update on;",
        "add_header X-Cache-Status $upstream_cache_status always;",
      ]
    : [];
  return ["location / {", ...indent(["proxy_pass http://frontier_any;", ...forwarded, ...cache]), "}"];
}

/** The whole nginx.conf for `nginx -p <tempDir> -c <file> -g 'daemon off;'`. */
export function nginxConfig(input: NginxConfigInput): string {
  check(input);
  const dir = input.tempDir.replace(/\/+$/, "");
  const cacheSize = input.pageCacheSize === undefined ? "256m" : input.pageCacheSize;
  const http = [
    `access_log ${input.accessLog ?? "off"};`,
    "server_tokens off;",
    `client_max_body_size ${MAX_BODY};`,
    `client_body_temp_path ${dir}/client_body;`,
    `proxy_temp_path ${dir}/proxy;`,
    `fastcgi_temp_path ${dir}/fastcgi;`,
    `uwsgi_temp_path ${dir}/uwsgi;`,
    `scgi_temp_path ${dir}/scgi;`,
    ...(cacheSize
      ? [
          `proxy_cache_path ${dir}/page-cache levels=1:2 keys_zone=frontier_pages:10m max_size=${cacheSize} inactive=10m use_temp_path=off;`,
        ]
      : []),
    "",
    ...upstreams(input.backends),
    "",
    ...maps(input.backends),
    "",
    "server {",
    ...indent([
      `listen ${input.listenHost ?? "127.0.0.1"}:${input.listenPort};`,
      ...socketLocation(),
      ...pageLocation(Boolean(cacheSize)),
    ]),
    "}",
  ];
  return [
    "# Generated by scripts/cluster/nginx-config.ts: regenerate it rather than editing it.",
    `pid ${dir}/nginx.pid;`,
    `error_log ${input.errorLog ?? `${dir}/error.log`} warn;`,
    `worker_processes ${input.workerProcesses ?? 1};`,
    `worker_rlimit_nofile ${(input.workerConnections ?? 4096) * 2 + 64};`,
    `events { worker_connections ${input.workerConnections ?? 4096}; }`,
    "http {",
    ...indent(http),
    "}",
    "",
  ].join("\n");
}
