import { AnnotationQuery, AnnotationSupport } from '@grafana/data';
import { annotationTarget, DEFAULT_ANNOTATION_TARGET } from './connectors/chaos/annotationQuery';
import { ChaosAnnotationEditor } from './editors/ChaosQueryEditor';
import { FaultlineQuery } from './types';

/**
 * Chaos runs as annotations: one region per run, coloured by outcome. The query needs no editing
 * (all runs, narrowed to $service where the dashboard has it); Grafana's standard frame-to-event
 * mapping reads the region frame the experiments handler returns for annotation queries.
 */
export function createAnnotationSupport(): AnnotationSupport<FaultlineQuery> {
  return {
    getDefaultQuery: () => DEFAULT_ANNOTATION_TARGET,
    prepareAnnotation: (json: AnnotationQuery<FaultlineQuery>) => ({ ...json, target: annotationTarget(json.target) }),
    prepareQuery: (anno: AnnotationQuery<FaultlineQuery>) => annotationTarget(anno.target),
    QueryEditor: ChaosAnnotationEditor,
  };
}
