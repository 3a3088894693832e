import { PanelBuilders, SceneDataTransformer, SceneFlexItem, SceneQueryRunner, VizPanel } from '@grafana/scenes';
import type { PageSettings } from '../../components/AppConfig/settings';
import { FLOWGRAPH_PANEL, OWNERSHIP_PANEL } from '../../constants';
import { SERVICE_LINK_TEMPLATE } from '../shared/links';
import { runsTable, runsTimeline } from '../shared/runsTable';
import { neighbourhoodOf } from '../shared/neighbourhood';
import { impactTable } from '../Experiments/experimentsScene';
import { hideInTable } from '../shared/hideInTable';
import {
  chaosAnnotation,
  faultlineRef,
  flowsQuery,
  keyMetricQueries,
  metricsRef,
  ownershipQuery,
  scorecardQuery,
} from '../shared/queries';
import { pageScene } from '../shared/scene';

/**
 * One service: who owns it and how ready it is, what it talks to, the chaos runs that targeted it,
 * and its request metrics with those runs drawn over them.
 */
export function serviceScene(s: PageSettings, service: string, namespace?: string) {
  const chaos = { service };
  // The catalog knows the service by namespace and name; chaos targets, flows and metrics by name.
  const entity = namespace ? `${namespace}/${service}` : service;
  const ownership = new VizPanel({
    pluginId: OWNERSHIP_PANEL,
    title: 'Ownership',
    options: { layout: 'auto', showMissing: true },
    $data: new SceneQueryRunner({ datasource: faultlineRef(s), queries: [ownershipQuery(s, entity)] }),
  });
  const score = PanelBuilders.stat()
    .setTitle('Readiness')
    .setDescription('Share of the enabled rules it passes, by weight')
    .setData(new SceneQueryRunner({ datasource: faultlineRef(s), queries: [scorecardQuery(s, { service: entity })] }))
    .setOption('reduceOptions', { values: false, calcs: ['lastNotNull'], fields: '/^score$/' })
    .build();
  const rules = PanelBuilders.table()
    .setTitle('Readiness rules')
    .setData(
      new SceneQueryRunner({
        datasource: faultlineRef(s),
        queries: [scorecardQuery(s, { service: entity, by: 'rule' })],
      })
    )
    .setOverrides((b) => hideInTable(b, ['service']))
    .build();
  const flows = new VizPanel({
    pluginId: FLOWGRAPH_PANEL,
    title: `Flow neighbourhood of ${service}`,
    description: 'The service, what calls it and what it calls, over the time range',
    options: { layout: 'layered', overlay: 'chaos', colorBy: 'team', dashboardUrl: SERVICE_LINK_TEMPLATE },
    $data: new SceneDataTransformer({
      $data: new SceneQueryRunner({ datasource: faultlineRef(s), queries: [flowsQuery(s)] }),
      transformations: [neighbourhoodOf(service)],
    }),
  });
  const timeline = runsTimeline(s, chaos).setTitle('Chaos runs targeting it').build();
  const runs = runsTable(s, chaos)
    .setTitle('Runs')
    .setDescription('Run: open it in its backend, its blast radius, or the flow map at that time')
    .build();
  const [requests, errors, latency] = keyMetricQueries(s, service);
  const metric = (title: string, unit: string, query: Array<typeof requests>) =>
    PanelBuilders.timeseries()
      .setTitle(title)
      .setUnit(unit)
      .setData(new SceneQueryRunner({ datasource: metricsRef(s), queries: query }))
      .build();
  return pageScene({
    from: 'now-6h',
    // A service page is where a run's reach is read, over the metrics it moved: worth its store
    // queries here (a few runs of one service), not on every dashboard an overlay is added to.
    annotations: [chaosAnnotation(s, service, { reach: true })],
    rows: [
      { height: 320, items: [ownership, new SceneFlexItem({ width: 180, body: score }), rules] },
      { height: 420, items: [flows] },
      {
        height: 240,
        items: [
          metric('Requests', 'reqps', [requests]),
          metric('Errors', 'reqps', [errors]),
          metric('Latency p95', 's', [latency]),
        ],
      },
      { height: 220, items: [timeline] },
      { height: 280, items: [runs] },
      { height: 300, items: [impactTable(s, chaos)] },
    ],
  });
}
