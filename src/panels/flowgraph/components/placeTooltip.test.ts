import { placeTooltip } from './Tooltip';

const map = { width: 400, height: 300 };

describe('placeTooltip', () => {
  it('puts the tooltip below and to the right of the pointer where it fits', () => {
    expect(placeTooltip(100, 100, 120, 80, map)).toEqual({ left: 114, top: 114 });
  });

  it('flips to the left of and above the pointer near the right and bottom edges', () => {
    expect(placeTooltip(380, 290, 120, 80, map)).toEqual({ left: 380 - 14 - 120, top: 290 - 14 - 80 });
  });

  it('stays inside a map too small for either side', () => {
    const at = placeTooltip(60, 40, 120, 80, { width: 150, height: 100 });
    expect(at.left).toBeGreaterThanOrEqual(0);
    expect(at.left + 120).toBeLessThanOrEqual(150);
    expect(at.top).toBeGreaterThanOrEqual(0);
    expect(at.top + 80).toBeLessThanOrEqual(100);
  });
});
