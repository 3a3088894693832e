import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import path from 'node:path';
import { AnnotationQuery } from '@grafana/data';
import { createAnnotationSupport } from './annotations';
import { annotationFrame } from './connectors/chaos/frames';
import { OUTCOME_COLOR, OUTCOME_STATE, Outcome } from '../model/outcome';
import { FaultlineQuery } from './types';

// The annotations layer Grafana's dashboards run (@grafana/scenes, as installed), read as text:
// the mapping from frame fields and alert states to events is not exported.
const scenes = (file: string) =>
  readFileSync(path.resolve(__dirname, '../../node_modules/@grafana/scenes/dist/esm/querying/layers/annotations', file), 'utf8');

describe('createAnnotationSupport', () => {
  const support = createAnnotationSupport();

  it('runs with no editing: a new annotation gets the default query, narrowed to $service', () => {
    const anno = support.prepareAnnotation!({ name: 'Chaos', enable: true, iconColor: 'red' } as AnnotationQuery<FaultlineQuery>);
    expect(support.prepareQuery!(anno)).toEqual({ refId: 'Anno', queryType: 'experiments', chaos: { service: '$service' }, chaosAnnotation: true });
  });

  it('keeps an edited filter and always asks the experiments handler for regions', () => {
    const anno = { name: 'Chaos', enable: true, iconColor: 'red', target: { refId: 'A', queryType: 'timeline', chaos: { status: ['failed'] } } } as AnnotationQuery<FaultlineQuery>;
    expect(support.prepareQuery!(anno)).toEqual({ refId: 'A', queryType: 'experiments', chaos: { status: ['failed'] }, chaosAnnotation: true });
  });

  it("returns an annotation already in shape as the same object, so Grafana's editor runs it instead of looping", () => {
    const anno = {
      name: 'Chaos runs',
      enable: true,
      target: { refId: 'Anno', queryType: 'experiments', chaos: { service: '$service' } },
    } as AnnotationQuery<FaultlineQuery>;
    expect(support.prepareAnnotation!(anno)).toBe(anno);
  });

  it('migrates any saved shape once: preparing its own output returns that same object', () => {
    const target = fc.option(
      fc.record(
        {
          refId: fc.option(fc.constantFrom('', 'A', 'Anno'), { nil: undefined }),
          queryType: fc.option(fc.constantFrom('experiments', 'timeline', 'services'), { nil: undefined }),
          chaos: fc.option(fc.record({ service: fc.string() }, { requiredKeys: [] }), { nil: undefined }),
        },
        { requiredKeys: [] }
      ),
      { nil: undefined }
    );
    fc.assert(
      fc.property(target, (t) => {
        const once = support.prepareAnnotation!({
          name: 'Chaos',
          enable: true,
          target: t,
        } as AnnotationQuery<FaultlineQuery>);
        expect(support.prepareAnnotation!(once)).toBe(once);
        expect(once.target).toMatchObject({ queryType: 'experiments' });
      })
    );
  });

  it('needs no migration for the annotations of the shipped dashboards', () => {
    const dir = path.resolve(__dirname, '../dashboards');
    const annotations = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .flatMap(
        (f) =>
          (JSON.parse(readFileSync(path.join(dir, f), 'utf8')).annotations?.list ?? []) as Array<
            AnnotationQuery<FaultlineQuery>
          >
      )
      .filter((a) => a.datasource?.type === 'faultline-datasource');
    expect(annotations.length).toBeGreaterThan(0);
    for (const a of annotations) {
      expect({ name: a.name, unchanged: support.prepareAnnotation!(a) === a }).toEqual({
        name: a.name,
        unchanged: true,
      });
    }
  });
});

describe('the region frame against the installed Grafana annotations layer', () => {
  it('uses only field names Grafana maps to annotation events', () => {
    const keys = new Set([...scenes('standardAnnotationsSupport.js').matchAll(/key: "(\w+)"/g)].map((m) => m[1]));
    const names = annotationFrame([], 0, 0).fields.map((f) => f.name);
    // color and isRegion are read on public dashboards only (elsewhere isRegion follows timeEnd and color newState).
    expect(names.filter((n) => !keys.has(n))).toEqual([]);
    expect(['time', 'timeEnd', 'title', 'text', 'tags', 'id', 'newState'].every((k) => keys.has(k))).toBe(true);
  });

  it('colours through newState the way postProcessQueryResult does: red, green, yellow, grey', () => {
    const source = scenes('utils.js');
    const colorOf = (state: string) => new RegExp(`case "${state}":\\s*processedItem\\.color = "(\\w+)"`).exec(source)?.[1];
    const expected: Partial<Record<Outcome, string>> = { failed: 'red', deviated: 'red', succeeded: 'green', running: 'yellow', aborted: 'gray' };
    for (const [outcome, colour] of Object.entries(expected)) {
      expect([outcome, colorOf(OUTCOME_STATE[outcome as Outcome]!)]).toEqual([outcome, colour]);
    }
    expect(OUTCOME_COLOR.running).toBe('#FF9830');
  });
});
