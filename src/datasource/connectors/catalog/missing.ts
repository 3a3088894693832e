import { isSafeUrl, MissingField, Ownership, OwnershipField, ServiceLink } from '../../../model';
import { DEFAULT_ANNOTATION_KEYS } from './annotationKeys';
import { AnnotationKeyMap } from '../../types';

const LINK_NAMES: Partial<Record<OwnershipField, string>> = {
  onCall: 'on-call',
  runbook: 'runbook',
  repo: 'repository',
};

/** The hints for one set of annotation keys, written once: every entry of a catalog shares them. */
interface Hints {
  owner: MissingField;
  onCall: MissingField;
  runbook: MissingField;
  repo: MissingField;
  tier: MissingField;
  lifecycle: MissingField;
  system: MissingField;
  unsafe: Partial<Record<OwnershipField, MissingField>>;
}

const HINTS = new WeakMap<Required<AnnotationKeyMap>, Hints>();

function hintsFor(keys: Required<AnnotationKeyMap>): Hints {
  let hints = HINTS.get(keys);
  if (!hints) {
    const runbookKey = keys.runbook[0] ? ` (or \`${keys.runbook[0]}\`)` : '';
    hints = {
      owner: { field: 'owner', hint: 'no owner set — add `spec.owner` (a group)' },
      onCall: { field: 'onCall', hint: `no on-call set — add \`${keys.onCall[0]}\`` },
      runbook: {
        field: 'runbook',
        hint: `no runbook — add a \`metadata.links\` entry of type \`runbook\`${runbookKey}`,
      },
      repo: { field: 'repo', hint: `no repository — add \`${keys.repo[0]}\`` },
      tier: { field: 'tier', hint: `no tier — add the \`${keys.tier[0]}\` label` },
      lifecycle: { field: 'lifecycle', hint: 'no lifecycle — set `spec.lifecycle` (production, experimental…)' },
      system: { field: 'system', hint: 'no system — set `spec.system`' },
      unsafe: Object.fromEntries(
        Object.entries(LINK_NAMES).map(([field, name]) => [
          field,
          {
            field: field as OwnershipField,
            hint: `the ${name} link is not an http(s) or mailto URL, so it is not shown — fix its \`url\` in the catalog`,
          },
        ])
      ),
    };
    HINTS.set(keys, hints);
  }
  return hints;
}

/**
 * Which ownership fields the entry lacks, each with the one change that fixes it, so the panel
 * itself drives catalog hygiene. `annotationHint` names the first configured key per field.
 * Entries share the hint objects: they are read, never changed.
 */
export function missingFields(
  o: Omit<Ownership, 'missing'>,
  keys: Required<AnnotationKeyMap> = DEFAULT_ANNOTATION_KEYS,
  ownerProblem?: string
): MissingField[] {
  const hints = hintsFor(keys);
  const out: MissingField[] = [];
  if (ownerProblem) {
    out.push({ field: 'owner', hint: ownerProblem });
  } else if (!o.owner) {
    out.push(hints.owner);
  }
  // A link the panel refuses to render (javascript:, data:…) is as good as none to the reader.
  const link = (field: 'onCall' | 'runbook' | 'repo', value: ServiceLink | undefined) => {
    if (!value) {
      out.push(hints[field]);
    } else if (!isSafeUrl(value.url)) {
      out.push(hints.unsafe[field]!);
    }
  };
  link('onCall', o.onCall);
  link('runbook', o.runbook);
  link('repo', o.repo);
  if (!o.tier) {
    out.push(hints.tier);
  }
  if (!o.lifecycle) {
    out.push(hints.lifecycle);
  }
  if (!o.system) {
    out.push(hints.system);
  }
  return out;
}
