import { PairTexts } from './pairTexts';

describe('PairTexts', () => {
  it('joins two strings and gives the same string object for the same pair', () => {
    const dots = new PairTexts(' · ');
    const first = dots.of('eu-1', 'shop');
    expect(first).toBe('eu-1 · shop');
    expect(dots.of('eu-1', 'shop')).toBe(first);
    expect(dots.of('shop', 'eu-1')).toBe('shop · eu-1');
  });

  it('keeps answering right past its limit', () => {
    const arrows = new PairTexts(' → ', 4);
    const wrong: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let a = 0; a < 10; a++) {
        for (let b = 0; b < 10; b++) {
          if (arrows.of(`a${a}`, `b${b}`) !== `a${a} → b${b}`) {
            wrong.push(`a${a} b${b}`);
          }
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});
