// The pure rules of the livestream output: which partner origins an organizer may list, how the
// overlays read their query, and how a live page's frame-ancestors names the partners.
import { describe, expect, it } from "vitest";
import { MAX_EMBED_ORIGINS, parseOriginList, storedOrigins } from "../../app/domain/embed-origins";
import { backdropColor, parseOverlayQuery } from "../../app/domain/overlay-query";
import { embeddableCompetition, withFrameAncestors } from "../../app/http/frame-ancestors.server";
import { mayOpenLiveChannel, type OriginPolicy } from "../../app/http/origin.server";

const refusalOf = (text: string) => {
  const parsed = parseOriginList(text);
  return parsed.ok ? null : parsed.code;
};

describe("the partner origins an organizer may list", () => {
  it("accepts https origins (with a port) and http on this machine, each once, the host lowercased", () => {
    expect(
      parseOriginList("https://Partner.Example\nhttp://localhost:5173, https://x.example:8443 https://partner.example"),
    ).toEqual({
      ok: true,
      origins: ["https://partner.example", "http://localhost:5173", "https://x.example:8443"],
    });
    expect(parseOriginList("   \n")).toEqual({ ok: true, origins: [] });
  });

  it("refuses a path, a trailing slash, credentials, plain http elsewhere, other schemes, wildcards and bare hosts", () => {
    expect(refusalOf("https://x.example/live")).toBe("livestream.embedding.notBare");
    expect(refusalOf("https://x.example/")).toBe("livestream.embedding.notBare");
    expect(refusalOf("https://u:p@x.example")).toBe("livestream.embedding.notBare");
    expect(refusalOf("http://partner.example")).toBe("livestream.embedding.httpsOnly");
    expect(refusalOf("ftp://partner.example")).toBe("livestream.embedding.httpsOnly");
    expect(refusalOf("https://*.example")).toBe("livestream.embedding.notAnOrigin");
    expect(refusalOf("partner.example")).toBe("livestream.embedding.notAnOrigin");
  });

  it("names the first wrong origin at the field, and refuses more than the maximum", () => {
    expect(parseOriginList("https://ok.example\nhttps://bad.example/x")).toMatchObject({
      field: "origins",
      params: { origin: "https://bad.example/x" },
    });
    const many = Array.from({ length: MAX_EMBED_ORIGINS + 1 }, (_, i) => `https://p${i}.example`).join("\n");
    expect(parseOriginList(many)).toMatchObject({ code: "livestream.embedding.tooMany", field: "origins" });
  });

  it("reads a stored list separated by newlines or spaces", () => {
    expect(storedOrigins("https://a.example https://b.example\nhttps://c.example")).toEqual([
      "https://a.example",
      "https://b.example",
      "https://c.example",
    ]);
    expect(storedOrigins("")).toEqual([]);
  });
});

describe("an overlay's query", () => {
  it("defaults to a transparent backdrop and ten rows, and refuses what it does not know", () => {
    expect(parseOverlayQuery(new URLSearchParams(""))).toEqual({
      ok: true,
      query: { background: "transparent", rows: 10 },
    });
    expect(parseOverlayQuery(new URLSearchParams("background=magenta&rows=30"))).toEqual({
      ok: true,
      query: { background: "magenta", rows: 30 },
    });
    expect(parseOverlayQuery(new URLSearchParams("background=gren"))).toEqual({
      ok: false,
      problem: "livestream.overlay.badBackground",
    });
    for (const rows of ["0", "31", "2.5", "ten", ""])
      expect(parseOverlayQuery(new URLSearchParams({ rows })), rows).toEqual({
        ok: false,
        problem: "livestream.overlay.badRows",
      });
    expect(backdropColor("green")).toBe("#00b140");
    expect(backdropColor("plaid")).toBe("transparent");
  });
});

describe("frame-ancestors of a live page", () => {
  it("applies to the big screen and the two overlays of a competition, and to no other page", () => {
    expect(embeddableCompetition("/live/zgc2026")).toBe("zgc2026");
    expect(embeddableCompetition("/live/zgc2026/overlay/ranking")).toBe("zgc2026");
    expect(embeddableCompetition("/live/zgc2026/overlay/lower-third/")).toBe("zgc2026");
    for (const path of ["/live/zgc2026/rehearsal", "/admin/live", "/live/zgc2026/overlay/other", "/"])
      expect(embeddableCompetition(path), path).toBeNull();
  });

  it("replaces helmet's directive and keeps the others, or stands alone without a policy", () => {
    expect(
      withFrameAncestors("default-src 'self';frame-ancestors 'self';script-src 'self'", ["https://p.example"]),
    ).toBe("default-src 'self';script-src 'self';frame-ancestors 'self' https://p.example");
    expect(withFrameAncestors(undefined, ["https://p.example", "http://localhost:5173"])).toBe(
      "frame-ancestors 'self' https://p.example http://localhost:5173",
    );
  });
});

describe("who may open the live channel", () => {
  const policy: OriginPolicy = { publicOrigin: "https://frontier.example.org", configured: true };
  const listed = (origin: string) => Promise.resolve(origin === "https://partner.example");
  const may = (headers: Record<string, string>) => mayOpenLiveChannel(policy, headers, listed);

  it("lets in this site's pages, a listed partner's pages and clients that send no Origin", async () => {
    expect(await may({ origin: "https://frontier.example.org", host: "frontier.example.org" })).toBe(true);
    expect(await may({ origin: "https://partner.example", host: "frontier.example.org" })).toBe(true);
    expect(await may({ host: "frontier.example.org" })).toBe(true);
    // The big screen opened at the venue's LAN address: the page and the socket name the same host.
    expect(await may({ origin: "http://10.0.0.5:3000", host: "10.0.0.5:3000" })).toBe(true);
  });

  it("refuses pages of any other origin, and opaque ones", async () => {
    expect(await may({ origin: "https://stranger.example", host: "frontier.example.org" })).toBe(false);
    expect(await may({ origin: "null", host: "frontier.example.org" })).toBe(false);
    expect(await may({ origin: "http://10.0.0.6:3000", host: "10.0.0.5:3000" })).toBe(false);
  });
});
