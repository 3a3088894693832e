import React, { useCallback } from 'react';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { ScenePage } from '../shared/ScenePage';
import { usePageSettings } from '../shared/SettingsContext';
import { flowMapScene } from './flowMapScene';

export default function FlowMapPage() {
  const settings = usePageSettings();
  const getScene = useCallback(() => flowMapScene(settings), [settings]);
  return (
    <ScenePage
      testId={testIds.flowMap.container}
      title="Flow map"
      subTitle="Which cluster is on fire, and what talks to what across the estate, by team, with transfer cost and change over time"
      url={prefixRoute(ROUTES.FlowMap)}
      getScene={getScene}
    />
  );
}
