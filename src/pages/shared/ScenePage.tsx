import React, { useMemo } from 'react';
import { css } from '@emotion/css';
import { EmbeddedScene, SceneApp, SceneAppPage, SceneAppPageLike } from '@grafana/scenes';
import { useStyles2 } from '@grafana/ui';

export interface ScenePageProps {
  testId: string;
  title: string;
  subTitle: string;
  url: string;
  getScene: () => EmbeddedScene;
  /** For a drilldown: the page its breadcrumb leads back to. */
  parent?: () => SceneAppPageLike;
}

/**
 * One app page as a one-page SceneApp, mounted below its own route (`<route>/*`), so the page and
 * its URL-synced time range and variables live and die with the route.
 */
export function ScenePage({ testId, title, subTitle, url, getScene, parent }: ScenePageProps) {
  const styles = useStyles2(getStyles);
  const app = useMemo(
    () =>
      new SceneApp({
        pages: [
          new SceneAppPage({
            title,
            subTitle,
            url,
            routePath: '*',
            getScene,
            getParentPage: parent,
            preserveUrlKeys: ['from', 'to'],
          }),
        ],
      }),
    [title, subTitle, url, getScene, parent]
  );
  return (
    <div className={styles.container} data-testid={testId}>
      <app.Component model={app} />
    </div>
  );
}

const getStyles = () => ({
  container: css({ display: 'flex', flexGrow: 1, flexDirection: 'column', minHeight: '100%' }),
});
