import {
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type Document,
} from 'docx';
import { chineseDate } from '../handout-document.ts';
import { localDay } from '../local-store.ts';
import { line, studyDocument } from '../study-docx.ts';
import { LEDGER_COLUMNS, ledgerRows } from './export.ts';
import { recordByDay, studyTime } from './days.ts';
import type { StudyVisit } from './visits.ts';

function cell(text: string, bold = false): TableCell {
  return new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
}

/** 学习台账 as a Word table: every page read, by day, with the time it was on screen. */
export function recordDocument(record: StudyVisit[], siteBase: string, at: Date): Document {
  const days = recordByDay(record);
  const first = days.at(-1);
  const total = studyTime(days.reduce((s, d) => s + d.seconds, 0));
  // The address column makes the table too wide for A4 in Word; it stays in the CSV.
  const columns = LEDGER_COLUMNS.slice(0, -1);
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: columns.map((c) => cell(c, true)) }),
      ...ledgerRows(record, siteBase).map(
        (r) => new TableRow({ children: r.slice(0, columns.length).map((c) => cell(c)) }),
      ),
    ],
  });
  return studyDocument('学习台账', [
    line(
      `${first ? `${chineseDate(first.day)}至${chineseDate(days[0].day)}` : '暂无记录'}，共 ${days.length} 天、${record.length} 次阅读，合计 ${total}。导出于${chineseDate(localDay(at))}。`,
      { muted: true },
    ),
    table,
  ]);
}

export function recordDocxBlob(record: StudyVisit[], siteBase: string, at: Date): Promise<Blob> {
  return Packer.toBlob(recordDocument(record, siteBase, at));
}
