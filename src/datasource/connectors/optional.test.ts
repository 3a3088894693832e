import { BackendError } from '../../model';
import { Notice, optional } from './optional';

describe('optional sources', () => {
  it('turns a backend failure into a warning and answers undefined', async () => {
    const notices: Notice[] = [];
    const got = await optional(notices, 'No owners from the catalog', () =>
      Promise.reject(new BackendError('is unreachable', 'Backstage'))
    );
    expect(got).toBeUndefined();
    expect(notices).toEqual([
      { severity: 'warning', text: expect.stringMatching(/^No owners from the catalog: .*unreachable/) },
    ]);
  });

  it('throws a bug in our own code instead of hiding it in a notice', async () => {
    const notices: Notice[] = [];
    await expect(
      optional(notices, 'No chaos runs', () => Promise.reject(new TypeError('x is undefined')))
    ).rejects.toThrow(TypeError);
    expect(notices).toEqual([]);
  });

  it('passes a loaded value through', async () => {
    expect(await optional([], 'No chaos runs', async () => 3)).toBe(3);
  });
});
