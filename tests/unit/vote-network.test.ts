// The network a vote is grouped by on the fraud panel: a /24 for IPv4, a /48 for IPv6.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalAddress, networkOf } from "../../app/domain/vote-network";

describe("the network of a voter's address", () => {
  it("groups IPv4 addresses by their /24", () => {
    expect(networkOf("203.0.113.77")).toBe("203.0.113.0/24");
    expect(networkOf("10.1.2.3")).toBe(networkOf("10.1.2.254"));
    expect(networkOf("10.1.2.3")).not.toBe(networkOf("10.1.3.3"));
  });

  it("treats an IPv4 client seen by a dual-stack socket (::ffff:a.b.c.d) as that IPv4 address", () => {
    expect(canonicalAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(networkOf("::ffff:192.0.2.9")).toBe("192.0.2.0/24");
    expect(networkOf("::ffff:c000:209")).toBe("192.0.2.0/24");
  });

  it("groups IPv6 addresses by their /48, however they are written", () => {
    expect(networkOf("2001:db8:abcd:12::1")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:0DB8:ABCD:0012:0000:0000:0000:0001")).toBe("2001:db8:abcd::/48");
    expect(networkOf("2001:db8::1")).toBe("2001:db8:0::/48");
    expect(networkOf("::1")).toBe("0:0:0::/48");
    expect(networkOf("fe80::1%eth0")).toBe("fe80:0:0::/48");
  });

  it("keeps anything that is not an address as its own network", () => {
    for (const odd of ["unknown", "", "300.1.1.1", "1:2:3:4:5:6:7:8:9", "1::2::3"]) expect(networkOf(odd)).toBe(odd);
  });

  it("puts every IPv4 address in the /24 it starts with", () => {
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        const [a, b, c] = ip.split(".").map(Number);
        expect(networkOf(ip)).toBe(`${a}.${b}.${c}.0/24`);
        expect(networkOf(`::ffff:${ip}`)).toBe(networkOf(ip));
      }),
    );
  });

  it("gives every IPv6 address one network, the same for any address sharing its first 48 bits", () => {
    fc.assert(
      fc.property(fc.ipV6(), (ip) => {
        const network = networkOf(ip);
        expect(network).toMatch(/^[0-9a-f]{1,4}:[0-9a-f]{1,4}:[0-9a-f]{1,4}::\/48$|^\d+\.\d+\.\d+\.0\/24$/);
        const prefix = network.replace("::/48", "");
        if (!network.endsWith("/24")) expect(networkOf(`${prefix}:ffff::1`)).toBe(network);
      }),
    );
  });
});
