import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as devalue from 'devalue';
import { afterAll, describe, expect, it } from 'vitest';
import { contentStoreIntegration, contentStoreModule } from '../../src/lib/build/content-store-integration.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'content-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the module's code to a file and imports it, as the prerender step does. */
async function importModule(storeFile: string, name: string): Promise<unknown> {
  const modulePath = path.join(dir, `${name}.mjs`);
  writeFileSync(modulePath, contentStoreModule(storeFile));
  return ((await import(pathToFileURL(modulePath).href)) as { default: unknown }).default;
}

describe('the content store module', () => {
  it('gives the store the content sync wrote, in the form Astro’s runtime unflattens', async () => {
    const store = new Map([
      ['articles', new Map([['a-1', { id: 'a-1', data: { headline: '聊城港开港', figures: [] } }]])],
    ]);
    const file = path.join(dir, 'data-store.json');
    // As Astro writes it (data-store-writer.js): devalue's stringify of the collections.
    writeFileSync(file, devalue.stringify(store));
    const loaded = await importModule(file, 'store');
    expect(Array.isArray(loaded)).toBe(true);
    expect(devalue.unflatten(loaded as number[])).toEqual(store);
  });

  it('is an empty store when nothing was synced, as Astro’s own module is', async () => {
    expect(await importModule(path.join(dir, 'missing.json'), 'missing')).toEqual(new Map());
  });
});

/** The Vite plugins the integration adds for a command, output and store layout. */
function pluginsFor(command: 'build' | 'dev', output: 'static' | 'server', collectionStorage?: string): unknown[] {
  const plugins: unknown[] = [];
  const setup = contentStoreIntegration().hooks['astro:config:setup'] as (options: unknown) => void;
  setup({
    command,
    config: { output, cacheDir: pathToFileURL(`${dir}/`), experimental: { collectionStorage } },
    updateConfig: (c: { vite: { plugins: unknown[] } }) => plugins.push(...c.vite.plugins),
  });
  return plugins;
}

describe('contentStoreIntegration', () => {
  it('takes over the store module only in a static build with a single-file store', () => {
    expect(pluginsFor('build', 'static')).toHaveLength(1);
    expect(pluginsFor('build', 'static', 'single-file')).toHaveLength(1);
    expect(pluginsFor('dev', 'static')).toHaveLength(0);
    expect(pluginsFor('build', 'server')).toHaveLength(0);
    expect(pluginsFor('build', 'static', 'chunked')).toHaveLength(0);
  });

  it('answers for Astro’s store module, before Astro’s own loader, with code that reads the cache folder’s file', () => {
    const [plugin] = pluginsFor('build', 'static') as Array<{
      load: { order: string; handler: (id: string) => string | null };
    }>;
    expect(plugin?.load.order).toBe('pre');
    expect(plugin?.load.handler('\0astro:data-layer-content')).toContain(
      JSON.stringify(path.join(dir, 'data-store.json')),
    );
    expect(plugin?.load.handler('\0astro:content')).toBeNull();
  });
});
