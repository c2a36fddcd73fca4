// English messages. zh-Hans.ts must have the same keys: its type is derived from this object.
export const en = {
  app: {
    name: "Frontier",
    tagline: "Judging and live rankings",
  },
  nav: {
    home: "Home",
    results: "Results",
    language: "Language",
    switchTo: "中文",
  },
  errors: {
    notFound: "Not found",
    notFoundBody: "The page you asked for does not exist.",
    generic: "Something went wrong",
    genericBody: "The error has been logged. Please try again.",
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
