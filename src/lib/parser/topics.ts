/** Topics from the keyword rules in src/data/topics.json: one to three per story. */
import raw from '../../data/topics.json' with { type: 'json' };
import { z } from 'zod';
import { WordFinder } from './word-finder.ts';

const Topics = z.object({
  fallback: z.object({ slug: z.string(), name: z.string() }),
  topics: z.array(z.object({ slug: z.string(), name: z.string(), keywords: z.array(z.string()).min(1) })),
});

export const taxonomy = Topics.parse(raw);

const keywords = new WordFinder(taxonomy.topics.flatMap((t) => t.keywords));

/** Topics whose score is at least 3 and at least 40% of the best; the fallback when none is. */
export function assignTopics(headline: string, body: string, max = 3): string[] {
  const inHeadline = keywords.counts(headline);
  const inBody = keywords.counts(body);
  const scored = taxonomy.topics
    .map((t) => ({
      slug: t.slug,
      score: t.keywords.reduce((sum, k) => sum + 3 * (inHeadline.get(k) ?? 0) + (inBody.get(k) ?? 0), 0),
    }))
    .filter((t) => t.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0]?.score ?? 0;
  const chosen = scored.filter((t) => t.score >= 3 && t.score >= best * 0.4).slice(0, max);
  return chosen.length > 0 ? chosen.map((t) => t.slug) : [taxonomy.fallback.slug];
}

export function topicName(slug: string): string {
  return taxonomy.topics.find((t) => t.slug === slug)?.name ?? taxonomy.fallback.name;
}
