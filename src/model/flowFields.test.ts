import { EDGE_DETAILS } from './flowFields';
import { FlowEdge } from './flow';

describe('edge details', () => {
  const edge = (sourceZone: string, targetZone: string): FlowEdge => ({
    source: 'a',
    target: 'b',
    sourceZone,
    targetZone,
    crossZoneBytesTotal: 1,
    sourceCluster: `c-${sourceZone}`,
    targetCluster: `c-${targetZone}`,
  });

  it('names the two zones and the two clusters of a crossing, for more pairs than are kept', () => {
    for (let i = 0; i < 600; i++) {
      for (const j of [0, 1, i]) {
        const e = edge(`z${i}`, `z${j}`);
        expect([EDGE_DETAILS.crossZone.of(e), EDGE_DETAILS.crossCluster.of(e)]).toEqual([
          `z${i} → z${j}`,
          `c-z${i} → c-z${j}`,
        ]);
      }
    }
  });
});
