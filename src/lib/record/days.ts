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

/**
 * "12 分 5 秒", "45 秒": minutes and seconds as measured. A rounded "约 0 分钟" told a reader who
 * had read for 20 seconds that nothing was recorded.
 */
export function studyTime(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes === 0 ? `${rest} 秒` : `${minutes} 分 ${rest} 秒`;
}

export const KIND_NAMES: Record<StudyKind, string> = { article: '文章', session: '学习会' };

/** "09:05" in the reader's time zone. */
export function clockTime(iso: string): string {
  const t = new Date(iso);
  return `${String(t.getHours()).padStart(2, '0')}:${String(t.getMinutes()).padStart(2, '0')}`;
}
