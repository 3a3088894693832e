import React from 'react';
import { PanelProps } from '@grafana/data';
import { OwnershipFieldName as F } from '../../model';
import { rowsFromFrames } from './frame';
import { OwnershipOptions } from './types';

export function OwnershipPanel({ data }: PanelProps<OwnershipOptions>) {
  const rows = rowsFromFrames(data.series);
  if (rows.length === 0) {
    return <div data-testid="faultline-ownership-empty">No services in the query result. Use the Faultline data source with an Ownership query.</div>;
  }
  return (
    <table data-testid="faultline-ownership-table">
      <thead>
        <tr>
          <th>Service</th>
          <th>Owner</th>
          <th>On-call</th>
          <th>Tier</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${r[F.ref] ?? r[F.service]}-${i}`}>
            <td>{r[F.service]}</td>
            <td>{r[F.owner]}</td>
            <td>{r[F.onCall]}</td>
            <td>{r[F.tier]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
