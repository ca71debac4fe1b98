import { NOTES_KEY, type ReaderNote } from '../../src/lib/notes/store.ts';
import { RECORD_KEY, withVisibleTime } from '../../src/lib/record/visits.ts';

/**
 * localStorage entries for a reader with one note on `article` and two days of study record, so
 * the notes and record pages can be checked with content on them.
 */
export function sampleStudyData(article: string): [string, string][] {
  const note: ReaderNote = {
    id: 'sample-1',
    article,
    title: '示例文章',
    source: '示例栏目 · 示例作者',
    section: 's1',
    sectionTitle: '一、示例小节',
    quote: '示例摘录',
    prefix: '',
    suffix: '',
    note: '示例心得',
    created: '2026-03-05T01:00:00.000Z',
    updated: '2026-03-05T01:00:00.000Z',
  };
  let record = withVisibleTime(
    [],
    { kind: 'article', id: article, title: '示例文章', path: `articles/${article}/` },
    600,
    new Date(2026, 2, 4, 9),
  );
  record = withVisibleTime(
    record,
    { kind: 'session', id: 'sample', title: '示例学习会', path: 'sessions/sample/' },
    1200,
    new Date(2026, 2, 5, 9),
  );
  return [
    [NOTES_KEY, JSON.stringify([note])],
    [RECORD_KEY, JSON.stringify(record)],
  ];
}
