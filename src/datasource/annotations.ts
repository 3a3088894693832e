import { AnnotationQuery, AnnotationSupport } from '@grafana/data';
import {
  annotationTarget,
  DEFAULT_ANNOTATION_TARGET,
  isSavedAnnotationTarget,
  savedAnnotationTarget,
} from './connectors/chaos/annotationQuery';
import { ChaosAnnotationEditor } from './editors/ChaosQueryEditor';
import { FaultlineQuery } from './types';

type ChaosAnnotation = AnnotationQuery<FaultlineQuery>;

/**
 * Grafana's annotation editor calls prepareAnnotation on mount and after every change, and calls
 * onChange instead of running the query whenever the result is not the very object it passed
 * (public/app/features/annotations/components/StandardAnnotationQueryEditor.tsx). So an annotation
 * already in shape comes back unchanged, and an old shape is migrated once into one that is.
 */
export function prepareChaosAnnotation(json: ChaosAnnotation): ChaosAnnotation {
  return isSavedAnnotationTarget(json.target) ? json : { ...json, target: savedAnnotationTarget(json.target) };
}

/**
 * Chaos runs as annotations: one region per run, coloured by outcome. The query needs no editing
 * (all runs, narrowed to $service where the dashboard has it); Grafana's standard frame-to-event
 * mapping reads the region frame the experiments handler returns for annotation queries.
 */
export function createAnnotationSupport(): AnnotationSupport<FaultlineQuery> {
  return {
    getDefaultQuery: () => DEFAULT_ANNOTATION_TARGET,
    prepareAnnotation: prepareChaosAnnotation,
    prepareQuery: (anno: ChaosAnnotation) => annotationTarget(anno.target),
    QueryEditor: ChaosAnnotationEditor,
  };
}
