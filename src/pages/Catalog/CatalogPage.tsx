import React, { useCallback } from 'react';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { ScenePage } from '../shared/ScenePage';
import { usePageSettings } from '../shared/SettingsContext';
import { catalogScene } from './catalogScene';

export default function CatalogPage() {
  const settings = usePageSettings();
  const getScene = useCallback(() => catalogScene(settings), [settings]);
  return (
    <ScenePage
      testId={testIds.catalog.container}
      title="Catalog"
      subTitle="Every service with its owner, its last chaos run, what it talks to, and how ready it is to be broken"
      url={prefixRoute(ROUTES.Catalog)}
      getScene={getScene}
    />
  );
}
