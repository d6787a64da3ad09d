/**
 * The figure tables as CSV for researchers: one row per figure, the same
 * rows as the page's table. UTF-8 with a byte-order mark and CRLF line ends,
 * so Excel on a Chinese Windows opens it as UTF-8 rather than GBK; quoting by
 * csv-stringify, so any text (commas, quotes, line breaks) round-trips.
 */
import { stringify } from 'csv-stringify/sync';
import type { FigureRow } from './figure-rows.ts';

/** The columns, in order: the header a spreadsheet shows and how each cell is read from a row. */
export const CSV_COLUMNS: ReadonlyArray<{ header: string; cell: (row: FigureRow, site: URL) => string | number }> = [
  { header: '稿件编号', cell: (r) => r.articleId },
  { header: '标题', cell: (r) => r.title },
  { header: '日期', cell: (r) => r.date ?? '' },
  { header: '区县', cell: (r) => r.county?.name ?? '' },
  { header: '指标', cell: (r) => r.label },
  { header: '数值', cell: (r) => r.value },
  { header: '原文数值', cell: (r) => r.valueText },
  { header: '单位', cell: (r) => r.unit },
  { header: '约数', cell: (r) => r.qualifier ?? '' },
  { header: '原文', cell: (r) => r.text },
  { header: '摘录', cell: (r) => r.excerpt.text },
  { header: '链接', cell: (r, site) => new URL(r.storyUrl, site).href },
];

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/** The CSV text (BOM first) for these rows, links made absolute against the site's address. */
export function figureCsv(rows: readonly FigureRow[], site: URL | string): string {
  const base = new URL(site);
  return stringify(
    rows.map((r) => CSV_COLUMNS.map((c) => c.cell(r, base))),
    {
      bom: true,
      header: true,
      columns: CSV_COLUMNS.map((c) => c.header),
      record_delimiter: 'windows',
      // Seed text is untrusted: a cell starting with = + - @ gets a leading ' so a spreadsheet shows it as text, not a formula.
      escape_formulas: true,
    },
  );
}
