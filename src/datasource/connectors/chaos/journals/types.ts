/** Chaos Toolkit journal.json as chaoslib 1.9 to 1.45.1 (chaostoolkit 1.21.4) write it (see fixtures/README.md). */
export interface CtkActivity {
  type?: string;
  name?: string;
  tolerance?: unknown;
  provider?: Record<string, unknown>;
}

export interface CtkRunEntry {
  activity?: CtkActivity;
  output?: unknown;
  start?: string;
  end?: string;
  /** succeeded | failed */
  status?: string;
  duration?: number;
  tolerance_met?: boolean;
  exception?: string[];
}

export interface CtkSteadyState {
  steady_state_met?: boolean | null;
  probes?: CtkRunEntry[];
}

export interface CtkJournal {
  'chaoslib-version'?: string;
  experiment?: {
    title?: string;
    description?: string;
    tags?: string[];
    configuration?: Record<string, unknown>;
  };
  start?: string;
  end?: string;
  duration?: number;
  /** completed | failed | aborted | interrupted */
  status?: string;
  deviated?: boolean;
  steady_states?: { before?: CtkSteadyState | null; after?: CtkSteadyState | null; during?: CtkSteadyState[] | null } | null;
  run?: CtkRunEntry[] | null;
  rollbacks?: CtkRunEntry[] | null;
  /** chaostoolkit 1.21+: the signal that interrupted the run. */
  interruption?: { kind?: string; name?: string; reason?: string } | null;
}
