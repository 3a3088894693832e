import { DataFrame, Field } from '@grafana/data';
import { clipForDisplay, Contact, OwnershipFieldName as F, ServiceLink } from '../../model';

/** One service as the panel shows it, read back from an `ownership` or `services` frame. */
export interface PanelService {
  key: string;
  service: string;
  title?: string;
  namespace?: string;
  description?: string;
  owner?: string;
  team?: string;
  onCall?: ServiceLink;
  chat?: ServiceLink;
  runbook?: ServiceLink;
  repo?: ServiceLink;
  docs?: ServiceLink;
  dashboards: ServiceLink[];
  contacts: Contact[];
  tier?: string;
  lifecycle?: string;
  system?: string;
  /** Plain-text hints, one per missing field; backticks mark what to type. */
  missing: string[];
}

/** Namespace, tier and lifecycle are drawn as badges beside the title: one line at most. */
const BADGE_CHARS = 40;

/**
 * Reads every frame that carries a `service` field. Values are never trusted: JSON columns that do
 * not parse become empty, and nothing here decides what is a link (the components do, via safeUrl).
 */
export function servicesFromFrames(frames: DataFrame[]): PanelService[] {
  const out: PanelService[] = [];
  for (const frame of frames) {
    const fields = new Map<string, Field>(frame.fields.map((f) => [f.name, f]));
    if (!fields.has(F.service)) {
      continue;
    }
    const value = (name: string, i: number): unknown => fields.get(name)?.values[i];
    const raw = (name: string, i: number): string | undefined => {
      const v = fields.get(name)?.values[i];
      return v === null || v === undefined || v === '' ? undefined : String(v);
    };
    // What is drawn as text is cut (links and JSON columns are read whole).
    const text = (name: string, i: number, max?: number): string | undefined => {
      const v = raw(name, i);
      return v === undefined ? undefined : clipForDisplay(v, max);
    };
    for (let i = 0; i < frame.length; i++) {
      const service = text(F.service, i) ?? '';
      const onCallTitle = text(F.onCall, i);
      const links = structured(value(F.links, i));
      out.push({
        key: `${raw(F.ref, i) ?? service}#${i}`,
        service,
        title: text(F.title, i),
        namespace: text(F.namespace, i, BADGE_CHARS),
        description: text(F.description, i),
        owner: text(F.owner, i),
        team: text(F.team, i),
        onCall: onCallTitle ? { kind: 'oncall', title: onCallTitle, url: raw(F.onCallUrl, i) ?? '' } : undefined,
        chat: link(value(F.chat, i)),
        runbook: link(value(F.runbook, i)),
        repo: link(value(F.repo, i)),
        docs: link(value(F.docs, i)),
        dashboards: asArray(links).filter((l): l is ServiceLink => isLink(l) && l.kind === 'dashboard'),
        contacts: asArray(structured(value(F.contacts, i))).filter(isContact),
        tier: text(F.tier, i, BADGE_CHARS),
        lifecycle: text(F.lifecycle, i, BADGE_CHARS),
        system: text(F.system, i),
        missing: (text(F.missing, i) ?? '').split('\n').filter(Boolean),
      });
    }
  }
  return out;
}

/**
 * A links or contacts column: Faultline's frames hold the objects, other tables (and older
 * Faultline frames) JSON text. Either way the result is unknown until narrowed.
 */
function structured(v: unknown): unknown {
  if (typeof v !== 'string') {
    return v;
  }
  try {
    return JSON.parse(v);
  } catch {
    return undefined;
  }
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function isLink(v: unknown): v is ServiceLink {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as ServiceLink).title === 'string' &&
    typeof (v as ServiceLink).url === 'string'
  );
}

function isContact(v: unknown): v is Contact {
  return !!v && typeof v === 'object' && typeof (v as Contact).value === 'string';
}

/** A link column holds `{title,url}` (or its JSON); a plain string (another data source's table) is a title. */
function link(v: unknown): ServiceLink | undefined {
  if (v === null || v === undefined || v === '') {
    return undefined;
  }
  if (typeof v === 'object') {
    return isLink(v) ? v : undefined;
  }
  const text = String(v);
  const parsed = structured(text);
  return isLink(parsed) ? parsed : text.startsWith('{') ? undefined : { title: text, url: text };
}
