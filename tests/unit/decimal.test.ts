import { describe, expect, it } from "vitest";
import {
  canonicalText,
  compareDec,
  DecimalError,
  formatUnits,
  fromScaledInt,
  parseDecimal,
  roundRational,
  toScaledInt,
} from "../../app/domain/decimal";

describe("exact decimals", () => {
  it("reads plain decimal notation and refuses everything else", () => {
    expect(parseDecimal("8.50")).toEqual({ units: 850n, scale: 2 });
    expect(parseDecimal("-0.25")).toEqual({ units: -25n, scale: 2 });
    expect(parseDecimal("10")).toEqual({ units: 10n, scale: 0 });
    for (const bad of ["", " 1", "1 ", "1e3", ".5", "5.", "+1", "NaN", "1,5", "0x10"]) {
      expect(() => parseDecimal(bad), bad).toThrow(DecimalError);
    }
  });

  it("compares values written with different numbers of decimals", () => {
    expect(compareDec(parseDecimal("8.5"), parseDecimal("8.50"))).toBe(0);
    expect(compareDec(parseDecimal("8.49"), parseDecimal("8.5"))).toBe(-1);
    expect(compareDec(parseDecimal("-1"), parseDecimal("-1.001"))).toBe(1);
  });

  it("writes a canonical form without trailing zeros", () => {
    expect(canonicalText("8.500")).toBe("8.5");
    expect(canonicalText("10.0")).toBe("10");
    expect(canonicalText("-0.0")).toBe("0");
    expect(canonicalText("007.25")).toBe("7.25");
    expect(formatUnits(5n, 3)).toBe("0.005");
    expect(formatUnits(-1234n, 2)).toBe("-12.34");
  });

  it("divides once with the stated rounding", () => {
    // 2/3 at 2 decimals
    expect(roundRational(2n, 3n, 2, "half-up")).toBe(67n);
    expect(roundRational(2n, 3n, 2, "truncate")).toBe(66n);
    // 1/8 = 0.125 at 2 decimals: the exact half
    expect(roundRational(1n, 8n, 2, "half-up")).toBe(13n);
    expect(roundRational(1n, 8n, 2, "half-even")).toBe(12n);
    expect(roundRational(-1n, 8n, 2, "half-up")).toBe(-13n);
    expect(roundRational(1n, -8n, 2, "truncate")).toBe(-12n);
    expect(() => roundRational(1n, 0n, 2, "half-up")).toThrow(DecimalError);
  });

  it("converts between stored thousandths and decimal strings exactly", () => {
    expect(fromScaledInt(8500, 3)).toBe("8.5");
    expect(fromScaledInt(79_750_000n, 7)).toBe("7.975");
    expect(toScaledInt("8.5", 3)).toBe(8500n);
    expect(() => toScaledInt("8.0005", 3)).toThrow(DecimalError);
    expect(() => fromScaledInt(0.5, 3)).toThrow(DecimalError);
  });
});
