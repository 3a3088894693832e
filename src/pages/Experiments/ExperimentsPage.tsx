import React, { useCallback } from 'react';
import { testIds } from '../../components/testIds';
import { prefixRoute, ROUTES } from '../../constants';
import { ScenePage } from '../shared/ScenePage';
import { usePageSettings } from '../shared/SettingsContext';
import { experimentsScene } from './experimentsScene';

export default function ExperimentsPage() {
  const settings = usePageSettings();
  const getScene = useCallback(() => experimentsScene(settings), [settings]);
  return (
    <ScenePage
      testId={testIds.experiments.container}
      title="Experiments"
      subTitle="Chaos runs of every backend, what they found, and the services around each target"
      url={prefixRoute(ROUTES.Experiments)}
      getScene={getScene}
    />
  );
}
