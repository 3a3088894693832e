import { isSafeUrl, MissingField, Ownership, OwnershipField, ServiceLink } from '../../../model';
import { DEFAULT_ANNOTATION_KEYS } from './annotationKeys';
import { AnnotationKeyMap } from '../../types';

const LINK_NAMES: Partial<Record<OwnershipField, string>> = {
  onCall: 'on-call',
  runbook: 'runbook',
  repo: 'repository',
};

/**
 * Which ownership fields the entry lacks, each with the one change that fixes it, so the panel
 * itself drives catalog hygiene. `annotationHint` names the first configured key per field.
 */
export function missingFields(
  o: Omit<Ownership, 'missing'>,
  keys: Required<AnnotationKeyMap> = DEFAULT_ANNOTATION_KEYS,
  ownerProblem?: string
): MissingField[] {
  const out: MissingField[] = [];
  const add = (field: OwnershipField, hint: string) => out.push({ field, hint });
  if (ownerProblem) {
    add('owner', ownerProblem);
  } else if (!o.owner) {
    add('owner', 'no owner set — add `spec.owner` (a group)');
  }
  // A link the panel refuses to render (javascript:, data:…) is as good as none to the reader.
  const link = (field: OwnershipField, value: ServiceLink | undefined, hint: string) => {
    if (!value) {
      add(field, hint);
    } else if (!isSafeUrl(value.url)) {
      add(
        field,
        `the ${LINK_NAMES[field]} link is not an http(s) or mailto URL, so it is not shown — fix its \`url\` in the catalog`
      );
    }
  };
  link('onCall', o.onCall, `no on-call set — add \`${keys.onCall[0]}\``);
  link(
    'runbook',
    o.runbook,
    `no runbook — add a \`metadata.links\` entry of type \`runbook\`${keys.runbook[0] ? ` (or \`${keys.runbook[0]}\`)` : ''}`
  );
  link('repo', o.repo, `no repository — add \`${keys.repo[0]}\``);
  if (!o.tier) {
    add('tier', `no tier — add the \`${keys.tier[0]}\` label`);
  }
  if (!o.lifecycle) {
    add('lifecycle', 'no lifecycle — set `spec.lifecycle` (production, experimental…)');
  }
  if (!o.system) {
    add('system', 'no system — set `spec.system`');
  }
  return out;
}
