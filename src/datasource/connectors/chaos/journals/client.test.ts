import { indexPaths } from './client';

const BASE = 'http://runner.example:8300/';

describe('indexPaths', () => {
  it('accepts paths, same-origin URLs and {path}/{url} objects, deduplicated, in order', () => {
    expect(
      indexPaths(['/journals/z.json', '/journals/a.json', 'journals/b.json', 'http://runner.example:8300/journals/c.json', { path: '/journals/d.json' }, { url: 'journals/e.json' }, '/journals/a.json'], BASE)
    ).toEqual(['/journals/z.json', '/journals/a.json', '/journals/b.json', '/journals/c.json', '/journals/d.json', '/journals/e.json']);
  });

  it('drops other origins, climbing paths, numbers, nulls and empty strings', () => {
    expect(indexPaths(['https://evil.example/j.json', '/journals/../../etc/passwd', '..', 42, '', null, { path: 7 }, '/ok.json'], BASE)).toEqual(['/ok.json']);
  });

  it('says so when the index lists nothing usable', () => {
    expect(() => indexPaths([42, 'https://elsewhere.example/x.json'], BASE)).toThrow(/lists no usable paths/);
    expect(indexPaths([], BASE)).toEqual([]);
  });
});
