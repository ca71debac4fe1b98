import { clockTime, KIND_NAMES, recordByDay } from './days.ts';
import type { StudyVisit } from './visits.ts';

/** The columns of the 学习台账, shared by the CSV and the Word table. */
export const LEDGER_COLUMNS = [
  '日期',
  '类型',
  '材料',
  '阅读时长（分钟）',
  '首次打开',
  '最后阅读',
  '网址',
];

/** One row per page per day, oldest day first, as a ledger is kept. */
export function ledgerRows(record: StudyVisit[], siteBase: string): string[][] {
  return recordByDay(record)
    .reverse()
    .flatMap((d) =>
      d.visits.map((v) => [
        v.day,
        KIND_NAMES[v.kind],
        v.title,
        (Math.round(v.seconds / 6) / 10).toFixed(1),
        clockTime(v.first),
        clockTime(v.last),
        new URL(v.path, siteBase).href,
      ]),
    );
}

/** RFC 4180 quoting; a cell Excel would read as a formula (=, +, -, @) is kept as text. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** UTF-8 with a BOM and CRLF, so Excel on Chinese Windows opens it without garbling the Chinese. */
export function recordCsv(record: StudyVisit[], siteBase: string): string {
  const rows = [LEDGER_COLUMNS, ...ledgerRows(record, siteBase)];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
