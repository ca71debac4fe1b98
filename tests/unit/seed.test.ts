import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/pipeline.ts';
import { readArticle } from '../../scripts/stages/emit.ts';
import { SOURCES } from '../helpers/paths.ts';

/**
 * The acceptance check for the archive's own material, the seed journal issue shipped in
 * src/content/sources/ (found by its first author mark, whatever the file is called or encoded as).
 */
const seed = (fs.readdirSync(SOURCES, { recursive: true, encoding: 'utf8' }) as string[])
  .filter((f) => f.endsWith('.txt'))
  .find((f) => {
    const bytes = fs.readFileSync(path.join(SOURCES, f));
    return bytes.includes(Buffer.from('周均发')) || bytes.includes(Buffer.from('周均发', 'utf16le'));
  });

describe('the shipped seed journal issue', () => {
  it('is in src/content/sources/', () => {
    expect(seed, 'the seed journal issue (../shared/seed/) must ship in src/content/sources/').toBeDefined();
  });

  it('becomes exactly the four seed articles with their titles, authors and columns', async () => {
    const { articles } = await convertSource(seed!, fs.readFileSync(path.join(SOURCES, seed!)));
    const fm = articles.map((a) => readArticle(a.content).data);
    expect(fm.map((d) => d.title)).toEqual([
      '在构建大统战格局中汇聚助力发展的磅礴力量',
      '学思践悟新思想 实干担当谱新篇',
      '发展新质生产力 推进新型工业化',
      '地方政协履职成果转化运用机制研究',
    ]);
    expect(fm.map((d) => d.authors)).toEqual([['周均发'], ['何鹏程'], ['刘树武'], []]);
    expect(fm.map((d) => d.column)).toEqual(['深入学习贯彻党的二十届三中全会精神', '学习笔记', '履职思考', '地方政协工作高质量发展机制建设专项研究']);
    const bodies = articles.map((a) => a.content.split('\n---\n')[1]).join('\n');
    expect(bodies).toContain('机关干部特别是');
    expect(bodies).toContain('党委、政府，');
    expect(bodies).not.toMatch(/\*\*|□/);
  });
});
