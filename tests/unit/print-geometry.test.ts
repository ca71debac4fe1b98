import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CHAR_ADVANCE_MM,
  CHARS_PER_LINE,
  cssLengths,
  LETTER_SPACING_MM,
  LINE_PITCH_MM,
  LINES_PER_PAGE,
  MARGIN_BINDING_MM,
  MARGIN_BOTTOM_MM,
  MARGIN_RIGHT_MM,
  MARGIN_TOP_MM,
  mmToPt,
  mmToPx,
  PAGE_NUMBER_INDENT_PT,
  PAGE_NUMBER_PT,
  PAPER,
  ptToMm,
  TEXT_BLOCK,
} from '../../src/core/print-geometry.ts';
import { ROOT } from '../helpers/paths.ts';

const mm = (css: string) => Number(css.replace(/mm$/, ''));

describe('GB/T 9704-2012 page geometry', () => {
  it('converts points and millimetres through the inch', () => {
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
    expect(ptToMm(16)).toBeCloseTo(5.6444, 4);
    expect(mmToPt(ptToMm(22))).toBeCloseTo(22, 10);
    expect(mmToPx(25.4)).toBeCloseTo(96, 10);
  });

  it('puts the 156 × 225 mm text block on A4 with 37 mm at the top and 28 mm at the binding', () => {
    expect(PAPER).toEqual({ widthMm: 210, heightMm: 297 });
    expect(MARGIN_BINDING_MM + TEXT_BLOCK.widthMm + MARGIN_RIGHT_MM).toBe(210);
    expect(MARGIN_TOP_MM + TEXT_BLOCK.heightMm + MARGIN_BOTTOM_MM).toBe(297);
    expect(MARGIN_RIGHT_MM).toBe(26);
    expect(MARGIN_BOTTOM_MM).toBe(35);
  });

  it('packs 28 characters of 3号 into 156 mm with a slightly negative letter-spacing', () => {
    expect(CHAR_ADVANCE_MM).toBeCloseTo(5.5714, 4);
    // 28 full-width 16 pt glyphs are 158.04 mm: the grid needs 2.04 mm less, 0.073 mm a character.
    expect(CHARS_PER_LINE * ptToMm(16)).toBeCloseTo(158.04, 2);
    expect(LETTER_SPACING_MM).toBeCloseTo(-0.073, 4);
    expect(CHARS_PER_LINE * (ptToMm(16) + LETTER_SPACING_MM)).toBeCloseTo(156, 10);
  });

  it('spaces 22 lines over 225 mm: a pitch of 10.227 mm, just under 29 pt', () => {
    expect(LINE_PITCH_MM).toBeCloseTo(10.2273, 4);
    expect(mmToPt(LINE_PITCH_MM)).toBeCloseTo(28.99, 2);
    expect(LINES_PER_PAGE * LINE_PITCH_MM).toBeCloseTo(225, 10);
  });

  it('gives CSS lengths that never overshoot the block (rounded down, with slack)', () => {
    const css = cssLengths();
    const advance = ptToMm(16) + mm(css.letterSpacing);
    expect(CHARS_PER_LINE * advance).toBeLessThanOrEqual(156);
    expect(CHARS_PER_LINE * advance).toBeGreaterThan(155.95);
    expect(CHARS_PER_LINE + 1).toBeGreaterThan(156 / advance);
    expect(LINES_PER_PAGE * mm(css.linePitch)).toBeLessThanOrEqual(225);
    expect(LINES_PER_PAGE * mm(css.linePitch)).toBeGreaterThan(224.8);
    expect(mm(css.indent)).toBeCloseTo(2 * CHAR_ADVANCE_MM, 3);
  });
});

describe('print.css agrees with the geometry', () => {
  const css = fs.readFileSync(path.join(ROOT, 'src/styles/print.css'), 'utf8');
  const lengths = cssLengths();

  it('sets A4 and the four margins on @page', () => {
    const page = /@page\s*\{([^@]*)/.exec(css)![1];
    expect(page).toContain(`size: ${lengths.pageSize};`);
    expect(page).toContain(
      `margin: ${lengths.marginTop} ${lengths.marginRight} ${lengths.marginBottom} ${lengths.marginLeft};`,
    );
  });

  it('numbers pages "— n —" in 4号 at the foot: odd pages at the right, even pages at the left, one character in', () => {
    expect(PAGE_NUMBER_INDENT_PT).toBe(PAGE_NUMBER_PT);
    const odd = /@page\s*\{[^]*?@bottom-center\s*\{([^}]*)\}/.exec(css)![1];
    expect(odd).toMatch(/content:\s*"— " counter\(page\) " —";/);
    expect(odd).toContain(`font-size: ${lengths.pageNumberSize};`);
    expect(odd).toContain('text-align: right;');
    expect(odd).toContain(`padding-right: ${lengths.pageNumberIndent};`);
    const even = /@page\s*:left\s*\{\s*@bottom-center\s*\{([^}]*)\}/.exec(css)![1];
    expect(even).toContain('text-align: left;');
    expect(even).toContain(`padding-left: ${lengths.pageNumberIndent};`);
    expect(even).toContain('padding-right: 0;');
  });

  it.each([
    ['--print-body-size', 'bodySize'],
    ['--print-title-size', 'titleSize'],
    ['--print-letter-spacing', 'letterSpacing'],
    ['--print-line-pitch', 'linePitch'],
    ['--print-indent', 'indent'],
  ] as const)('%s is %s from print-geometry', (property, key) => {
    expect(css).toContain(`${property}: ${lengths[key]};`);
  });
});
