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
      const links = parseJson<ServiceLink[]>(raw(F.links, i));
      out.push({
        key: `${raw(F.ref, i) ?? service}#${i}`,
        service,
        title: text(F.title, i),
        namespace: text(F.namespace, i, BADGE_CHARS),
        description: text(F.description, i),
        owner: text(F.owner, i),
        team: text(F.team, i),
        onCall: onCallTitle ? { kind: 'oncall', title: onCallTitle, url: raw(F.onCallUrl, i) ?? '' } : undefined,
        chat: link(raw(F.chat, i)),
        runbook: link(raw(F.runbook, i)),
        repo: link(raw(F.repo, i)),
        docs: link(raw(F.docs, i)),
        dashboards: Array.isArray(links) ? links.filter((l) => isLink(l) && l.kind === 'dashboard') : [],
        contacts: (parseJson<Contact[]>(raw(F.contacts, i)) ?? []).filter((c) => c && typeof c.value === 'string'),
        tier: text(F.tier, i, BADGE_CHARS),
        lifecycle: text(F.lifecycle, i, BADGE_CHARS),
        system: text(F.system, i),
        missing: (text(F.missing, i) ?? '').split('\n').filter(Boolean),
      });
    }
  }
  return out;
}

function parseJson<T>(raw: string | undefined): T | undefined {
  if (!raw) {
    return undefined;
  }
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

function isLink(v: unknown): v is ServiceLink {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as ServiceLink).title === 'string' &&
    typeof (v as ServiceLink).url === 'string'
  );
}

/** A link column holds JSON `{title,url}`; a plain string (another data source's table) is a title. */
function link(raw: string | undefined): ServiceLink | undefined {
  if (!raw) {
    return undefined;
  }
  const parsed = parseJson<unknown>(raw);
  return isLink(parsed) ? parsed : raw.startsWith('{') ? undefined : { title: raw, url: raw };
}
