/**
 * The parts of OpsLevel's GraphQL schema Faultline reads, named as the API names them
 * (OpsLevel/opslevel-go@22e000a2: service.go Service, object.go Tool/Tier/Lifecycle/Contact,
 * team.go TeamId, common.go PageInfo, enum.go ToolCategory/ContactType).
 */
export interface OlNamed {
  alias?: string | null;
  name?: string | null;
}

export interface OlContact {
  type?: string | null;
  address?: string | null;
  displayName?: string | null;
}

export interface OlTool {
  category?: string | null;
  displayName?: string | null;
  environment?: string | null;
  url?: string | null;
}

export interface OlService {
  id?: string;
  name?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  htmlUrl?: string | null;
  owner?: (OlNamed & { contacts?: OlContact[] | null }) | null;
  tier?: (OlNamed & { index?: number | null }) | null;
  lifecycle?: (OlNamed & { index?: number | null }) | null;
  parent?: { aliases?: string[] | null; name?: string | null } | null;
  tags?: { nodes?: Array<{ key?: string | null; value?: string | null } | null> | null } | null;
  tools?: { nodes?: Array<OlTool | null> | null } | null;
  onCalls?: { nodes?: Array<{ name?: string | null; externalEmail?: string | null } | null> | null } | null;
}

export interface OlServicesResponse {
  data?: {
    account?: {
      services?: {
        nodes?: Array<OlService | null> | null;
        pageInfo?: { hasNextPage?: boolean; endCursor?: string | null } | null;
        totalCount?: number;
      } | null;
    } | null;
  } | null;
  errors?: Array<{ message?: string; path?: unknown }>;
}
