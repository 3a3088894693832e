/**
 * The result of a data source test (public/app/features/datasources/components/
 * DataSourceTestingStatus.tsx): an alert titled with the message, coloured by the status ("ok" is
 * success, an unknown status info), with details.message below it, the next steps on success, and
 * details.verboseMessage in a collapsed <details>.
 */
import React from 'react';
import { TestingStatus } from '@grafana/runtime';
import { Alert, AlertVariant } from '@grafana/ui';

const VARIANTS = new Set(['success', 'info', 'warning', 'error']);

function variantOf(status: string): AlertVariant {
  if (status.toLowerCase() === 'ok') {
    return 'success';
  }
  return VARIANTS.has(status) ? (status as AlertVariant) : 'info';
}

export function DataSourceTestingStatus({ testingStatus, uid }: { testingStatus?: TestingStatus; uid: string }) {
  const severity = variantOf(testingStatus?.status ?? 'error');
  const message = testingStatus?.message;
  if (!message) {
    return null;
  }
  const details = testingStatus?.details;
  return (
    <div style={{ paddingTop: 24 }}>
      <Alert severity={severity} title={message} data-testid="data-testid Data source settings page Alert">
        {details && (
          <>
            {details.message ? <>{String(details.message)}</> : null}
            {severity === 'success' ? (
              <div>
                Next, you can start to visualize data by{' '}
                <a href={`/dashboard/new-with-ds/${uid}`}>building a dashboard</a>, or by querying data in the{' '}
                <a href="/explore">Explore view</a>.
              </div>
            ) : null}
            {details.verboseMessage ? (
              <details style={{ whiteSpace: 'pre-wrap' }}>{String(details.verboseMessage)}</details>
            ) : null}
          </>
        )}
      </Alert>
    </div>
  );
}
