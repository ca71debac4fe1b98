import { chineseDate } from '../handout-document.ts';
import { downloadFile, localDay, type KeyValueStore } from '../local-store.ts';
import { el, link, openStudyPage } from '../study-page.ts';
import { clockTime, KIND_NAMES, recordByDay, studyMinutes } from './days.ts';
import { recordCsv } from './export.ts';
import { clearRecord, loadRecord } from './visits.ts';

/** /record/: the reader's study record by day, exports for a 学习台账, and the clear button. */
export function startRecordPage(root: HTMLElement, store: KeyValueStore | null): void {
  const page = openStudyPage(
    root,
    store,
    { list: '.record-list', status: '[data-record-status]' },
    '这个浏览器不允许网页保存数据，学习记录无法使用。',
  );
  if (!page || !store) return;
  const { list, status, siteBase } = page;

  function render(): void {
    const record = loadRecord(store!);
    const days = recordByDay(record);
    page!.enable(record.length > 0);
    list.replaceChildren();
    if (days.length === 0) {
      status.textContent = '还没有记录。打开文章或学习会页面后，这里会按日期列出。';
      return;
    }
    status.textContent = `共 ${days.length} 天、${record.length} 次阅读，合计${studyMinutes(days.reduce((s, d) => s + d.seconds, 0))}。`;
    for (const day of days) {
      const section = el('section', 'record-day');
      const ol = el('ol');
      for (const v of day.visits) {
        const li = el('li');
        li.append(
          link(new URL(v.path, siteBase).href, v.title),
          ' ',
          el(
            'span',
            'record-meta',
            `${KIND_NAMES[v.kind]} · ${clockTime(v.first)} 打开 · ${studyMinutes(v.seconds)}`,
          ),
        );
        ol.append(li);
      }
      section.append(el('h2', '', `${chineseDate(day.day)}（${studyMinutes(day.seconds)}）`), ol);
      list.append(section);
    }
  }

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
