export const OWNERSHIP_LAYOUTS = ['auto', 'full', 'compact', 'table'] as const;
export type OwnershipLayout = (typeof OWNERSHIP_LAYOUTS)[number];

export interface OwnershipOptions {
  layout: OwnershipLayout;
  showMissing: boolean;
}
