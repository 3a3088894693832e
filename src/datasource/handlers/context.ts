import { DataFrame } from '@grafana/data';
import { QueryContext } from '../connectors/context';
import { FaultlineQuery } from '../types';

export type QueryHandler = (query: FaultlineQuery, ctx: QueryContext) => Promise<DataFrame[]>;
