/**
 * The breadcrumb trail under the header: the section (linked once the reader
 * is below its index), then where they are.
 */
import { SECTION_NAMES } from './labels.ts';
import { SECTION_URLS } from './routes.ts';

export interface Crumb {
  label: string;
  href?: string;
}

export function sectionTrail(section: Exclude<keyof typeof SECTION_URLS, 'home'>, ...below: Crumb[]): Crumb[] {
  const name = SECTION_NAMES[section];
  return below.length === 0 ? [{ label: name }] : [{ label: name, href: SECTION_URLS[section] }, ...below];
}
