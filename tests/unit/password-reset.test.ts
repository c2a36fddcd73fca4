import { describe, expect, it } from "vitest";
import {
  forgotPasswordSchema,
  RESET_TOKEN,
  resetPasswordSchema,
  resetTokenState,
} from "../../app/domain/password-reset";

const now = new Date("2026-05-01T10:00:00.000Z");

describe("a reset link's state", () => {
  it("works within its hour, once", () => {
    expect(resetTokenState({ expires_at: "2026-05-01T10:30:00.000Z", used_at: null }, now)).toBe("valid");
    expect(resetTokenState({ expires_at: "2026-05-01T10:30:00.000Z", used_at: "2026-05-01T09:59:00.000Z" }, now)).toBe(
      "used",
    );
    expect(resetTokenState({ expires_at: "2026-05-01T10:00:00.000Z", used_at: null }, now)).toBe("expired");
    expect(resetTokenState(undefined, now)).toBe("unknown");
  });

  it("is 43 base64url characters (32 random bytes)", () => {
    expect(RESET_TOKEN.test("a".repeat(43))).toBe(true);
    expect(RESET_TOKEN.test("a".repeat(42))).toBe(false);
    expect(RESET_TOKEN.test(`${"a".repeat(42)}/`)).toBe(false);
  });
});

describe("the forms", () => {
  it("refuses an address that is not one, at the field", () => {
    const parsed = forgotPasswordSchema.safeParse({ email: "not-an-address" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ["email"], message: "validation.email" });
    expect(forgotPasswordSchema.parse({ email: " Ana@Example.org " })).toEqual({ email: "ana@example.org" });
  });

  it("asks for the new password twice, with the same rules as any new password", () => {
    expect(resetPasswordSchema.safeParse({ password: "short", confirm: "short" }).error?.issues[0]?.message).toBe(
      "validation.passwordShort",
    );
    const mismatch = resetPasswordSchema.safeParse({ password: "long enough 1", confirm: "long enough 2" });
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ["confirm"], message: "mail.reset.mismatch" });
    expect(resetPasswordSchema.safeParse({ password: "long enough 1", confirm: "long enough 1" }).success).toBe(true);
  });
});
