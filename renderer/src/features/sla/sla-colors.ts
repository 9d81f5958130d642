/**
 * Colours for text that names a clock's state. Mantine's default shades of red, orange, green and gray are below
 * the 4.5:1 contrast WCAG AA asks of text on white, so state text and badges use these darker ones (each 5:1 or more).
 */
const TEXT_SHADES: Readonly<Record<string, string>> = {
  red: '#c92a2a',
  orange: '#a34700',
  teal: '#087f5b',
  gray: '#495057',
  green: '#1b6e2d',
};

/** The readable text colour for a clock colour of the view model (`clockColor`). */
export function stateTextColor(color: string): string {
  return TEXT_SHADES[color] ?? color;
}
