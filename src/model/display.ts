/** Longest text shown as is: a catalog field past this is cut, so one bad entry cannot make a page slow. */
export const MAX_SHOWN_CHARS = 2000;

/**
 * Text for display: as is when short, else its start, an ellipsis and its full length, e.g.
 * `Lorem ipsum… (3,145,728 characters)`. The full value stays in the data; only what is drawn is cut.
 */
export function clipForDisplay(text: string, max = MAX_SHOWN_CHARS): string {
  if (text.length <= max) {
    return text;
  }
  // Never end on half of a surrogate pair.
  const end = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return `${text.slice(0, end)}… (${text.length.toLocaleString('en')} characters)`;
}
