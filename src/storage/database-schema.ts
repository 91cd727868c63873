import type { Generated } from "kysely";

/**
 * The Kysely view of the schema, shared by both dialects. Timestamps are ISO 8601 UTC
 * strings (they sort correctly as text in both SQLite and PostgreSQL); JSON payloads are
 * text parsed back through zod (rule: JSON read from the database is a boundary).
 */
export interface StoriesTable {
  id: string;
  service_id: string;
  family_id: string;
  status: string;
  current_revision_id: string;
  current_revision_number: number;
  published_revision_id: string | null;
  first_published_at: string | null;
  updated_at: string | null;
  update_note: string | null;
  last_modified_at: string;
  scheduled_at: string | null;
  embargo_until: string | null;
  killed_at: string | null;
  kill_reason: string | null;
  created_at: string;
  // Reader projection of the published revision; null while nothing is published.
  headline: string | null;
  standfirst: string | null;
  slug: string | null;
  section: string | null;
  lead_media_id: string | null;
  created_by: string | null;
  working_headline: string | null;
}

export interface StoryRevisionsTable {
  id: string;
  story_id: string;
  number: number;
  base_revision_id: string | null;
  content: string;
  created_at: string;
  created_by: string | null;
  note: string | null;
}

export interface StoryCorrectionsTable {
  id: string;
  story_id: string;
  text: string;
  created_at: string;
}

export interface StoryTopicsTable {
  story_id: string;
  topic: string;
}

export interface StoryContributorsTable {
  story_id: string;
  kind: "person" | "desk";
  ref_id: string;
  position: number;
}

export interface PeopleTable {
  id: string;
  service_id: string;
  name: string;
  title: string;
}

export interface DesksTable {
  id: string;
  service_id: string;
  name: string;
  description: string;
}

export interface AgenciesTable {
  code: string;
  name: string;
}

export interface SectionsTable {
  service_id: string;
  slug: string;
  name: string;
  position: number;
}

export interface TopicsTable {
  service_id: string;
  slug: string;
  name: string;
}

export interface BreakingBannersTable {
  id: string;
  service_id: string;
  text: string;
  url: string | null;
  created_at: string;
  expires_at: string;
  cleared_at: string | null;
}

export interface MediaTable {
  id: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
  caption: string;
  credit: string;
  alt: string;
  focal_x: number;
  focal_y: number;
  rights_source: string;
  rights_usage: string;
  created_at: string;
}

export interface MediaRenditionsTable {
  media_id: string;
  name: string;
  shape: string;
  format: string;
  width: number;
  height: number;
  data: Uint8Array;
}

export interface AppMetaTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  is_admin: number;
  created_at: string;
  disabled_at: string | null;
}

export interface UserGrantsTable {
  user_id: string;
  service_id: string;
  role: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  reauthenticated_at: string | null;
}

export interface TotpFactorsTable {
  user_id: string;
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** bigint: PostgreSQL's driver returns it as a string. */
  last_used_step: number | string | null;
  recovery_salt: string | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  failures: number;
  window_start: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  story_id: string | null;
  service_id: string | null;
  details: string;
}

export interface PresenceTable {
  story_id: string;
  user_id: string;
  since: string;
  seen_at: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  run_at: string;
  attempts: number;
  locked_by: string | null;
  locked_until: string | null;
  done_at: string | null;
  last_error: string | null;
}

export interface BreakingAlertsTable {
  id: string;
  created_at: string;
  created_by: string | null;
  expires_at: string;
  url: string | null;
}

export interface BreakingAlertEntriesTable {
  alert_id: string;
  service_id: string;
  text: string | null;
  banner_id: string | null;
}

export interface ApiRateWindowsTable {
  key: string;
  window_start: string;
  count: number;
}

export interface DatabaseSchema {
  stories: StoriesTable;
  story_revisions: StoryRevisionsTable;
  story_corrections: StoryCorrectionsTable;
  story_topics: StoryTopicsTable;
  story_contributors: StoryContributorsTable;
  people: PeopleTable;
  desks: DesksTable;
  agencies: AgenciesTable;
  sections: SectionsTable;
  topics: TopicsTable;
  breaking_banners: BreakingBannersTable;
  media: MediaTable;
  media_renditions: MediaRenditionsTable;
  app_meta: AppMetaTable;
  users: UsersTable;
  user_grants: UserGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  presence: PresenceTable;
  jobs: JobsTable;
  breaking_alerts: BreakingAlertsTable;
  breaking_alert_entries: BreakingAlertEntriesTable;
  api_rate_windows: ApiRateWindowsTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
}
