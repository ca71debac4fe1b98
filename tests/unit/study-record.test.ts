import mammoth from 'mammoth';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { csvCell, ledgerRows, recordCsv } from '../../src/lib/record/export.ts';
import { recordDocument } from '../../src/lib/record/record-docx.ts';
import { recordByDay, studyTime } from '../../src/lib/record/days.ts';
import {
  addVisibleTime,
  loadRecord,
  RECORD_KEY,
  withVisibleTime,
  type StudyPage,
} from '../../src/lib/record/visits.ts';
import { memoryStore } from '../helpers/memory-store.ts';

const report: StudyPage = {
  kind: 'article',
  id: 'zhengfu-gongzuo-baogao/2024',
  title: '政府工作报告',
  path: 'articles/zhengfu-gongzuo-baogao/2024/',
};
const session: StudyPage = {
  kind: 'session',
  id: '2026-03',
  title: '政协常委会学习会',
  path: 'sessions/2026-03/',
};

describe('the study record', () => {
  it('adds visible time to the same page on the same day, and starts a new line on a new day', () => {
    let record = withVisibleTime([], report, 0, new Date(2026, 2, 5, 9, 0));
    record = withVisibleTime(record, report, 90, new Date(2026, 2, 5, 9, 2));
    record = withVisibleTime(record, session, 30, new Date(2026, 2, 5, 10, 0));
    record = withVisibleTime(record, report, 45, new Date(2026, 2, 6, 8, 0));
    const days = recordByDay(record);
    expect(days.map((d) => [d.day, d.seconds, d.visits.map((v) => v.title)])).toEqual([
      ['2026-03-06', 45, ['政府工作报告']],
      ['2026-03-05', 120, ['政府工作报告', '政协常委会学习会']],
    ]);
    expect(days[1].visits[0].first < days[1].visits[0].last).toBe(true);
  });

  it('keeps the record in the store and drops entries that are not visits', () => {
    const store = memoryStore();
    addVisibleTime(store, report, 12, new Date(2026, 2, 5));
    addVisibleTime(store, report, 8, new Date(2026, 2, 5));
    store.setItem(
      RECORD_KEY,
      JSON.stringify([
        ...loadRecord(store),
        { kind: 'video', id: 'x' },
        { ...loadRecord(store)[0], seconds: -1 },
      ]),
    );
    expect(loadRecord(store).map((v) => v.seconds)).toEqual([20]);
  });

  it('gives the time read in minutes and seconds, never a rounded 0', () => {
    expect(studyTime(0)).toBe('0 秒');
    expect(studyTime(20)).toBe('20 秒');
    expect(studyTime(100)).toBe('1 分 40 秒');
    expect(studyTime(3725)).toBe('62 分 5 秒');
  });
});

describe('exporting the 学习台账', () => {
  const record = withVisibleTime(
    withVisibleTime([], report, 600, new Date(2026, 2, 5, 9)),
    { ...session, title: '学习会,"两会"精神' },
    1500,
    new Date(2026, 2, 6, 9),
  );

  it('quotes CSV cells and keeps cells that look like formulas as text', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('说"好"')).toBe('"说""好"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
  });

  it('writes CSV as UTF-8 with a BOM and CRLF, a row per page per day, oldest first', () => {
    const csv = recordCsv(record, 'http://10.0.0.5/xuexi/');
    expect(csv.startsWith('\uFEFF日期,类型,材料,阅读时长（分钟）,首次打开,最后阅读,网址\r\n')).toBe(
      true,
    );
    const rows = csv.slice(1).trimEnd().split('\r\n');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toBe(
      '2026-03-05,文章,政府工作报告,10.0,09:00,09:00,http://10.0.0.5/xuexi/articles/zhengfu-gongzuo-baogao/2024/',
    );
    expect(rows[2]).toContain('"学习会,""两会""精神"');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('writes a .docx ledger with every page and its minutes', async () => {
    const buffer = await Packer.toBuffer(recordDocument(record, 'http://x/', new Date(2026, 2, 7)));
    const { value } = await mammoth.extractRawText({ buffer });
    expect(value).toContain('学习台账');
    // 600 s and 1,500 s on screen.
    expect(value).toContain('2026年3月5日至2026年3月6日，共 2 天、2 次阅读，合计 35 分 0 秒');
    for (const row of ledgerRows(record, 'http://x/'))
      for (const cell of row.slice(0, 6)) expect(value).toContain(cell);
  });
});
