import React, { useCallback } from 'react';
import { useParams } from 'react-router-dom';
import { EmbeddedScene, SceneAppPage, SceneFlexLayout } from '@grafana/scenes';
import { testIds } from '../../components/testIds';
import { DEFAULT_NAMESPACE, prefixRoute, ROUTES, serviceRoute } from '../../constants';
import { ScenePage } from '../shared/ScenePage';
import { usePageSettings } from '../shared/SettingsContext';
import { serviceScene } from './serviceScene';

/** Only the breadcrumb back to the catalog: never rendered itself. */
const catalogCrumb = new SceneAppPage({
  title: 'Catalog',
  url: prefixRoute(ROUTES.Catalog),
  routePath: '',
  getScene: () => new EmbeddedScene({ body: new SceneFlexLayout({ children: [] }) }),
});
const parent = () => catalogCrumb;

export default function ServicePage() {
  const { namespace, name = '' } = useParams();
  const settings = usePageSettings();
  const getScene = useCallback(() => serviceScene(settings, name, namespace), [settings, name, namespace]);
  return (
    <ScenePage
      key={`${namespace ?? ''}/${name}`}
      testId={testIds.service.container}
      title={namespace && namespace !== DEFAULT_NAMESPACE ? `${namespace}/${name}` : name}
      subTitle="Ownership, readiness, flow neighbourhood, chaos runs and request metrics of one service"
      url={serviceRoute(name, namespace)}
      getScene={getScene}
      parent={parent}
    />
  );
}
