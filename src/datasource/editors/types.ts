import { QueryEditorProps } from '@grafana/data';
import type { FaultlineDataSource } from '../datasource';
import { FaultlineOptions, FaultlineQuery } from '../types';

/** The props Grafana gives a query editor; every per-type editor takes the same. */
export type EditorProps = QueryEditorProps<FaultlineDataSource, FaultlineQuery, FaultlineOptions>;
