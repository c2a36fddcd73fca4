import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formMessage, messagesAt, refuse, refuseParse } from "~/domain/refusal";
import { REFUSAL_STATUS } from "~/routing/refusals";

describe("a refusal", () => {
  it("answers invalid input with 400, a forbidden asker with 403, a missing thing with 404, a state conflict with 409", () => {
    expect(REFUSAL_STATUS[refuse.invalid("validation.required", "email").kind]).toBe(400);
    expect(REFUSAL_STATUS[refuse.forbidden("users.selfDisable").kind]).toBe(403);
    expect(REFUSAL_STATUS[refuse.notFound("judges.notFound").kind]).toBe(404);
    expect(REFUSAL_STATUS[refuse.conflict("round.publishedLocked").kind]).toBe(409);
    expect(REFUSAL_STATUS[refuse.rateLimited("auth.rateLimited", 30).kind]).toBe(429);
  });

  it("shows a one-field refusal at that field and nowhere else", () => {
    const r = refuse.invalid("judges.alreadyJudge", "email");
    expect(messagesAt(r, "email")).toEqual(["judges.alreadyJudge"]);
    expect(messagesAt(r, "name")).toEqual([]);
    expect(formMessage(r)).toBeNull();
  });

  it("shows a refusal tied to no field as the form's message", () => {
    const r = refuse.conflict("round.publishedLocked");
    expect(formMessage(r)).toBe("round.publishedLocked");
    expect(messagesAt(r, "email")).toEqual([]);
  });

  it("puts every problem of a failed parse at its own field", () => {
    const schema = z.object({
      name: z.string().min(1, { error: "validation.required" }),
      max: z.number({ error: "round.maxInvalid" }),
    });
    const parsed = schema.safeParse({ name: "", max: "x" });
    if (parsed.success) throw new Error("expected a failed parse");
    const r = refuseParse(parsed.error);
    expect(r).toMatchObject({ ok: false, kind: "invalid", code: "validation.fixErrors", field: "name" });
    expect(messagesAt(r, "name")).toEqual(["validation.required"]);
    expect(messagesAt(r, "max")).toEqual(["round.maxInvalid"]);
    expect(formMessage(r)).toBe("validation.fixErrors");
  });

  it("carries the wait of a rate limit in its params", () => {
    expect(refuse.rateLimited("auth.rateLimited", 42).params).toEqual({ seconds: 42 });
  });
});
