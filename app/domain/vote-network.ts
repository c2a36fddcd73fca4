// The network an audience vote came from, for the fraud panel: a /24 for IPv4 and a /48 for IPv6,
// the ranges one venue, one office or one provider's customer usually holds.

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

function ipv4Octets(address: string): number[] | null {
  const match = IPV4.exec(address);
  if (!match) return null;
  const octets = match.slice(1).map(Number);
  return octets.every((o) => o <= 255) ? octets : null;
}

/** The eight 16-bit groups of an IPv6 address (an embedded IPv4 tail allowed), or null. */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const tail = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (tail) {
    const octets = ipv4Octets(tail[2]!);
    if (!octets) return null;
    const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
    text = `${tail[1]}${hex(octets[0]!, octets[1]!)}:${hex(octets[2]!, octets[3]!)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const parse = (part: string) => (part === "" ? [] : part.split(":"));
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  const parts = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!parts.every((p) => /^[0-9a-f]{1,4}$/.test(p))) return null;
  return parts.map((p) => parseInt(p, 16));
}

/**
 * The address as the panel shows it: an IPv4-mapped IPv6 address (::ffff:a.b.c.d, as a dual-stack
 * socket reports IPv4 clients) is its IPv4 address; anything else is kept as given.
 */
export function canonicalAddress(address: string): string {
  const groups = ipv4Octets(address) ? null : ipv6Groups(address);
  if (groups && groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff)
    return [groups[6]! >> 8, groups[6]! & 255, groups[7]! >> 8, groups[7]! & 255].join(".");
  return address;
}

/** "a.b.c.0/24" for IPv4, "x:y:z::/48" for IPv6; an address that is neither is its own network. */
export function networkOf(address: string): string {
  const canonical = canonicalAddress(address);
  const octets = ipv4Octets(canonical);
  if (octets) return `${octets[0]}.${octets[1]}.${octets[2]}.0/24`;
  const groups = ipv6Groups(canonical);
  if (groups)
    return `${groups
      .slice(0, 3)
      .map((g) => g.toString(16))
      .join(":")}::/48`;
  return canonical;
}
