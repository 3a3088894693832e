import { OwnershipLayout } from './types';

/** One service gets the full card, a handful compact cards, anything more a table. */
export const COMPACT_MAX = 6;

export function pickLayout(
  option: OwnershipLayout | undefined,
  count: number,
  width = 1000
): Exclude<OwnershipLayout, 'auto'> {
  if (option && option !== 'auto') {
    return option;
  }
  if (count <= 1) {
    return width < 360 ? 'compact' : 'full';
  }
  return count <= COMPACT_MAX ? 'compact' : 'table';
}
