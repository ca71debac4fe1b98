import { chineseDate } from '../handout-document.ts';
import { downloadFile, localDay, type KeyValueStore } from '../local-store.ts';
import { el, link, openStudyPage, type StudyPage } from '../study-page.ts';
import { clockTime, KIND_NAMES, recordByDay, studyTime } from './days.ts';
import { recordCsv } from './export.ts';
import { clearRecord, loadRecord, type StudyVisit } from './visits.ts';

function visitItem(v: StudyVisit, siteBase: string): HTMLLIElement {
  const li = el('li');
  li.append(
    link(new URL(v.path, siteBase).href, v.title),
    ' ',
    el(
      'span',
      'record-meta',
      `${KIND_NAMES[v.kind]} · ${clockTime(v.first)} 打开 · ${studyTime(v.seconds)}`,
    ),
  );
  return li;
}

/** Draws the record from the store: a summary line and one section per day. */
function renderRecord(page: StudyPage, store: KeyValueStore): void {
  const { list, status, siteBase } = page;
  const record = loadRecord(store);
  const days = recordByDay(record);
  page.enable(record.length > 0);
  list.replaceChildren();
  if (days.length === 0) {
    status.textContent = '还没有记录。打开文章或学习会页面后，这里会按日期列出。';
    return;
  }
  const total = days.reduce((s, d) => s + d.seconds, 0);
  status.textContent = `共 ${days.length} 天、${record.length} 次阅读，合计 ${studyTime(total)}。`;
  for (const day of days) {
    const section = el('section', 'record-day');
    const ol = el('ol');
    ol.append(...day.visits.map((v) => visitItem(v, siteBase)));
    section.append(el('h2', '', `${chineseDate(day.day)}（${studyTime(day.seconds)}）`), ol);
    list.append(section);
  }
}

/** /record/: the reader's study record by day, exports for a 学习台账, and the clear button. */
export function startRecordPage(root: HTMLElement, store: KeyValueStore | null): void {
  const page = openStudyPage(
    root,
    store,
    { list: '.record-list', status: '[data-record-status]' },
    '这个浏览器不允许网页保存数据，学习记录无法使用。',
  );
  if (!page || !store) return;
  const { status, siteBase } = page;
  const render = () => renderRecord(page, store);

  page.onAction('csv', () => {
    const now = new Date();
    downloadFile(
      new Blob([recordCsv(loadRecord(store), siteBase)], { type: 'text/csv;charset=utf-8' }),
      `学习记录-${localDay(now)}.csv`,
    );
  });
  page.onAction('docx', async () => {
    const { recordDocxBlob } = await import('./record-docx.ts');
    const now = new Date();
    downloadFile(
      await recordDocxBlob(loadRecord(store), siteBase, now),
      `学习台账-${localDay(now)}.docx`,
    );
  });
  page.onAction('clear', () => {
    if (!confirm('删除全部学习记录？删除后无法恢复。')) return;
    clearRecord(store);
    render();
    status.textContent = '已删除全部学习记录。';
  });
  addEventListener('storage', render);
  render();
}
