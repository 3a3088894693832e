import { MetricFindValue } from '@grafana/data';
import { findNamespaces, findOwners, findServices, findSystems } from './connectors/catalog/variables';
import { findFlowLabelValues } from './connectors/flow/labelValues';
import { QueryContext } from './connectors/context';
import { FaultlineVariableQuery, VariableKind } from './types';

type VariableFinder = (query: FaultlineVariableQuery, ctx: QueryContext) => Promise<MetricFindValue[]>;

/** A Record, so a variable kind without a finder is a compile error. */
const FINDERS: Record<VariableKind, VariableFinder> = {
  services: findServices,
  owners: findOwners,
  systems: findSystems,
  namespaces: findNamespaces,
  flowLabelValues: (q, ctx) => findFlowLabelValues(q.label, ctx),
};

export function findVariableValues(query: FaultlineVariableQuery, ctx: QueryContext): Promise<MetricFindValue[]> {
  return FINDERS[query.kind](query, ctx);
}
