import { DataSourcePlugin } from '@grafana/data';
import { ConfigEditor } from './ConfigEditor';
import { FaultlineDataSource } from './datasource';
import { QueryEditor } from './QueryEditor';
import { FaultlineOptions, FaultlineQuery, FaultlineSecureOptions } from './types';
import { VariableQueryEditor } from './editors/VariableQueryEditor';

export const plugin = new DataSourcePlugin<FaultlineDataSource, FaultlineQuery, FaultlineOptions, FaultlineSecureOptions>(
  FaultlineDataSource
)
  .setConfigEditor(ConfigEditor)
  .setQueryEditor(QueryEditor)
  .setVariableQueryEditor(VariableQueryEditor);
