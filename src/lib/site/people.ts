/** Credited people and their URL slugs (pinyin, so links stay readable). */
import { pinyin } from 'pinyin-pro';
import type { Article } from '../schema.ts';
import { reporterUrl } from './routes.ts';

export type Role = 'reporter' | 'correspondent' | 'photographer' | 'author';

export const ROLE_NAMES: Record<Role, string> = {
  reporter: '记者',
  correspondent: '通讯员',
  photographer: '摄影',
  author: '作者',
};

export interface Person {
  name: string;
  slug: string;
  roles: Role[];
  articleIds: string[];
}

/** Everyone an article credits, with the roles they are credited in. */
export function creditsOf(a: Article): Array<{ name: string; role: Role }> {
  const out: Array<{ name: string; role: Role }> = [];
  const add = (names: string[], role: Role) => {
    for (const name of names) if (!out.some((x) => x.name === name && x.role === role)) out.push({ name, role });
  };
  add(a.byline.reporters, 'reporter');
  add(a.byline.authors, 'author');
  add(a.byline.photographers, 'photographer');
  add(a.byline.correspondents, 'correspondent');
  for (const c of a.credits) {
    add(c.photographers, 'photographer');
    add(c.correspondents, 'correspondent');
  }
  return out;
}

export function slugOfName(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'removed' });
  return (
    syllables
      .join('-')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '') || 'person'
  );
}

/** Every credited person, with a unique slug (同音 names get -2, -3 in order of first appearance). */
export function collectPeople(articles: Article[]): Person[] {
  const byName = new Map<string, Person>();
  const taken = new Map<string, number>();
  for (const a of articles) {
    for (const { name, role } of creditsOf(a)) {
      let p = byName.get(name);
      if (!p) {
        const base = slugOfName(name);
        const n = (taken.get(base) ?? 0) + 1;
        taken.set(base, n);
        p = { name, slug: n === 1 ? base : `${base}-${n}`, roles: [], articleIds: [] };
        byName.set(name, p);
      }
      if (!p.roles.includes(role)) p.roles.push(role);
      if (!p.articleIds.includes(a.id)) p.articleIds.push(a.id);
    }
  }
  return [...byName.values()].sort((x, y) => y.articleIds.length - x.articleIds.length || x.slug.localeCompare(y.slug));
}

/** A story's credit line as shown: each role with its names, each linked to the person's page when they have one. */
export interface Credits {
  roles: Array<{ role: string; names: Array<{ name: string; href: string | null }> }>;
  /** The agency, when it is not 本报. */
  agency: string | null;
}

export function creditsLine(a: Article, person: (name: string) => Person | undefined): Credits {
  const credits = creditsOf(a);
  return {
    roles: (['reporter', 'author', 'photographer', 'correspondent'] as Role[])
      .map((role) => ({
        role: ROLE_NAMES[role],
        names: credits
          .filter((c) => c.role === role)
          .map(({ name }) => {
            const p = person(name);
            return { name, href: p ? reporterUrl(p.slug) : null };
          }),
      }))
      .filter((r) => r.names.length > 0),
    agency: a.byline.agency && a.byline.agency !== '本报' ? a.byline.agency : null,
  };
}
