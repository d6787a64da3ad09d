/** Typed access to the project's gazetteer (src/data/gazetteer.json). */
import raw from '../../data/gazetteer.json' with { type: 'json' };
import { z } from 'zod';

const Town = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  generic: z.boolean(),
  historical: z.boolean().optional(),
});

const Gazetteer = z.object({
  prefecture: z.object({ name: z.string(), slug: z.string(), label: z.string(), aliases: z.array(z.string()) }),
  units: z.array(
    z.object({
      slug: z.string(),
      name: z.string(),
      short: z.string(),
      type: z.enum(['county', 'zone']),
      aliases: z.array(z.string()),
      towns: z.array(Town),
    }),
  ),
  ocrCorrections: z.array(z.object({ wrong: z.string(), right: z.string(), note: z.string().optional() })),
});

export const gazetteer = Gazetteer.parse(raw);
export type Unit = (typeof gazetteer.units)[number];

export const CITY = { slug: gazetteer.prefecture.slug, name: gazetteer.prefecture.label };

/** Every county-level unit and 市级, in the order readers expect to see them. */
export function allCountyRefs(): Array<{ slug: string; name: string }> {
  return [...gazetteer.units.map((u) => ({ slug: u.slug, name: u.short })), CITY];
}

export function unitBySlug(slug: string): Unit | undefined {
  return gazetteer.units.find((u) => u.slug === slug);
}
