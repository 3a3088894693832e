import React from 'react';
import { Button } from '@grafana/ui';
import type { Noise } from '../graph/noise';

interface Props {
  noise: Noise;
  onNoise(n: Noise): void;
  /** Label of the traffic floor, e.g. "< 1 kB/s". */
  floorLabel: string;
  /** Whether the data has clusters (the cross toggle then says so). */
  clusters: boolean;
}

type Key = 'errorsOnly' | 'changedOnly' | 'crossOnly' | 'floorOn';

/** One click each: hide what is not worth looking at right now. */
export function NoiseToggles({ noise, onNoise, floorLabel, clusters }: Props) {
  const items: Array<[Key, string, string]> = [
    ['errorsOnly', 'Errors only', 'Only edges with errors, and the nodes they join'],
    ['changedOnly', 'Changed only', 'Only edges new, vanished or changed against the compare range'],
    [
      'crossOnly',
      clusters ? 'Cross-zone/cluster' : 'Cross-zone',
      clusters ? 'Only traffic between zones or clusters' : 'Only traffic between zones',
    ],
    ['floorOn', `Hide ${floorLabel}`, `Hide nodes with less traffic than ${floorLabel.replace(/^< /, '')}`],
  ];
  return (
    <>
      {items.map(([key, label, tip]) => (
        <Button
          key={key}
          size="sm"
          variant={noise[key] ? 'primary' : 'secondary'}
          fill={noise[key] ? 'solid' : 'outline'}
          aria-pressed={noise[key]}
          tooltip={tip}
          onClick={() => onNoise({ ...noise, [key]: !noise[key] })}
        >
          {label}
        </Button>
      ))}
    </>
  );
}
