import React from 'react';
import { PanelService } from '../frame';
import { OwnershipStyles } from '../styles';
import { Hint } from './MissingHints';
import { SafeLink } from './SafeLink';

/** Many services: one row each; the gaps column counts what is missing and lists it in a tooltip-free way. */
export function OwnershipTable({
  services,
  showMissing,
  s,
}: {
  services: PanelService[];
  showMissing: boolean;
  s: OwnershipStyles;
}) {
  return (
    <div className={s.tableWrap}>
      <table className={s.table} data-testid="faultline-ownership-table">
        <thead>
          <tr>
            <th scope="col">Service</th>
            <th scope="col">Owner</th>
            <th scope="col">On-call</th>
            <th scope="col">Runbook</th>
            <th scope="col">Repo</th>
            <th scope="col">Tier</th>
            <th scope="col">Lifecycle</th>
            <th scope="col">System</th>
            {showMissing && <th scope="col">Missing</th>}
          </tr>
        </thead>
        <tbody>
          {services.map((x) => (
            <tr key={x.key}>
              <td>{x.namespace && x.namespace !== 'default' ? `${x.namespace}/${x.service}` : x.service}</td>
              <td>{x.owner ?? <span className={s.absent}>none</span>}</td>
              <td>
                <SafeLink link={x.onCall} />
              </td>
              <td>
                <SafeLink link={x.runbook} />
              </td>
              <td>
                <SafeLink link={x.repo} />
              </td>
              <td>{x.tier}</td>
              <td>{x.lifecycle}</td>
              <td>{x.system}</td>
              {showMissing && (
                <td>
                  {x.missing.map((m) => (
                    <div key={m} className={s.gapCount}>
                      <Hint text={m} />
                    </div>
                  ))}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
