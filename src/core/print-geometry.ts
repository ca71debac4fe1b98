/**
 * The page geometry of a printed official document (党政机关公文格式, GB/T 9704-2012), as numbers
 * the print stylesheet and the tests share. The standard fixes the paper, the text block and the
 * grid (22 lines of 28 characters in 3号 仿宋); everything else here is arithmetic from those.
 */

export const MM_PER_INCH = 25.4;
export const PT_PER_INCH = 72;
/** CSS pixels: 96 to the inch, whatever the screen. */
export const PX_PER_INCH = 96;

export function ptToMm(pt: number): number {
  return (pt * MM_PER_INCH) / PT_PER_INCH;
}

export function mmToPt(mm: number): number {
  return (mm * PT_PER_INCH) / MM_PER_INCH;
}

export function mmToPx(mm: number): number {
  return (mm * PX_PER_INCH) / MM_PER_INCH;
}

/** Chinese type sizes (字号) in points, as Word and WPS define them. */
export const ZIHAO_PT = { 二号: 22, 三号: 16, 四号: 14 } as const;

/** A4 portrait. */
export const PAPER = { widthMm: 210, heightMm: 297 } as const;
/** 版心: the text block. */
export const TEXT_BLOCK = { widthMm: 156, heightMm: 225 } as const;
/** 天头 (top) and 订口 (binding side, the left of a recto page). */
export const MARGIN_TOP_MM = 37;
export const MARGIN_BINDING_MM = 28;
/** The grid of a full page. */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
/** 页码 sits 7 mm below the text block (GB/T 9704-2012 §7.5). */
export const PAGE_NUMBER_GAP_MM = 7;
/**
 * 单页码居右空一字，双页码居左空一字 (§7.5): an odd number ends one character short of the block's
 * right edge, an even one starts one character in from its left edge. The character is the number's
 * own 4号 (14 pt).
 */
export const PAGE_NUMBER_INDENT_PT = 14;

export const MARGIN_RIGHT_MM = PAPER.widthMm - MARGIN_BINDING_MM - TEXT_BLOCK.widthMm;
export const MARGIN_BOTTOM_MM = PAPER.heightMm - MARGIN_TOP_MM - TEXT_BLOCK.heightMm;

export const BODY_PT = ZIHAO_PT.三号;
export const TITLE_PT = ZIHAO_PT.二号;
export const PAGE_NUMBER_PT = ZIHAO_PT.四号;

/** How far one character moves the pen along a line: the width of the block over 28. */
export const CHAR_ADVANCE_MM = TEXT_BLOCK.widthMm / CHARS_PER_LINE;
/**
 * What letter-spacing adds to a full-width 3号 glyph (1 em) to reach that advance. It is negative:
 * 28 glyphs of 16 pt are 158 mm, 2 mm more than the block, so the standard's grid packs them tighter.
 */
export const LETTER_SPACING_MM = CHAR_ADVANCE_MM - ptToMm(BODY_PT);
/** From one baseline to the next: the height of the block over 22. */
export const LINE_PITCH_MM = TEXT_BLOCK.heightMm / LINES_PER_PAGE;

/**
 * Layout engines round widths to fractions of a pixel (Chromium: 1/64 px), so a line of exactly 28
 * advances can come out a hair over the block and wrap at 27. Taking this much off each advance
 * (0.5 µm × 28 = 14 µm a line, invisible on paper) keeps the 28th character on its line.
 */
export const ADVANCE_SLACK_MM = 0.0005;
/** The same for the 22 lines: 5 µm off each pitch keeps the 22nd line on the page (0.11 mm a page). */
export const PITCH_SLACK_MM = 0.005;

/** CSS lengths for print.css, in mm so the printout matches the standard whatever the screen. */
export function cssLengths() {
  // Rounded down, never up: a length a hair too long pushes the last character or line over.
  const mm = (n: number) => `${Math.floor(n * 10_000) / 10_000}mm`;
  return {
    pageSize: `${PAPER.widthMm}mm ${PAPER.heightMm}mm`,
    marginTop: mm(MARGIN_TOP_MM),
    marginRight: mm(MARGIN_RIGHT_MM),
    marginBottom: mm(MARGIN_BOTTOM_MM),
    marginLeft: mm(MARGIN_BINDING_MM),
    bodySize: `${BODY_PT}pt`,
    titleSize: `${TITLE_PT}pt`,
    pageNumberSize: `${PAGE_NUMBER_PT}pt`,
    pageNumberIndent: `${PAGE_NUMBER_INDENT_PT}pt`,
    letterSpacing: mm(LETTER_SPACING_MM - ADVANCE_SLACK_MM),
    linePitch: mm(LINE_PITCH_MM - PITCH_SLACK_MM),
    indent: mm(2 * CHAR_ADVANCE_MM),
  };
}
