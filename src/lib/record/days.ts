import type { StudyKind, StudyVisit } from './visits.ts';

/** The study record by day, for the record page and its exports. */
export interface StudyDay {
  day: string;
  visits: StudyVisit[];
  seconds: number;
}

/** Days newest first; within a day, in the order the pages were first opened. */
export function recordByDay(record: StudyVisit[]): StudyDay[] {
  const days = new Map<string, StudyVisit[]>();
  for (const v of record) days.set(v.day, [...(days.get(v.day) ?? []), v]);
  return [...days.entries()]
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([day, visits]) => ({
      day,
      visits: visits.sort((a, b) => a.first.localeCompare(b.first)),
      seconds: visits.reduce((sum, v) => sum + v.seconds, 0),
    }));
}

/** "约 12 分钟"; under half a minute reads "不到 1 分钟" rather than a misleading 0 or 1. */
export function studyMinutes(seconds: number): string {
  return seconds < 30 ? '不到 1 分钟' : `约 ${Math.round(seconds / 60)} 分钟`;
}

export const KIND_NAMES: Record<StudyKind, string> = { article: '文章', session: '学习会' };

/** "09:05" in the reader's time zone. */
export function clockTime(iso: string): string {
  const t = new Date(iso);
  return `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}
