/**
 * Shapes of LitmusChaos ChaosCenter's GraphQL API (chaos_experiment.graphqls) and of the
 * executionData JSON string inside each run (chaoscenter web entities/workflowRun.ts and the
 * subscriber's types). Field names differ between Litmus components: both spellings are listed.
 */
export interface LitmusRun {
  experimentRunID?: string;
  experimentID?: string;
  experimentName?: string;
  experimentType?: string | null;
  /** Running | Completed | Completed_With_Error | Stopped | Skipped | Error | Timeout | Terminated | Queued | NA | All */
  phase?: string;
  resiliencyScore?: number | null;
  faultsPassed?: number | null;
  faultsFailed?: number | null;
  totalFaults?: number | null;
  /** Epoch milliseconds as strings. */
  createdAt?: string;
  updatedAt?: string;
  executionData?: string;
  experimentManifest?: string;
  isRemoved?: boolean | null;
  runSequence?: number | null;
  infra?: {
    infraID?: string;
    name?: string;
    infraNamespace?: string | null;
    environmentID?: string;
    tags?: string[] | null;
  } | null;
}

export interface LitmusListResponse {
  data?: {
    listExperimentRun?: {
      totalNoOfExperimentRuns?: number;
      experimentRuns?: Array<LitmusRun | null>;
    } | null;
  } | null;
  errors?: Array<{ message?: string }>;
}

export interface LitmusChaosData {
  engineName?: string;
  engineContext?: string;
  engine_context?: string;
  namespace?: string;
  experimentName?: string;
  faultName?: string;
  experimentStatus?: string;
  faultStatus?: string;
  experimentVerdict?: string;
  faultVerdict?: string;
  probeSuccessPercentage?: string;
  failStep?: string;
  /**
   * Not in the ChaosData structs of ChaosCenter 3.x (server, subscriber and web at
   * litmuschaos/litmus@82e67d9), which name the app only in the run's manifest: read when a
   * component writes them, in either spelling.
   */
  appLabel?: string;
  app_label?: string;
  applabel?: string;
  appNamespace?: string;
  app_namespace?: string;
  appns?: string;
}

export interface LitmusNode {
  name?: string;
  phase?: string;
  message?: string;
  /** Epoch seconds as strings. */
  startedAt?: string;
  finishedAt?: string;
  type?: string;
  chaosData?: LitmusChaosData;
}

export interface LitmusExecutionData {
  phase?: string;
  startedAt?: string;
  finishedAt?: string;
  namespace?: string;
  nodes?: Record<string, LitmusNode>;
}
