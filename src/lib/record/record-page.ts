import { chineseDate } from '../handout-document.ts';
import { downloadFile, localDay, type KeyValueStore } from '../local-store.ts';
import { recordCsv } from './export.ts';
import { clockTime, KIND_NAMES, recordByDay, studyMinutes } from './days.ts';
import { clearRecord, loadRecord } from './visits.ts';

/** /record/: the reader's study record by day, exports for a 学习台账, and the clear button. */
export function startRecordPage(root: HTMLElement, store: KeyValueStore | null): void {
  const list = root.querySelector<HTMLElement>('.record-list')!;
  const status = root.querySelector<HTMLElement>('[data-record-status]')!;
  const buttons = [...root.querySelectorAll<HTMLButtonElement>('[data-action]')];
  const siteBase = new URL(import.meta.env.BASE_URL, location.href).href;
  root.hidden = false;
  if (!store) {
    status.textContent = '这个浏览器不允许网页保存数据，学习记录无法使用。';
    buttons.forEach((b) => { b.disabled = true; });
    return;
  }

  function render(): void {
    const record = loadRecord(store!);
    const days = recordByDay(record);
    buttons.forEach((b) => { b.disabled = record.length === 0; });
    list.replaceChildren();
    if (days.length === 0) {
      status.textContent = '还没有记录。打开文章或学习会页面后，这里会按日期列出。';
      return;
    }
    status.textContent = `共 ${days.length} 天、${record.length} 次阅读，合计${studyMinutes(days.reduce((s, d) => s + d.seconds, 0))}。`;
    for (const day of days) {
      const section = document.createElement('section');
      section.className = 'record-day';
      const h2 = document.createElement('h2');
      h2.textContent = `${chineseDate(day.day)}（${studyMinutes(day.seconds)}）`;
      const ol = document.createElement('ol');
      for (const v of day.visits) {
        const li = document.createElement('li');
        const link = document.createElement('a');
        link.href = new URL(v.path, siteBase).href;
        link.textContent = v.title;
        const meta = document.createElement('span');
        meta.className = 'record-meta';
        meta.textContent = `${KIND_NAMES[v.kind]} · ${clockTime(v.first)} 打开 · ${studyMinutes(v.seconds)}`;
        li.append(link, ' ', meta);
        ol.append(li);
      }
      section.append(h2, ol);
      list.append(section);
    }
  }

  root.querySelector('[data-action="csv"]')?.addEventListener('click', () => {
    const now = new Date();
    downloadFile(new Blob([recordCsv(loadRecord(store), siteBase)], { type: 'text/csv;charset=utf-8' }), `学习记录-${localDay(now)}.csv`);
  });
  root.querySelector('[data-action="docx"]')?.addEventListener('click', async () => {
    const { recordDocxBlob } = await import('./record-docx.ts');
    const now = new Date();
    downloadFile(await recordDocxBlob(loadRecord(store), siteBase, now), `学习台账-${localDay(now)}.docx`);
  });
  root.querySelector('[data-action="clear"]')?.addEventListener('click', () => {
    if (!confirm('删除全部学习记录？删除后无法恢复。')) return;
    clearRecord(store);
    render();
    status.textContent = '已删除全部学习记录。';
  });
  addEventListener('storage', render);
  render();
}
