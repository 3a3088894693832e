import { FaultlineQuery } from '../../types';

/**
 * Marks the query an annotation runs, so the experiments handler answers with region frames. Grafana
 * passes unknown query fields through untouched, and the marker keeps panel queries unaffected.
 */
export const ANNOTATION_MARKER = 'chaosAnnotation';

export type ChaosAnnotationQuery = FaultlineQuery & { [ANNOTATION_MARKER]?: boolean };

export function isChaosAnnotationQuery(q: FaultlineQuery): boolean {
  return (q as ChaosAnnotationQuery)[ANNOTATION_MARKER] === true;
}

/**
 * Works with no editing: every run of every configured backend, narrowed to `$service` when the
 * dashboard has that variable (a reference to a variable that does not exist filters nothing).
 */
export const DEFAULT_ANNOTATION_TARGET: Partial<FaultlineQuery> = {
  queryType: 'experiments',
  chaos: { service: '$service' },
};

/** A saved annotation target that needs no migration: an experiments query with a refId. */
export function isSavedAnnotationTarget(target: Partial<FaultlineQuery> | undefined): target is FaultlineQuery {
  return (
    Boolean(target) && typeof target?.refId === 'string' && target.refId !== '' && target.queryType === 'experiments'
  );
}

/** The target as it is saved: an empty one becomes the default, any other keeps its filters. */
export function savedAnnotationTarget(target: Partial<FaultlineQuery> | undefined): FaultlineQuery {
  const t = target && Object.keys(target).length > 0 ? target : DEFAULT_ANNOTATION_TARGET;
  return { ...t, refId: t.refId || 'Anno', queryType: 'experiments' };
}

/** The query an annotation runs: the saved target, marked so the handler answers with regions. */
export function annotationTarget(target: Partial<FaultlineQuery> | undefined): ChaosAnnotationQuery {
  return { ...savedAnnotationTarget(target), [ANNOTATION_MARKER]: true };
}
