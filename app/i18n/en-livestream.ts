// English messages of the livestream output: the overlays for OBS/vMix and the organizer's page of
// partner sites allowed to embed the live pages. Merged into `en` as `livestream` (see en.ts).
export const enLivestream = {
  overlay: {
    title: "Livestream overlay",
    badQuery: "This overlay's address is not right: {{problem}}",
    badBackground: "background must be one of transparent, green, blue, magenta",
    badRows: "rows must be a whole number from 1 to 30",
  },
  embedding: {
    title: "Livestream and embedding",
    link: "Livestream and embedding",
    overlays: "Overlays for OBS or vMix",
    overlaysHint:
      "Add each as a browser source of 1920×1080. The background is transparent; add ?background=green (or blue, magenta) for a chroma key, and ?rows=1–30 to the ranking (10 by default).",
    ranking: "Ranking",
    lowerThird: "Lower third (the finalist on stage, the pitch timer, the result)",
    board: "Big screen",
    partners: "Partner sites",
    partnersHint:
      "Pages of these sites may show the big screen and the overlays in a frame, and open the live channel from their own scripts (as the audience). One origin per line, e.g. https://partner.example — https with a host (and a port), or http://localhost for testing; at most {{max}}.",
    originsLabel: "Allowed origins",
    save: "Save the list",
    saved_one: "Saved: {{count}} partner site may embed the live pages.",
    saved_other: "Saved: {{count}} partner sites may embed the live pages.",
    none: "No partner site is listed: the live pages can be framed by this site only.",
    notAnOrigin: "“{{origin}}” is not an address such as https://partner.example.",
    notBare: "“{{origin}}”: write the origin only, without a path or a trailing slash (e.g. https://partner.example).",
    httpsOnly: "“{{origin}}”: use https (plain http only for localhost).",
    tooMany: "At most {{max}} origins.",
  },
};
