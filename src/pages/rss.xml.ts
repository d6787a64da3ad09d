import { articleUrl } from '../lib/site/routes.ts';
import { SITE_NAME } from '../lib/site/labels.ts';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { loadArchive } from '../lib/site/archive.ts';
import { summaryOf } from '../lib/site/format.ts';
import { titleOf } from '../lib/site/titles.ts';
import { feedDescription, feedTitle } from '../lib/site/feed.ts';

/** The latest 50 stories. */
export const GET: APIRoute = async (context) => {
  const { articles } = await loadArchive();
  return rss({
    title: SITE_NAME,
    description: '聊城本地新闻档案：最新稿件',
    site: context.site ?? 'https://liaocheng-archive.example',
    customData: '<language>zh-cn</language>',
    items: articles.slice(0, 50).map((a) => ({
      title: feedTitle(titleOf(a)),
      link: articleUrl(a.id),
      description: feedDescription(summaryOf(a, 200)),
      ...(a.date ? { pubDate: new Date(`${a.date}T00:00:00+08:00`) } : {}),
      categories: [...(a.county ? [a.county.name] : []), ...a.topics],
    })),
  });
};
