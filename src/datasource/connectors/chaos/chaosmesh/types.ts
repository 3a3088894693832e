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

export interface CmExperiment {
  uid?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  created_at?: string;
  /** injecting | running | finished | paused | deleting */
  status?: string;
  failed_message?: string;
}

export interface CmArchive {
  uid?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  created_at?: string;
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
