import { nodeLinks } from './links';

const node = { id: 'ns/pay api', title: 'pay api' };

describe('nodeLinks', () => {
  it('links the service page, ownership, Explore and a dashboard', () => {
    const links = nodeLinks(node, { datasourceUid: 'faultline-demo', dashboardUrl: '/d/svc?var-service=${service}' });
    expect(links.map((l) => l.label)).toEqual(['Service page (ownership, chaos runs)', 'Explore', 'Service dashboard']);
    expect(links[0].href).toBe('/a/faultline-app/service/pay%20api');
    expect(links[2].href).toBe('/d/svc?var-service=pay%20api');
    expect(decodeURIComponent(links[1].href)).toContain('"datasource":"faultline-demo"');
  });

  it('links the service page with the catalog namespace the data joined the node to', () => {
    const [page] = nodeLinks({ id: 'shop/checkout', title: 'checkout', catalogNamespace: 'legacy' }, {});
    expect(page.href).toBe('/a/faultline-app/service/legacy/checkout');
  });

  it('drops links whose URL is not safe', () => {
    const links = nodeLinks(node, {
      dashboardUrl: 'javascript:alert(1)//${service}',
      fieldLinks: [
        { title: 'x', url: 'data:text/html,${__value.raw}' },
        { title: 'ok', url: 'https://x.test/${__value.raw}' },
      ],
    });
    expect(links.map((l) => l.label)).toEqual(['Service page (ownership, chaos runs)', 'ok']);
    expect(links[1].href).toBe('https://x.test/ns%2Fpay%20api');
  });

  it('links a node whose title and id hold a lone surrogate, with U+FFFD in its place', () => {
    const links = nodeLinks(
      { ...node, id: 'bad\uDC00id', title: 'bad\uD800name' },
      { fieldLinks: [{ title: 'ok', url: 'https://x.test/${__value.raw}' }] }
    );
    expect(links.map((l) => l.href)).toEqual([
      expect.stringContaining('bad%EF%BF%BDname'),
      'https://x.test/bad%EF%BF%BDid',
    ]);
  });

  it('a collapsed group has no service links', () => {
    expect(nodeLinks({ id: 'group:x', title: 'x', members: [1] }, {})).toEqual([]);
  });
});
