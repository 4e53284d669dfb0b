// GB/T 9704-2012 page geometry, in twips (1/20 pt) and half-points, as Word stores them.

const mm = (n: number): number => Math.round((n / 25.4) * 1440);

export const PAGE = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) },
  /** The page number sits 7 mm below the text block (GB/T 9704 §7.5): about 23 mm from the page edge. */
  footer: mm(23),
  header: mm(15),
} as const;

/** Width of the text block: 156 mm. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const TEXT_HEIGHT = PAGE.height - PAGE.margin.top - PAGE.margin.bottom;

export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;

/** Line pitch of the 22-line grid (twips). */
export const LINE_PITCH = Math.floor(TEXT_HEIGHT / LINES_PER_PAGE);
/** Width of one character of the 28-character grid (twips). */
export const CHAR_PITCH = TEXT_WIDTH / CHARS_PER_LINE;

/** Font sizes in half-points (号 → pt × 2). */
export const SIZE = { 二号: 44, 三号: 32, 四号: 28, 小四: 24, 五号: 21 } as const;

/**
 * Character spacing (1/20 pt) that puts 28 3号 characters on a 156 mm line: 16 pt − ¼ pt = 15.75 pt.
 * A character grid (w:charSpace) would do the same in Word, but LibreOffice then gives each
 * character two grid cells, so the body text carries the spacing itself.
 */
export const BODY_CHARACTER_SPACING = Math.floor((CHAR_PITCH / 20 - SIZE.三号 / 2) * 4) * 5;

/** Twips for a width of n body characters. */
export const chars = (n: number): number => Math.round(n * CHAR_PITCH);
