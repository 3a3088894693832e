/** Gremlin API v1 `GET /attacks/range` (PagedResponseTaskResponse and TaskResponse in its OpenAPI). */
export interface GremlinTask {
  guid?: string;
  orgId?: string;
  owningTeamId?: string;
  /** Successful | UserHalted | Failed | Running | … (20 values). */
  stage?: string;
  /** Active | Halting | Complete | Error */
  stageLifecycle?: string;
  targetType?: string;
  targets?: string[] | null;
  targetContainers?: Record<string, string[]> | null;
  infraCommand?: Record<string, unknown> | null;
  /** One value per key in the OpenAPI schema; lists of values arrive too. */
  tags?: Record<string, string | string[]> | null;
  multiSelectTags?: Record<string, string[]> | null;
  labels?: Record<string, string> | null;
  multiSelectLabels?: Record<string, string[]> | null;
  annotations?: Record<string, string> | null;
  createUser?: string;
  createSource?: string;
  scenarioId?: string;
  startTime?: string;
  endTime?: string;
  createdAt?: string;
  updatedAt?: string;
  displayErrorMessage?: string;
}

export interface GremlinPage {
  pageNumber?: number;
  pageSize?: number;
  pageToken?: string | null;
  items?: Array<GremlinTask | null>;
}
