/**
 * What one ingest run gives address-clash.ts: the articles already on disk (who holds an address,
 * which suffix a source had) and a way to convert a source again; and what it says of the outcome.
 */
import path from 'node:path';
import { articleIdOfFile, readArticle } from '../../src/core/article-file.ts';
import type { ClashResolver, settleAddressClashes } from './address-clash.ts';
import type { GeneratedArticle } from './pipeline.ts';
import { SourceError } from './stages/source-error.ts';

/** The generated articles on disk, read only when a clash asks about them. */
export interface ArticlesOnDisk {
  readonly files: string[];
  text(file: string): string | undefined;
}

export function clashResolver(
  existing: ArticlesOnDisk,
  reconvert: (source: string, suffix: number) => Promise<GeneratedArticle[]>,
): ClashResolver {
  const sourceOf = (file: string): string | undefined => {
    const text = existing.text(file);
    const source = text === undefined ? undefined : readArticle(text).data.source;
    return typeof source === 'string' ? source : undefined;
  };
  let bySource: Map<string, string[]> | undefined;
  return {
    sourceOnDisk: sourceOf,
    idsOnDisk(source) {
      // Read once, and only when a source that clashes is new to this run's plan.
      if (!bySource) {
        bySource = new Map();
        for (const file of existing.files) {
          const owner = sourceOf(file);
          if (owner) bySource.set(owner, [...(bySource.get(owner) ?? []), articleIdOfFile(file)]);
        }
      }
      return bySource.get(source) ?? [];
    },
    reconvert,
  };
}

/**
 * Warns of each source that got a suffix, naming both sources and the addresses (a warning: the
 * build goes on), and returns an error for each clash no suffix could settle (two pinned slugs).
 */
export function reportClashes(
  { settled, unsettled }: Awaited<ReturnType<typeof settleAddressClashes>>,
  sourcesRel: string,
): SourceError[] {
  const named = (source: string) => path.join(sourcesRel, source);
  for (const c of settled) {
    console.warn(
      `警告 / warning: ${named(c.source)}: 页面地址 ${c.wanted} 已由 ${named(c.holder)} 使用，` +
        `本材料的文章地址加后缀 -${c.suffix}（如 ${c.given}）；要固定地址，在同名编辑文件中写 slug / ` +
        `address already held by another source: suffix -${c.suffix} added`,
    );
  }
  return unsettled.map(
    (c) =>
      new SourceError(
        named(c.source),
        `页面地址 ${c.file.replace(/\.mdx$/, '')} 与 ${named(c.holder)} 冲突，两处都在编辑文件中固定了同一个 slug，请改掉其中一个 / ` +
          `two editorial files pin the same slug`,
      ),
  );
}
