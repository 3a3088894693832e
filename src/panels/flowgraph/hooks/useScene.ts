import { useMemo } from 'react';
import type { GroupBy } from '../graph/collapse';
import { type Colors, keyColors } from '../render/colors';
import { groupBoxes, type GroupBox, nodeRadius, type Scene } from '../render/scene';
import { buildIndex } from '../render/spatial';
import type { useFlowModel } from './useFlowModel';

type Model = ReturnType<typeof useFlowModel>;

/**
 * The drawable scene from the model and the layout: each array memoised on what it depends on, so
 * hover, pan and zoom reuse them and only a new layout rebuilds the spatial index.
 */
export function useScene(
  model: Model,
  layoutPositions: Float32Array | undefined,
  groupBy: GroupBy,
  colors: Colors,
  showLabels: boolean,
  selected: number,
  /** From the map's levels: radii of group discs and the regions of open groups. */
  levels?: { radius?: Float32Array; regions: GroupBox[] }
) {
  const positions =
    layoutPositions && layoutPositions.length === 2 * model.view.nodes.length ? layoutPositions : undefined;
  const sources = useMemo(() => Int32Array.from(model.view.edges, (e) => e.source), [model.view]);
  const targets = useMemo(() => Int32Array.from(model.view.edges, (e) => e.target), [model.view]);
  const index = useMemo(
    () => (positions ? buildIndex(positions, sources, targets) : undefined),
    [positions, sources, targets]
  );
  const levelRadius = levels?.radius;
  const radius = useMemo(
    () =>
      levelRadius && levelRadius.length === model.view.nodes.length
        ? levelRadius
        : Float32Array.from(model.view.nodes, (n) => nodeRadius(n.members?.length)),
    [model.view, levelRadius]
  );
  const members = useMemo(() => Uint32Array.from(model.view.nodes, (n) => n.members?.length ?? 0), [model.view]);
  const weight = useMemo(() => Float32Array.from(model.view.nodes, (n) => n.bytes ?? 0), [model.view]);
  const maxWeight = useMemo(() => weight.reduce((a, b) => Math.max(a, b), 0), [weight]);
  const regions = levels?.regions;
  const groups = useMemo(() => {
    if (regions) {
      return regions;
    }
    if (!positions || groupBy === 'none') {
      return [];
    }
    const colorOf = keyColors(
      model.keys.filter((k): k is string => k !== undefined),
      colors.series
    );
    return groupBoxes(positions, model.keys, model.visible, colorOf);
  }, [regions, positions, groupBy, model.keys, model.visible, colors]);
  const titles = useMemo(
    () =>
      model.view.nodes.map((n) => (n.members ? `${n.title} (${n.members.length.toLocaleString('en-US')})` : n.title)),
    [model.view]
  );
  const scene: Scene | undefined = useMemo(
    () =>
      positions && index
        ? {
            xy: positions,
            sources,
            targets,
            titles: showLabels ? titles : titles.map(() => ''),
            radius,
            maxRadius: radius.reduce((a, b) => Math.max(a, b), 0),
            styles: model.styles,
            visible: model.visible,
            edgeVisible: model.edgeVisible,
            members,
            weight,
            maxWeight,
            index,
            groups,
            matches: model.matches,
            hovered: -1,
            selected,
          }
        : undefined,
    [
      positions,
      index,
      sources,
      targets,
      titles,
      showLabels,
      radius,
      model.styles,
      model.visible,
      model.edgeVisible,
      members,
      weight,
      maxWeight,
      groups,
      model.matches,
      selected,
    ]
  );

  return { positions, scene, groups };
}
