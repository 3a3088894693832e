import { InputError } from '../../../model/errors';

/** One requirement of a Kubernetes-style label selector. */
export type LabelRequirement =
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

const WHERE = 'Chaos label selector';

/**
 * Parses `team=payments,env!=dev,tier in (1,2),!canary` the way kubectl does, so the selector
 * people already write for their pods works here. Commas inside parentheses belong to a set.
 */
export function parseLabelSelector(text: string): LabelRequirement[] {
  return splitTopLevel(text).map(parseRequirement);
}

export function matchesSelector(labels: Record<string, string>, reqs: LabelRequirement[]): boolean {
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(labels, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case 'notexists':
        return !has;
      case 'in':
        return has && r.values.includes(labels[r.key]);
      case 'notin':
        return !has || !r.values.includes(labels[r.key]);
    }
  });
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') {
      depth++;
    } else if (ch === ')') {
      depth--;
    }
    if (ch === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (depth !== 0) {
    throw new InputError(`unbalanced parentheses in "${text}"`, WHERE);
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const KEY = '[A-Za-z0-9][-A-Za-z0-9_./]*';
const EQUALITY = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*([^=!\\s]*)$`);
const SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const EXISTS = new RegExp(`^(!?)\\s*(${KEY})$`);

function parseRequirement(part: string): LabelRequirement {
  let m = EQUALITY.exec(part);
  if (m) {
    return { key: m[1], op: m[2] === '!=' ? 'notin' : 'in', values: [m[3]] };
  }
  m = SET.exec(part);
  if (m) {
    const values = m[3].split(',').map((v) => v.trim()).filter((v) => v !== '');
    return { key: m[1], op: m[2] as 'in' | 'notin', values };
  }
  m = EXISTS.exec(part);
  if (m) {
    return { key: m[2], op: m[1] ? 'notexists' : 'exists' };
  }
  throw new InputError(`cannot read "${part}"; write key=value, key!=value, key in (a,b), key notin (a,b), key or !key`, WHERE);
}
