export interface FlowGraphOptions {
  layout: 'auto' | 'layered' | 'force';
  colorBy: 'team' | 'health' | 'errors';
  groupBy: 'none' | 'team' | 'namespace';
  showLabels: boolean;
}
