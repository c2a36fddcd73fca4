// The names and links a pitch deck gets: safe in headers and unzip tools, only http(s) video links.
import { describe, expect, it } from "vitest";
import { deckFormSchema, inlineDisposition, storedDeckName, zipDeckName } from "../../app/domain/deck-rules";

describe("deck names and links", () => {
  it("a ZIP names each deck by code and title with only safe characters", () => {
    expect(zipDeckName("CN-QI-0001", 'Quantum / sensing: "v2"')).toBe("CN-QI-0001 Quantum sensing v2.pdf");
    expect(zipDeckName("CN-QI-0002", "量子传感器")).toBe("CN-QI-0002 量子传感器.pdf");
    expect(zipDeckName("CN-QI-0003", null)).toBe("CN-QI-0003.pdf");
    expect(zipDeckName("CN-QI-0004", "../../etc/passwd")).toBe("CN-QI-0004 .. .. etc passwd.pdf");
  });

  it("an uploaded name keeps the entrant's words, always ends in .pdf and never carries a path", () => {
    expect(storedDeckName("Our pitch.PDF")).toBe("Our pitch.pdf");
    expect(storedDeckName("..\\..\\x")).toBe("x.pdf");
    expect(storedDeckName("???")).toBe("deck.pdf");
  });

  it("the inline header has an ASCII fallback and the full UTF-8 name", () => {
    expect(inlineDisposition("路演 v2.pdf")).toBe(
      `inline; filename="_ v2.pdf"; filename*=UTF-8''${encodeURIComponent("路演 v2.pdf")}`,
    );
  });

  it("a video link must be http or https; an empty one removes it", () => {
    const parse = (videoUrl: string) => deckFormSchema.safeParse({ videoUrl });
    expect(parse("https://video.example.org/x").data?.videoUrl).toBe("https://video.example.org/x");
    expect(parse("").data?.videoUrl).toBeNull();
    for (const bad of ["javascript:alert(1)", "data:text/html,x", "ftp://x.org/a", "https://", "not a link"])
      expect(parse(bad).error?.issues[0]?.message, bad).toBe("decks.videoUrlInvalid");
  });
});
