import React from 'react';
import { PluginPage } from '@grafana/runtime';
import { TextLink } from '@grafana/ui';
import { testIds } from '../components/testIds';

function Home() {
  return (
    <PluginPage>
      <div data-testid={testIds.home.container}>
        <p>
          Faultline answers three questions on any dashboard: who owns this service, what did we break on purpose,
          and what talks to what.
        </p>
        <ul>
          <li>Add a <strong>Faultline</strong> data source and point it at your catalog, chaos backends and Prometheus store.</li>
          <li>Use the <strong>Faultline ownership</strong> panel on team dashboards.</li>
          <li>Add the Faultline annotation to any dashboard to see chaos runs as regions.</li>
          <li>Use the <strong>Faultline flow graph</strong> panel with a Flow map query.</li>
        </ul>
        <TextLink href="/connections/datasources/new" inline={false}>
          Add a data source
        </TextLink>
      </div>
    </PluginPage>
  );
}

export default Home;
