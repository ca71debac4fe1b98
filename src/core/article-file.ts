/**
 * The generated article file (src/content/articles/<id>.mdx): front matter as `key: <JSON>` lines,
 * then the MDX body. Ingest writes it; the handout command, the tests and anything else that reads
 * articles outside Astro read it back here; Astro's content collection reads the same YAML.
 */

/** The content-collection id of an article file: its path under the articles folder, `/`-separated, without .mdx. */
export function articleIdOfFile(relativePath: string): string {
  return relativePath.replace(/\\/g, '/').replace(/\.mdx$/, '');
}

/** Reads back what `frontMatter` + body wrote: each front-matter line is `key: <JSON>`. */
export function readArticle(content: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(content);
  if (!m) throw new Error('article has no front matter');
  const data: Record<string, unknown> = {};
  for (const line of m[1].split('\n')) {
    const at = line.indexOf(': ');
    if (at > 0) data[line.slice(0, at)] = JSON.parse(line.slice(at + 2));
  }
  return { data, body: content.slice(m[0].length) };
}

/** Front matter as YAML in its JSON-compatible subset: every value quoted, nothing interpreted. */
export function frontMatter(data: Record<string, unknown>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    lines.push(`${key}: ${JSON.stringify(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}
