// Reading groups, tracks and countries as organizers type them in an import file.
import { describe, expect, it } from "vitest";
import { readHeader } from "../../app/domain/import-columns";
import {
  buildVocabulary,
  GROUP_SUFFIXES,
  matchTerm,
  normalizeTerm,
  TRACK_SUFFIXES,
} from "../../app/domain/import-vocabulary";
import { countriesVocabulary } from "../../app/services/entry-import-context.server";

const term = (code: string, nameEn: string, nameZh: string) => ({ code, nameEn, nameZh });
const groups = buildVocabulary(
  [
    term("EU", "Europe", "欧洲赛区"),
    term("AS", "Asia", "亚洲赛区"),
    term("HMT", "Hong Kong, Macao & Taiwan", "港澳台赛区"),
    term("SC", "South China", "华南赛区"),
    term("CW", "Central & Western China", "中西部赛区"),
  ],
  GROUP_SUFFIXES,
);
const tracks = buildVocabulary(
  [
    term("QI", "Quantum Information", "量子信息"),
    term("BCI", "Brain-Computer Interfaces", "脑机接口"),
    term("LLM", "Large Models & Generative AI", "大模型与生成式AI"),
    term("6G", "6G Communications", "6G通信"),
  ],
  TRACK_SUFFIXES,
);
const codeOf = (vocabulary: typeof groups, typed: string) => {
  const match = matchTerm(vocabulary, typed);
  return match.ok ? match.code : `${match.reason}:${match.candidates.map((c) => c.code).join(",")}`;
};

describe("matching what people type to a code", () => {
  it("takes a code in any case or width", () => {
    expect(["EU", "eu", " Eu ", "ＥＵ"].map((typed) => codeOf(groups, typed))).toEqual(["EU", "EU", "EU", "EU"]);
    expect(codeOf(tracks, "6g")).toBe("6G");
  });

  it("takes a group's name in English or Chinese, with or without the word for group", () => {
    for (const typed of ["Europe", "europe", "EUROPE  ", "欧洲赛区", "欧洲组", "欧洲", "Europe group", "Ｅｕｒｏｐｅ"])
      expect(codeOf(groups, typed), typed).toBe("EU");
    expect(codeOf(groups, "Hong Kong, Macao and Taiwan")).toBe("HMT");
    expect(codeOf(groups, "港澳台")).toBe("HMT");
  });

  it("takes a track's name whatever its spacing, hyphens, plural or the word for track", () => {
    expect(codeOf(tracks, "Quantum information")).toBe("QI");
    expect(codeOf(tracks, "quantum   INFORMATION")).toBe("QI");
    expect(codeOf(tracks, "Brain computer interface")).toBe("BCI");
    expect(codeOf(tracks, "脑机接口赛道")).toBe("BCI");
    expect(codeOf(tracks, "Large models and generative AI")).toBe("LLM");
    expect(codeOf(tracks, "6G 通信")).toBe("6G");
  });

  it("names the candidates of a name that fits several, and the near ones of an unknown one", () => {
    expect(codeOf(groups, "China")).toBe("unknown:SC,CW");
    expect(codeOf(tracks, "Quantum informaton")).toBe("unknown:QI");
    expect(codeOf(tracks, "Large models")).toBe("unknown:LLM");
    expect(codeOf(groups, "Mars")).toBe("unknown:");
    const twins = buildVocabulary([term("A1", "Robotics", "机器人"), term("A2", "Robotics", "机器人技术")]);
    expect(codeOf(twins, "robotics")).toBe("ambiguous:A1,A2");
  });

  it("knows every country by its codes and its names in both languages", () => {
    const countries = countriesVocabulary();
    for (const typed of ["Germany", "德国", "DE", "de", "DEU", "ｄｅ", " germany "])
      expect(codeOf(countries, typed), typed).toBe("DE");
    expect(codeOf(countries, "United States")).toBe("US");
    expect(codeOf(countries, "USA")).toBe("US");
    expect(codeOf(countries, "美国")).toBe("US");
    expect(codeOf(countries, "UK")).toBe("GB");
    expect(codeOf(countries, "香港")).toBe("HK");
    expect(codeOf(countries, "中国台湾")).toBe("TW");
    expect(codeOf(countries, "Congo")).toBe("ambiguous:CG,CD");
    expect(codeOf(countries, "Germny")).toBe("unknown:DE");
  });

  it("normalizes width, case, punctuation and spacing alike", () => {
    expect(normalizeTerm("Ｑｕａｎｔｕｍ　Information")).toBe(normalizeTerm("quantum-information"));
    expect(normalizeTerm("A & B")).toBe(normalizeTerm("a and b"));
  });
});

describe("reading the header row", () => {
  it("takes the template's names and the words people write instead, in either language", () => {
    const header = readHeader([
      "Group",
      "赛道",
      "Title (English)",
      "单位",
      "Country/Region",
      "联系人",
      "Contact e-mail",
      "Notes",
    ]);
    expect(header.columns).toEqual([
      "group",
      "track",
      "title_en",
      "organization",
      "country",
      "contact_name",
      "contact_email",
      null,
    ]);
    expect(header.missing).toEqual([]);
    expect(header.unknown).toEqual(["Notes"]);
  });

  it("names the required columns that are missing", () => {
    expect(readHeader(["group", "track", "title_en"]).missing).toEqual([
      "organization",
      "country",
      "contact_name",
      "contact_email",
    ]);
  });
});
