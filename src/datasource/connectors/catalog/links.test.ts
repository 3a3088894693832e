/** @jest-environment node */
import { annotationKeys, DEFAULT_ANNOTATION_KEYS } from './annotationKeys';
import { annotationLink, classifyLink } from './links';

describe('annotation links', () => {
  it('builds links for the well-known annotations and keeps ids as text', () => {
    expect(annotationLink('github.com/project-slug', 'acme/pay', 'repo')).toEqual({
      kind: 'repo',
      title: 'acme/pay',
      url: 'https://github.com/acme/pay',
    });
    expect(annotationLink('gitlab.com/project-slug', 'acme/pay', 'repo').url).toBe('https://gitlab.com/acme/pay');
    expect(annotationLink('backstage.io/source-location', 'url:https://git.example/pay/tree/main/', 'repo').url).toBe(
      'https://git.example/pay/tree/main/'
    );
    expect(annotationLink('backstage.io/techdocs-ref', 'dir:.', 'docs')).toEqual({
      kind: 'docs',
      title: 'TechDocs (dir:.)',
      url: '',
    });
    expect(annotationLink('slack.com/channel', '#payments', 'chat')).toEqual({
      kind: 'chat',
      title: '#payments',
      url: '',
    });
    expect(annotationLink('pagerduty.com/service-id', 'P1/../x', 'oncall').url).toBe(
      'https://app.pagerduty.com/service-directory/P1%2F..%2Fx'
    );
  });

  it('never shows a PagerDuty integration key', () => {
    expect(JSON.stringify(annotationLink('pagerduty.com/integration-key', 'secret-key-123', 'oncall'))).not.toContain(
      'secret-key-123'
    );
  });

  it('classifies metadata.links by type, icon, title, then host', () => {
    expect(classifyLink({ url: 'https://x.example/a', title: 'Ops', type: 'runbook' })?.kind).toBe('runbook');
    expect(classifyLink({ url: 'https://x.example/a', icon: 'dashboard' })?.kind).toBe('dashboard');
    expect(classifyLink({ url: 'https://acme.slack.com/archives/C1' })).toEqual({
      kind: 'chat',
      title: 'acme.slack.com',
      url: 'https://acme.slack.com/archives/C1',
    });
    expect(classifyLink({ url: 'https://github.com/acme/pay', title: 'Code' })?.kind).toBe('repo');
    expect(classifyLink({ url: 'not a url', title: 'Thing' })?.kind).toBe('other');
    expect(classifyLink({ title: 'no url' })).toBeUndefined();
    expect(classifyLink({ url: 42 })).toBeUndefined();
  });

  it('lets settings replace the keys of a field, and ignores empty lists', () => {
    const keys = annotationKeys({ onCall: [' opsgenie.com/team ', ''], repo: [] });
    expect(keys.onCall).toEqual(['opsgenie.com/team']);
    expect(keys.repo).toBe(DEFAULT_ANNOTATION_KEYS.repo);
  });
});
