import { QueryType } from '../types';
import { QueryHandler } from './context';
import { experimentsHandler } from './experiments';
import { driftHandler } from './drift';
import { clustersHandler, flowsHandler } from './flows';
import { impactHandler } from './impact';
import { ownershipHandler } from './ownership';
import { scorecardHandler } from './scorecard';
import { servicesHandler } from './services';
import { timelineHandler } from './timeline';

/** A Record, so a query type without a handler is a compile error. */
export const HANDLERS: Record<QueryType, QueryHandler> = {
  services: servicesHandler,
  ownership: ownershipHandler,
  experiments: experimentsHandler,
  timeline: timelineHandler,
  flows: flowsHandler,
  clusters: clustersHandler,
  scorecard: scorecardHandler,
  impact: impactHandler,
  drift: driftHandler,
};
