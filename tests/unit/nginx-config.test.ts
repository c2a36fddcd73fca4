import { describe, expect, it } from "vitest";
import { NODE_COOKIE, nginxConfig } from "../../scripts/cluster/nginx-config";

const backends = [
  { name: "a", port: 3001 },
  { name: "b", port: 3002 },
  { name: "c", port: 3003 },
];
const config = nginxConfig({ listenPort: 3000, backends, tempDir: "/srv/frontier/nginx" });
const block = (name: string) => new RegExp(`upstream ${name} \\{([^}]*)\\}`).exec(config)?.[1] ?? "";

describe("the nginx config in front of several processes", () => {
  it("pins a live connection to the process named in its cookie, with every other process as its backup", () => {
    for (const pinned of backends) {
      const group = block(`frontier_node_${pinned.name}`);
      expect(group).toContain(`server 127.0.0.1:${pinned.port} max_fails=1 fail_timeout=5s;`);
      for (const other of backends.filter((b) => b !== pinned))
        expect(group).toContain(`server 127.0.0.1:${other.port} max_fails=1 fail_timeout=5s backup;`);
      expect(config).toContain(`${pinned.name} frontier_node_${pinned.name};`);
    }
    expect(config).toContain(`map $cookie_${NODE_COOKIE} $frontier_pool {`);
  });

  it("spreads new clients and pages over every process and upgrades WebSockets", () => {
    const any = block("frontier_any");
    for (const b of backends) expect(any).toContain(`server 127.0.0.1:${b.port} max_fails=1 fail_timeout=5s;`);
    expect(any).not.toContain("backup");
    expect(config).toContain("proxy_set_header Upgrade $http_upgrade;");
    expect(config).toContain("proxy_set_header Connection $connection_upgrade;");
  });

  it("never caches a signed-in page, and sets the stickiness cookie only for the live channel", () => {
    expect(config).toContain("proxy_cache_bypass $cookie___session $http_authorization;");
    expect(config).toContain("proxy_no_cache $cookie___session $http_authorization;");
    expect(config).toMatch(/location \/socket\.io\/ \{[^}]*add_header Set-Cookie \$frontier_node_cookie always;/);
    expect(config).toMatch(/Path=\/socket\.io\//);
  });

  it("refuses a backend list it could not route", () => {
    const make =
      (list: { name: string; port: number }[], tempDir = "/tmp/n") =>
      () =>
        nginxConfig({ listenPort: 3000, backends: list, tempDir });
    expect(make([])).toThrow(/at least one backend/);
    expect(
      make([
        { name: "a", port: 1 },
        { name: "a", port: 2 },
      ]),
    ).toThrow(/used twice/);
    expect(make([{ name: "A b", port: 1 }])).toThrow(/must match/);
    expect(make([{ name: "a", port: 70000 }])).toThrow(/no valid port/);
    expect(make([{ name: "a", port: 1 }], "relative/dir")).toThrow(/absolute/);
  });
});
