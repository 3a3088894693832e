import { PanelBuilders, SceneDataTransformer, SceneQueryRunner } from '@grafana/scenes';
import type { PageSettings } from '../../components/AppConfig/settings';
import type { ChaosFilter } from '../../datasource/types';
import { RUN_LINKS } from './links';
import { chaosQuery, faultlineRef } from './queries';
import { runWindow } from './runWindow';

/** The runs table of the pages: each run with the window its links open, and those links on the run. */
export function runsTable(s: PageSettings, chaos: ChaosFilter) {
  return PanelBuilders.table()
    .setData(
      new SceneDataTransformer({
        $data: new SceneQueryRunner({ datasource: faultlineRef(s), queries: [chaosQuery(s, 'experiments', chaos)] }),
        transformations: [runWindow],
      })
    )
    .setOverrides((b) => b.matchFieldsWithName('run').overrideLinks(RUN_LINKS));
}

/** The runs of the pages over time: one state timeline row per run. */
export function runsTimeline(s: PageSettings, chaos: ChaosFilter) {
  return PanelBuilders.statetimeline().setData(
    new SceneQueryRunner({ datasource: faultlineRef(s), queries: [chaosQuery(s, 'timeline', chaos)] })
  );
}
