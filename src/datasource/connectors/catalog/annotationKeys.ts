import { AnnotationKeyMap } from '../../types';

export type KeyedField = keyof AnnotationKeyMap;

/**
 * Annotation keys read for each ownership field, first match wins. Every key here is documented
 * by the plugin that owns it (backstage.io well-known annotations, the PagerDuty, Opsgenie,
 * GitHub and GitLab Backstage plugins); tier is a label or annotation by local convention.
 * Runbooks and chat channels have no well-known annotation: they come from `metadata.links`
 * (type or icon `runbook`/`chat`, or a Slack URL) unless keys are configured.
 */
export const DEFAULT_ANNOTATION_KEYS: Required<AnnotationKeyMap> = {
  onCall: [
    'pagerduty.com/service-id',
    'pagerduty.com/integration-key',
    'opsgenie.com/team',
    'opsgenie.com/component-selector',
  ],
  chat: [],
  runbook: [],
  repo: ['github.com/project-slug', 'gitlab.com/project-slug', 'backstage.io/source-location'],
  docs: ['backstage.io/techdocs-ref', 'backstage.io/view-url'],
  tier: ['tier', 'service-tier', 'backstage.io/tier'],
};

/** Configured keys replace the defaults per field; an empty list in settings means "use the defaults". */
export function annotationKeys(configured?: AnnotationKeyMap): Required<AnnotationKeyMap> {
  const out = { ...DEFAULT_ANNOTATION_KEYS };
  for (const field of Object.keys(out) as KeyedField[]) {
    const keys = configured?.[field]?.map((k) => k.trim()).filter(Boolean);
    if (keys && keys.length > 0) {
      out[field] = keys;
    }
  }
  return out;
}
