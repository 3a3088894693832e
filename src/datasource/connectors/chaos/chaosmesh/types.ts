/** Shapes of the Chaos Mesh dashboard API (pkg/dashboard/core, apiserver/types; see fixtures/README.md). */
export interface CmEvent {
  id?: number;
  object_id?: string;
  created_at?: string;
  namespace?: string;
  name?: string;
  kind?: string;
  /** Normal | Warning */
  type?: string;
  reason?: string;
  message?: string;
}

/** An archived experiment: what every experiment object of the API carries. */
export interface CmArchive {
  uid?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  created_at?: string;
}

export interface CmExperiment extends CmArchive {
  /** injecting | running | finished | paused | deleting */
  status?: string;
  failed_message?: string;
}

export interface CmWorkflow {
  id?: number;
  uid?: string;
  namespace?: string;
  name?: string;
  entry?: string;
  created_at?: string;
  end_time?: string;
  finish_time?: string;
  /** running | finished | failed | unknown */
  status?: string;
}

export interface CmPayload {
  events: CmEvent[];
  experiments: CmExperiment[];
  archives: CmArchive[];
  workflows: CmWorkflow[];
}

/** `GET /api/experiments/{uid}` and `/api/archives/{uid}`: the object as applied, with labels and selector. */
export interface CmDetail extends CmArchive {
  status?: string;
  kube_object?: {
    apiVersion?: string;
    kind?: string;
    metadata?: {
      name?: string;
      namespace?: string;
      labels?: Record<string, string> | null;
      annotations?: Record<string, string> | null;
    };
    spec?: CmSpec | null;
  } | null;
}

/** The part of a chaos spec that says what it hits (PodSelectorSpec; NetworkChaos adds `target`). */
export interface CmSpec {
  selector?: CmSelector | null;
  target?: { selector?: CmSelector | null } | null;
  [key: string]: unknown;
}

export interface CmSelector {
  namespaces?: string[] | null;
  labelSelectors?: Record<string, string> | null;
  pods?: Record<string, string[]> | null;
}
