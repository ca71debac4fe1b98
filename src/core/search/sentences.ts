/**
 * The sentences the search page writes about a search: what it looked for, as one noun phrase
 * ("含“新质生产力”、作者含“李强”的文章"), and the status line and chart caption built on it. Every
 * combination of query syntax and facets reads as one correct Chinese sentence (a unit test
 * enumerates them), so the phrase is built from whole conditions, never by gluing fragments.
 */

/** One way a clause holds: every phrase of it, in the text or in the title only. */
export interface DescribedAlternative {
  phrases: string[];
  titleOnly: boolean;
}

export interface FacetCondition {
  /** What readers call the facet: 作者, 栏目… */
  label: string;
  values: string[];
}

export interface SearchConditions {
  /** Every clause must hold; a clause holds when any of its alternatives does. */
  clauses: DescribedAlternative[][];
  /** Pages holding any of these are left out. */
  exclude: string[];
  /** Facets typed into the box (作者:李强): the value holds what was typed. */
  typed: FacetCondition[];
  /** Facets ticked on the page: the value is one of these. */
  ticked: FacetCondition[];
}

const quoted = (s: string) => `“${s}”`;

/** 甲、乙和丙 (every item as given). */
function listAnd(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/** 含“A” / 同时含“A”和“B”; in the title: 标题含… */
function holding(phrases: string[], titleOnly: boolean): string {
  const where = titleOnly ? '标题' : '';
  return phrases.length === 1
    ? `${where}含${quoted(phrases[0])}`
    : `${where}同时含${listAnd(phrases.map(quoted))}`;
}

/** A clause of alternatives: 含“A”或“B”, 标题含“A”或“B”, 含“A”或标题含“B”. */
function clauseCondition(clause: DescribedAlternative[]): string {
  const simple = clause.every((a) => a.phrases.length === 1 && a.titleOnly === clause[0].titleOnly);
  if (simple && clause.length > 1)
    return `${clause[0].titleOnly ? '标题' : ''}含${clause.map((a) => quoted(a.phrases[0])).join('或')}`;
  return clause.map((a) => holding(a.phrases, a.titleOnly)).join('或');
}

/** Every condition of the search, each a verb phrase that can stand before 的文章. */
export function conditionList(c: SearchConditions): string[] {
  const single = c.clauses.filter((cl) => cl.length === 1 && !cl[0].titleOnly);
  const together = single.flatMap((cl) => cl[0].phrases);
  const out: string[] = together.length > 0 ? [holding(together, false)] : [];
  for (const clause of c.clauses) if (!single.includes(clause)) out.push(clauseCondition(clause));
  if (c.exclude.length === 1) out.push(`不含${quoted(c.exclude[0])}`);
  if (c.exclude.length > 1) out.push(`不含${listAnd(c.exclude.map(quoted))}中的任何一个`);
  for (const f of c.typed) out.push(`${f.label}含${f.values.map(quoted).join('或')}`);
  for (const f of c.ticked) out.push(`${f.label}为${f.values.join('或')}`);
  return out;
}

/** The articles looked for, as a noun phrase: 含“A”、作者为李强的文章 (or just 文章). */
export function articlesDescribed(c: SearchConditions): string {
  const conditions = conditionList(c);
  return conditions.length > 0 ? `${conditions.join('、')}的文章` : '文章';
}

export interface SearchState {
  /** Hits found so far. */
  found: number;
  /** Every bundle searched. */
  complete: boolean;
  /** The query's operators made no sense and it was read as plain words. */
  plain: boolean;
}

/** The status line: 共找到 3 篇含“A”的文章 / 没有找到含“A”的文章 / 已找到 10 篇…，正在继续检索更早的年份… */
export function statusLine(c: SearchConditions, s: SearchState): string {
  const articles = articlesDescribed(c);
  const note = s.plain ? '（检索式不完整，已按普通词句查找）' : '';
  if (!s.complete) return `已找到 ${s.found} 篇${articles}，正在继续检索更早的年份…${note}`;
  if (s.found === 0) return `没有找到${articles}${note}`;
  return `共找到 ${s.found} 篇${articles}${note}`;
}

/** The year chart's caption: 含“A”的文章逐年篇数. */
export function chartCaption(c: SearchConditions, complete: boolean): string {
  return `${articlesDescribed(c)}逐年篇数${complete ? '' : '（统计中）'}`;
}
