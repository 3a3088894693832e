import React, { useMemo } from 'react';
import { PanelProps } from '@grafana/data';
import { useStyles2 } from '@grafana/ui';
import { OwnershipTable } from './components/OwnershipTable';
import { ServiceCard } from './components/ServiceCard';
import { servicesFromFrames } from './frame';
import { pickLayout } from './layout';
import { getStyles } from './styles';
import { OwnershipOptions } from './types';

export function OwnershipPanel({ data, options, width }: PanelProps<OwnershipOptions>) {
  const s = useStyles2(getStyles);
  const services = useMemo(() => servicesFromFrames(data.series), [data.series]);
  const showMissing = options.showMissing !== false;
  if (services.length === 0) {
    const notice = data.series.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text)[0];
    return (
      <div className={s.empty} data-testid="faultline-ownership-empty">
        {notice ??
          'No services in the query result. Use the Faultline data source with an Ownership query for $service.'}
      </div>
    );
  }
  const layout = pickLayout(options.layout, services.length, width);
  const notices = data.series.flatMap((f) => f.meta?.notices ?? []);
  return (
    <div className={s.root} data-testid="faultline-ownership" data-layout={layout}>
      {notices.map((n) => (
        <div key={n.text} className={s.notice} role="status">
          {n.text}
        </div>
      ))}
      {layout === 'table' ? (
        <OwnershipTable services={services} showMissing={showMissing} s={s} />
      ) : (
        services.map((x) => (
          <ServiceCard key={x.key} service={x} full={layout === 'full'} showMissing={showMissing} s={s} />
        ))
      )}
    </div>
  );
}
