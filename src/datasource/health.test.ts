import { AuthError } from '../model';
import { ProbeFactory } from './connectors/probe';
import { checkHealth } from './health';
import { Transport } from './http/transport';

const transport: Transport = async () => ({ status: 200, text: '{}', headers: {} });

describe('checkHealth', () => {
  it('says that nothing is configured rather than passing', async () => {
    const res = await checkHealth({}, transport, [() => []]);
    expect(res.ok).toBe(false);
    expect(res.message).toMatch(/No backend is configured/);
  });

  it('passes only when every configured backend passes, and names the one that failed', async () => {
    const ok: ProbeFactory = () => [{ name: 'Catalog', run: async () => 'Catalog answers' }];
    const bad: ProbeFactory = () => [
      {
        name: 'Prometheus',
        run: async () => {
          throw new AuthError('not authenticated (401)', 'Prometheus store', 401);
        },
      },
    ];
    expect(await checkHealth({}, transport, [ok])).toMatchObject({ ok: true, message: 'Catalog answers' });
    const res = await checkHealth({}, transport, [ok, bad]);
    expect(res.ok).toBe(false);
    expect(res.message).toBe('Prometheus store: not authenticated (401)');
    expect(res.details.map((d) => d.ok)).toEqual([true, false]);
  });
});
