import React, { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { getBackendSrv } from '@grafana/runtime';
import { Alert } from '@grafana/ui';

interface Entry {
  uid: string;
  title: string;
  file: string;
  error?: string;
}

export function DashboardList() {
  const [list, setList] = useState<Entry[]>();
  useEffect(() => {
    getBackendSrv().get<Entry[]>('/api/preview/dashboards').then(setList);
  }, []);
  return (
    <section data-testid="preview-dashboard-list">
      <h2>Dashboards</h2>
      {list?.length === 0 && <p>No dashboards yet.</p>}
      <ul>
        {list?.map((d) => (
          <li key={d.uid}>
            {d.error ? <Alert title={d.file}>{d.error}</Alert> : <Link to={`/d/${d.uid}`}>{d.title}</Link>}
          </li>
        ))}
      </ul>
    </section>
  );
}
