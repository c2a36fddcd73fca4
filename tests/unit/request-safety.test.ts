// Pure rules behind the HTTP defences: the shape of form field names, strict UTF-8 reading of a
// form, and where a redirect may go.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  decodeFormComponent,
  fieldNameProblem,
  FORM_LIMITS,
  formStructureProblem,
  urlencodedNames,
} from "../../app/domain/form-structure";
import { safeRedirectPath } from "../../app/domain/safe-redirect";

describe("form field names", () => {
  it("accepts every name shape the site's own forms use", () => {
    for (const name of [
      "email",
      "team[0].name",
      "criteria[12].nameZh",
      "m42",
      "_action",
      "redirectTo",
      "tie-break",
      `team[${FORM_LIMITS.index}].role`,
    ]) {
      expect(fieldNameProblem(name), name).toBeNull();
    }
  });

  it("refuses the names that make a parser allocate or nest without bound", () => {
    expect(fieldNameProblem("junk[100000000]")).toBe("index");
    expect(fieldNameProblem(`team[${FORM_LIMITS.index + 1}].name`)).toBe("index");
    expect(fieldNameProblem("a.b.c.d.e")).toBe("depth");
    expect(fieldNameProblem("a[0][0][0][0]")).toBe("depth");
    for (const name of [
      "",
      "[0]",
      "a[]",
      "a[-1]",
      "a..b",
      "a[0]b",
      "\u0000",
      "a b",
      "x".repeat(FORM_LIMITS.nameLength + 1),
      "a[1e9]",
    ]) {
      expect(fieldNameProblem(name), JSON.stringify(name)).not.toBeNull();
    }
    expect(formStructureProblem(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => `f${i}`))).toBe("fields");
    expect(formStructureProblem(["file"], FORM_LIMITS.files + 1)).toBe("files");
  });

  it("never lets a name through whose indices or depth exceed the limits, whatever it looks like", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        if (fieldNameProblem(name) !== null) return;
        const indices = [...name.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
        expect(indices.every((i) => i <= FORM_LIMITS.index)).toBe(true);
        expect(name.split(/[.[]/).length).toBeLessThanOrEqual(FORM_LIMITS.depth);
      }),
    );
  });
});

describe("reading an urlencoded form", () => {
  it("decodes UTF-8, plus signs and percent escapes, and refuses bytes that are not UTF-8", () => {
    expect(decodeFormComponent("%E4%B8%AD%E6%96%87+ok")).toBe("中文 ok");
    expect(decodeFormComponent("%C3%28")).toBeNull();
    expect(decodeFormComponent("%FF")).toBeNull();
    expect(decodeFormComponent("%E4%B8")).toBeNull();
    expect(decodeFormComponent("50%")).toBeNull();
    expect(decodeFormComponent("%ZZ")).toBeNull();
    // Raw bytes (the body read as latin1): valid UTF-8 passes, a lone continuation byte does not.
    expect(decodeFormComponent(Buffer.from("é", "utf8").toString("latin1"))).toBe("é");
    expect(decodeFormComponent("\u0080")).toBeNull();
  });

  it("lists the names of a body, or says why it cannot be read", () => {
    expect(urlencodedNames("a=1&b=2&&c")).toEqual({ names: ["a", "b", "c"] });
    expect(urlencodedNames("a=%FF")).toEqual({ problem: "encoding" });
    expect(urlencodedNames(Array.from({ length: FORM_LIMITS.fields + 1 }, (_, i) => `f${i}=1`).join("&"))).toEqual({
      problem: "fields",
    });
  });
});

describe("where a redirect may go", () => {
  it("keeps paths of this site as they are", () => {
    expect(safeRedirectPath("/judge/regional?entry=EU-QI-0042#sheet")).toBe("/judge/regional?entry=EU-QI-0042#sheet");
    expect(safeRedirectPath("/me")).toBe("/me");
  });

  it("sends anything that could leave the site, or carry a header, to the fallback", () => {
    for (const input of [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "https://evil.example",
      "evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/a\r\nSet-Cookie: x=1",
      "",
      "x".repeat(2001),
      42,
      null,
    ]) {
      expect(safeRedirectPath(input), JSON.stringify(input)).toBe("/");
    }
  });

  it("re-encodes what it keeps, so a Location header never holds a raw non-ASCII character", () => {
    expect(safeRedirectPath("/résultats?q=中")).toBe("/r%C3%A9sultats?q=%E4%B8%AD");
  });

  it("never returns a path that leaves the site, whatever it is given", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (tail) => {
        const out = safeRedirectPath("/" + tail);
        expect(new URL(out, "http://site.test").origin).toBe("http://site.test");
        expect(/^\/(?![/\\])/.test(out)).toBe(true);
        // eslint-disable-next-line no-control-regex -- the property is about control characters
        expect(/[\u0000-\u001f\u007f-\uffff]/.test(out)).toBe(false);
      }),
    );
  });
});
