import React from 'react';
import { FieldType, PanelPlugin, PanelProps, reduceField, ReducerID } from '@grafana/data';
import { BigValue, BigValueColorMode, BigValueGraphMode, useTheme2 } from '@grafana/ui';
import { Frame, NoData } from './StandInBadge';

/** One big value per numeric field, reduced to its last non-null value (Grafana's stat default). */
function StatStandIn({ data, width, height }: PanelProps) {
  const theme = useTheme2();
  const fields = data.series.flatMap((f) => f.fields.filter((x) => x.type === FieldType.number && x.display));
  if (fields.length === 0) {
    return (
      <Frame type="stat">
        <NoData />
      </Frame>
    );
  }
  const w = Math.floor(width / fields.length);
  return (
    <Frame type="stat">
      <div style={{ display: 'flex' }}>
        {fields.map((field, i) => {
          const last = reduceField({ field, reducers: [ReducerID.lastNotNull] })[ReducerID.lastNotNull];
          const value = { ...field.display!(last), title: fields.length > 1 ? field.state?.displayName ?? field.name : undefined };
          return (
            <BigValue
              key={i}
              theme={theme}
              value={value}
              width={w}
              height={height}
              colorMode={BigValueColorMode.Value}
              graphMode={BigValueGraphMode.None}
            />
          );
        })}
      </div>
    </Frame>
  );
}

export const statPlugin = new PanelPlugin(StatStandIn).useFieldConfig();
