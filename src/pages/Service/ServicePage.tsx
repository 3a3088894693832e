import React, { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { EmbeddedScene, SceneAppPage, SceneFlexLayout } from '@grafana/scenes';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES, serviceRoute } from '../../constants';
import { ScenePage } from '../shared/ScenePage';
import { usePageSettings } from '../shared/SettingsContext';
import { serviceScene } from './serviceScene';

/** Only the breadcrumb back to the catalog: never rendered itself. */
const catalogCrumb = new SceneAppPage({
  title: 'Catalog', url: prefixRoute(ROUTES.Catalog), routePath: '', getScene: () => new EmbeddedScene({ body: new SceneFlexLayout({ children: [] }) }),
});
const parent = () => catalogCrumb;

export default function ServicePage() {
  const { name = '' } = useParams();
  const settings = usePageSettings();
  const getScene = useCallback(() => serviceScene(settings, name), [settings, name]);
  return (
    <ScenePage
      key={name}
      testId={testIds.service.container}
      title={name}
      subTitle="Ownership, readiness, flow neighbourhood, chaos runs and request metrics of one service"
      url={serviceRoute(name)}
      getScene={getScene}
      parent={parent}
    />
  );
}
