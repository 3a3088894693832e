import { MetricFindValue } from '@grafana/data';
import { InputError } from '../model';
import { findFlowLabelValues } from './connectors/flow/labelValues';
import { HandlerContext } from './handlers/context';
import { FaultlineVariableQuery, VariableKind } from './types';

type VariableFinder = (query: FaultlineVariableQuery, ctx: HandlerContext) => Promise<MetricFindValue[]>;

const notYet: VariableFinder = async () => {
  throw new InputError('this variable query is not available in this build', 'Faultline');
};

/** A Record, so a variable kind without a finder is a compile error. */
const FINDERS: Record<VariableKind, VariableFinder> = {
  services: notYet,
  owners: notYet,
  systems: notYet,
  namespaces: notYet,
  flowLabelValues: (q, ctx) => findFlowLabelValues(q.label, ctx),
};

export function findVariableValues(query: FaultlineVariableQuery, ctx: HandlerContext): Promise<MetricFindValue[]> {
  return FINDERS[query.kind](query, ctx);
}
