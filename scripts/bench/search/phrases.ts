/**
 * The queries and their ground truth. A page is relevant when its text (title and body, folded,
 * whitespace removed) contains the folded phrase — what Ctrl-F finds, with 繁简 disregarded.
 * Phrases are 2–8 Han characters cut at seeded random places from the pages as written (so some
 * are traditional), plus political formulations that occur in the archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fullFoldMap } from '../../search-index/fold-map.ts';
import { indexablePage } from '../../search-index/index-html.ts';

export interface PageText {
  url: string;
  original: string;
  folded: string;
}

export interface Query {
  phrase: string;
  kind: 'random' | 'term';
  relevant: string[];
}

/** Formulations readers look up; only those the archive contains are used. */
export const POLITICAL_TERMS = [
  '两个确立',
  '两个维护',
  '新质生产力',
  '高质量发展',
  '人类命运共同体',
  '全过程人民民主',
  '共同富裕',
  '一带一路',
  '供给侧结构性改革',
  '四个全面',
  '三个代表',
  '科学发展观',
  '社会主义市场经济',
  '乡村振兴',
  '脱贫攻坚',
  '精准扶贫',
  '新发展理念',
  '中国式现代化',
  '总体国家安全观',
  '放管服',
  '大众创业',
  '人民当家作主',
  '百花齐放',
  '人民公社',
  '第一个五年计划',
  '四个现代化',
  '一国两制',
  '改革开放',
  '依法治国',
  '生态文明',
  '碳达峰',
  '双循环',
  '新型城镇化',
  '协商民主',
  '统一战线',
  '实事求是',
  '群众路线',
  '简政放权',
  '营商环境',
  '数字经济',
];

export function readPages(dist: string, root = path.join(dist, 'articles')): PageText[] {
  const map = fullFoldMap();
  const out: PageText[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name === 'index.html') {
        const page = indexablePage(fs.readFileSync(full, 'utf8'), map);
        if (page)
          out.push({
            url: '/' + path.relative(dist, path.dirname(full)).split(path.sep).join('/') + '/',
            original: page.original,
            folded: page.folded,
          });
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

/** mulberry32: a small seeded generator, so a run can be repeated exactly. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HAN = /^\p{Script=Han}+$/u;

export function relevantPages(pages: PageText[], phrase: string): string[] {
  const map = fullFoldMap();
  const folded = [...phrase].map((c) => map[c] ?? c).join('');
  return pages.filter((p) => p.folded.includes(folded)).map((p) => p.url);
}

export function sampleQueries(pages: PageText[], count: number, seed: number): Query[] {
  const random = seeded(seed);
  const queries: Query[] = [];
  const seen = new Set<string>();
  while (queries.length < count) {
    const page = pages[Math.floor(random() * pages.length)];
    const chars = [...page.original];
    const len = 2 + Math.floor(random() * 7);
    const at = Math.floor(random() * Math.max(1, chars.length - len));
    const phrase = chars.slice(at, at + len).join('');
    if (!HAN.test(phrase) || seen.has(phrase)) continue;
    seen.add(phrase);
    queries.push({ phrase, kind: 'random', relevant: relevantPages(pages, phrase) });
  }
  for (const term of POLITICAL_TERMS) {
    const relevant = relevantPages(pages, term);
    if (relevant.length > 0) queries.push({ phrase: term, kind: 'term', relevant });
  }
  return queries;
}
