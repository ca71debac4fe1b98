/**
 * The query language readers of speeches use, on top of plain terms (query.ts):
 *
 *   新质生产力 人工智能       both (spaces separate terms that must all occur)
 *   "人民 代表大会"           a phrase kept whole (ASCII or Chinese quotes)
 *   -美国  -"一带一路"         pages holding this are left out
 *   数字经济 | 人工智能        either; `或` between spaces means the same: 数字经济 或 人工智能
 *   标题:决议                  in the title only
 *   作者:李强  栏目:政府工作报告  filters typed into the box (any facet label from facets.ts)
 *
 * `|` binds tighter than spaces: `A B | C D` is A and (B or C) and D. Nothing here ever fails: a
 * query whose operators do not make sense (`| A`, `A |`, a lone `-`, `标题:` with nothing after it,
 * `-作者:…`) is read as plain words, the operator marks counting as punctuation.
 */
import type { FoldMap } from '../../core/search/fold.ts';
import { SEARCH_FACETS, type FacetKey } from './facets.ts';
import { parseQuery, type Term } from './query.ts';
import type { SearchConditions } from '../../core/search/sentences.ts';

/** One way a clause can be satisfied: every term of it (a phrase, or words split by punctuation). */
export interface Alternative {
  terms: Term[];
  /** Only the title counts (标题:…). */
  titleOnly: boolean;
}

export interface ReadQuery {
  /** Every clause must hold; a clause holds when any of its alternatives does. */
  clauses: Alternative[][];
  /** A page holding any of these is left out. */
  exclude: Term[];
  /** Facet values typed as 作者:… and 栏目:…, by facet key, as typed. */
  filters: Partial<Record<FacetKey, string[]>>;
  /** The operators made no sense, so the query was read as plain words. */
  plain: boolean;
}

/** The prefix that limits a term to titles. */
export const TITLE_LABEL = '标题';

const OR_MARKS = new Set(['|', '｜']);
const OR_WORD = '或';
const MINUS = new Set(['-', '－', '−']);
const COLONS = new Set([':', '：']);
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '‘': '’' };

type Token =
  | { kind: 'or' }
  | { kind: 'word'; negated: boolean; field?: string; text: string; quoted: boolean };

/** Splits at spaces, keeping quoted phrases whole and reading the `-`, `|` and `label:` marks. */
export function tokens(raw: string, labels: readonly string[]): Token[] {
  const out: Token[] = [];
  const chars = [...raw];
  let i = 0;
  const space = (c: string | undefined) => c === undefined || /\s/u.test(c);
  while (i < chars.length) {
    if (space(chars[i])) {
      i += 1;
      continue;
    }
    if (OR_MARKS.has(chars[i])) {
      out.push({ kind: 'or' });
      i += 1;
      continue;
    }
    let negated = false;
    if (MINUS.has(chars[i]) && !space(chars[i + 1])) {
      negated = true;
      i += 1;
    }
    let field: string | undefined;
    for (const label of labels) {
      const n = [...label].length;
      if (chars.slice(i, i + n).join('') === label && COLONS.has(chars[i + n])) {
        field = label;
        i += n + 1;
        break;
      }
    }
    const close = QUOTES[chars[i]];
    const end = close ? chars.indexOf(close, i + 1) : -1;
    if (close && end > i) {
      out.push({
        kind: 'word',
        negated,
        field,
        text: chars.slice(i + 1, end).join(''),
        quoted: true,
      });
      i = end + 1;
      continue;
    }
    // An unmatched quote mark is just punctuation: the word runs on to the next space or `|`.
    let j = i;
    while (j < chars.length && !space(chars[j]) && !OR_MARKS.has(chars[j])) j += 1;
    const text = chars.slice(i, j).join('');
    i = j;
    if (!negated && !field && text === OR_WORD) out.push({ kind: 'or' });
    else out.push({ kind: 'word', negated, field, text, quoted: false });
  }
  return out;
}

export function readQuery(raw: string, map: FoldMap): ReadQuery {
  const facetOf = new Map<string, FacetKey>(SEARCH_FACETS.map((f) => [f.label, f.key]));
  const labels = [TITLE_LABEL, ...facetOf.keys()];
  const plain = (): ReadQuery => ({
    clauses: parseQuery(raw, map).map((t) => [{ terms: [t], titleOnly: false }]),
    exclude: [],
    filters: {},
    plain: true,
  });

  const read: ReadQuery = { clauses: [], exclude: [], filters: {}, plain: false };
  const list = tokens(raw, labels);
  let joinNext = false;
  for (const [k, t] of list.entries()) {
    if (t.kind === 'or') {
      // `|` must stand between two terms that can be alternatives.
      const before = list[k - 1];
      const after = list[k + 1];
      const alternative = (x: Token | undefined) =>
        x?.kind === 'word' && !x.negated && (!x.field || x.field === TITLE_LABEL);
      if (!alternative(before) || !alternative(after) || read.clauses.length === 0) return plain();
      joinNext = true;
      continue;
    }
    const terms = t.quoted ? parseQuery(`"${t.text}"`, map) : parseQuery(t.text, map);
    const facet = t.field ? facetOf.get(t.field) : undefined;
    if (facet) {
      const value = t.text.trim();
      if (!value || t.negated) return plain();
      (read.filters[facet] ??= []).push(value);
      continue;
    }
    if (terms.length === 0) {
      // A mark with nothing to act on (`-`, `标题:`, `-，`) is a slip, not an instruction.
      if (t.negated || t.field) return plain();
      continue;
    }
    if (t.negated) {
      read.exclude.push(...terms);
      continue;
    }
    const alternative: Alternative = { terms, titleOnly: t.field === TITLE_LABEL };
    if (joinNext) read.clauses[read.clauses.length - 1].push(alternative);
    else read.clauses.push([alternative]);
    joinNext = false;
  }
  // Only exclusions, and nothing to exclude from, is read as "everything but": that is fine.
  return dedupe(read);
}

/** The same alternative typed twice is one clause (民主 民主). */
function dedupe(read: ReadQuery): ReadQuery {
  const key = (c: Alternative[]) =>
    c
      .map((a) => `${a.titleOnly ? 't' : ''}${a.terms.map((t) => t.match).join('\u0001')}`)
      .sort()
      .join('\u0002');
  const seen = new Set<string>();
  read.clauses = read.clauses.filter((c) => !seen.has(key(c)) && seen.add(key(c)));
  return read;
}

/** Every term a page must or may hold, for highlighting and excerpts (exclusions are not shown). */
export function shownTerms(read: ReadQuery): Term[] {
  const out = new Map<string, Term>();
  for (const clause of read.clauses)
    for (const alt of clause) for (const t of alt.terms) out.set(t.match, t);
  return [...out.values()];
}

/** How the query was understood, as conditions the sentences of src/core/search/sentences.ts read. */
export function queryConditions(read: ReadQuery): Omit<SearchConditions, 'ticked'> {
  return {
    clauses: read.clauses.map((clause) =>
      clause.map((a) => ({ phrases: a.terms.map((t) => t.typed), titleOnly: a.titleOnly })),
    ),
    exclude: read.exclude.map((t) => t.typed),
    typed: SEARCH_FACETS.flatMap((facet) => {
      const values = read.filters[facet.key];
      return values ? [{ label: facet.label, values }] : [];
    }),
  };
}
