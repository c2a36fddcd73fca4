// The world map of the coverage page: country outlines projected once per process, small places as dots.
import { geoNaturalEarth1, geoPath } from "d3-geo";
import type { Feature, FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import world from "world-atlas/countries-110m.json";
import { numericToAlpha2 } from "../i18n/countries";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;

export type MapShape = { code: string | null; d: string };

// Places too small to see at this scale, drawn as dots so their entries still show.
const SMALL_PLACES: Record<string, [number, number]> = {
  HK: [114.17, 22.32],
  MO: [113.54, 22.2],
  SG: [103.82, 1.35],
  LU: [6.13, 49.61],
  QA: [51.53, 25.29],
  BH: [50.56, 26.07],
  MT: [14.51, 35.9],
};

let cache: { shapes: MapShape[]; dots: { code: string; x: number; y: number }[] } | undefined;

/** Projected country outlines, computed once per process: only the fills change per request. */
export function worldShapes() {
  if (cache) return cache;
  const topology = world as unknown as Topology<{ countries: GeometryCollection }>;
  const countries = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    {
      type: "FeatureCollection",
      features: countries.features.filter((f: Feature) => f.id !== "010"), // Antarctica takes space and has no entries
    },
  );
  const path = geoPath(projection).digits(1);
  const shapes = countries.features
    .filter((f) => f.id !== "010")
    .map((f) => ({ code: f.id === undefined ? null : (numericToAlpha2(String(f.id)) ?? null), d: path(f) ?? "" }))
    .filter((s) => s.d !== "");
  const dots = Object.entries(SMALL_PLACES).map(([code, lonLat]) => {
    const [x, y] = projection(lonLat) ?? [0, 0];
    return { code, x: Math.round(x * 10) / 10, y: Math.round(y * 10) / 10 };
  });
  cache = { shapes, dots };
  return cache;
}
