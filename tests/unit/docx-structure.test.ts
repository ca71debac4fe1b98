import { describe, expect, it } from 'vitest';
import { convertSource } from '../../scripts/ingest/pipeline.ts';
import { unnumberedHeadings } from '../fixtures/hostile/word.ts';

describe('Word structure', () => {
  it('keeps Word paragraphs apart and turns unnumbered heading styles into headings', async () => {
    const { articles } = await convertSource(
      '通报/委员履职情况通报.docx',
      await unnumberedHeadings(),
    );
    expect(articles).toHaveLength(1);
    const body = articles[0].content.split('\n---\n')[1];
    expect(articles[0].title).toBe('委员履职情况通报');
    expect(body.trim().split('\n\n')).toEqual([
      '今年以来，委员履职取得新进展。',
      '## 坚持党的领导',
      // Two Word paragraphs stay two, though the first does not end a sentence.
      '委员提案数量增加',
      '质量明显提高。',
      '### 加强自身建设',
      '开展履职培训。',
    ]);
  });
});
