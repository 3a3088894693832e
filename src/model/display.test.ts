import { clipForDisplay, MAX_SHOWN_CHARS } from './display';

describe('clipForDisplay', () => {
  it('leaves short text alone', () => {
    expect(clipForDisplay('payments')).toBe('payments');
    expect(clipForDisplay('x'.repeat(MAX_SHOWN_CHARS))).toHaveLength(MAX_SHOWN_CHARS);
  });

  it('cuts a field of several megabytes with an ellipsis and its full length', () => {
    const huge = 'a'.repeat(3 * 1024 * 1024);
    const shown = clipForDisplay(huge);
    expect(shown).toBe(`${'a'.repeat(MAX_SHOWN_CHARS)}… (3,145,728 characters)`);
  });

  it('never splits a surrogate pair', () => {
    const text = 'a'.repeat(9) + '😀' + 'b'.repeat(10);
    expect(clipForDisplay(text, 10)).toBe(`${'a'.repeat(9)}… (21 characters)`);
  });
});
