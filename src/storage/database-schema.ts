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
  // What the dashboard shows of the working draft (0015), and the trash.
  working_section: string | null;
  working_lead_media_id: string | null;
  word_count: Generated<number>;
  trashed_at: string | null;
  trashed_by: string | null;
  /** `story`, `live` or `episode` (0021). */
  kind: Generated<string>;
}

interface StoryDraftBylinesTable {
  story_id: string;
  position: number;
  kind: "person" | "desk";
  ref_id: string;
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
  /** `saved` or `not_merged` (0016); the default fills rows written before it. */
  kind: Generated<string>;
}

interface StoryCorrectionsTable {
  id: string;
  story_id: string;
  text: string;
  created_at: string;
}

interface StoryTopicsTable {
  story_id: string;
  topic: string;
}

interface StoryContributorsTable {
  story_id: string;
  kind: "person" | "desk";
  ref_id: string;
  position: number;
}

interface PeopleTable {
  id: string;
  service_id: string;
  name: string;
  title: string;
  bio: Generated<string>;
  photo_media_id: string | null;
}

interface PersonServicesTable {
  person_id: string;
  service_id: string;
}

interface DeskMembersTable {
  desk_id: string;
  person_id: string;
  position: number;
}

interface CatalogRedirectsTable {
  service_id: string;
  kind: "topic" | "section" | "person";
  from_key: string;
  to_key: string;
  created_at: Generated<string>;
}

interface DesksTable {
  id: string;
  service_id: string;
  name: string;
  description: string;
}

interface AgenciesTable {
  code: string;
  name: string;
  credit_line: Generated<string>;
  link: string | null;
}

interface SectionsTable {
  service_id: string;
  slug: string;
  name: string;
  position: number;
}

interface TopicsTable {
  service_id: string;
  slug: string;
  name: string;
  description: Generated<string>;
}

interface BreakingBannersTable {
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

interface MediaRenditionsTable {
  media_id: string;
  name: string;
  shape: string;
  format: string;
  width: number;
  height: number;
  /** Zero bytes once the object is in a media store (migration 0023). */
  data: Uint8Array;
  /** `db`, `dir` or `s3`: where the bytes are. */
  store: Generated<string>;
  object_key: string | null;
  byte_length: number | string | null;
  sha256: string | null;
}

interface AppMetaTable {
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
  /** The catalogue person the account writes as (0013); null when not linked. */
  person_id: string | null;
}

interface UserGrantsTable {
  user_id: string;
  service_id: string;
  role: string;
}

interface SessionsTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  reauthenticated_at: string | null;
}

/** A mirror origin of a service (migration 0024). */
interface ServiceMirrorsTable {
  id: string;
  service_id: string;
  kind: string;
  url: string;
  note: string;
  created_at: string;
  created_by: string | null;
}

/** A service's writing guidance (migration 0020): one JSON document per service. */
interface ServiceWritingSettingsTable {
  service_id: string;
  settings: string;
  updated_at: string;
  updated_by: string | null;
}

/** Programmes of a service (migration 0027); presenters and links are JSON arrays. */
interface ProgrammesTable {
  id: string;
  service_id: string;
  slug: string;
  title: string;
  description: string;
  kind: string;
  artwork_media_id: string | null;
  presenter_ids: string;
  links: string;
  live_stream_url: string | null;
  /** Migration 0029: the feed's `itunes:owner`. */
  owner_name: string | null;
  owner_email: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

/** A service's broadcast schedule (migration 0027): slots and exceptions as one JSON document. */
interface ServiceSchedulesTable {
  service_id: string;
  document: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

interface TotpFactorsTable {
  user_id: string;
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  /** bigint: PostgreSQL's driver returns it as a string. */
  last_used_step: number | string | null;
  recovery_salt: string | null;
}

interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  scopes: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
  expires_at: string | null;
}

interface LoginAttemptsTable {
  key: string;
  attempts: number;
  window_ends_at: string;
}

interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  story_id: string | null;
  service_id: string | null;
  details: string;
}

interface PresenceTable {
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

interface BreakingAlertsTable {
  id: string;
  created_at: string;
  created_by: string | null;
  expires_at: string;
  url: string | null;
}

interface BreakingAlertEntriesTable {
  alert_id: string;
  service_id: string;
  text: string | null;
  banner_id: string | null;
}

interface ApiRateWindowsTable {
  key: string;
  window_start: string;
  count: number;
}

/** Wire tables (migration 0004-wire). */
export interface WireSourcesTable {
  id: string;
  name: string;
  kind: string;
  agency_code: string;
  config: string;
  token_hash: string | null;
  enabled: number;
  created_at: string;
  updated_at: string;
  next_poll_at: string;
  etag: string | null;
  last_modified: string | null;
  failures: number;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
}

export interface WireItemsTable {
  seq: Generated<number>;
  id: string;
  agency_code: string;
  guid: string;
  current_version_id: string;
  version_count: number;
  source_id: string;
  service_id: string;
  item_type: string;
  headline: string | null;
  language: string | null;
  urgency: number | null;
  pub_status: string;
  embargoed_until: string | null;
  version_created: string | null;
  first_received_at: string;
  received_at: string;
  sort_at: string;
  search_text: string;
}

export interface WireItemVersionsTable {
  id: string;
  item_seq: number;
  number: number;
  content_hash: string;
  version: string | null;
  version_created: string | null;
  pub_status: string;
  received_at: string;
  source_id: string;
  file_id: string | null;
  item: string;
}

interface WireItemSubjectsTable {
  item_seq: number;
  value: string;
}

export interface WireFilesTable {
  id: string;
  source_id: string;
  content_hash: string;
  filename: string | null;
  format: string | null;
  status: string;
  items_total: number;
  items_done: number;
  started_at: string;
  finished_at: string | null;
}

interface WireQuarantineTable {
  id: string;
  source_id: string | null;
  file_id: string | null;
  filename: string | null;
  code: string;
  reason: string;
  guid: string | null;
  content_hash: string | null;
  size_bytes: number | null;
  excerpt: string | null;
  received_at: string;
}

interface WireStoryLinksTable {
  story_id: string;
  item_id: string;
  version_id: string;
  guid: string;
  version: string | null;
  agency_code: string;
  mode: string;
  used_at: string;
  used_by: string | null;
}

export interface StoryWireFlagsTable {
  id: string;
  story_id: string;
  item_id: string;
  version_id: string;
  guid: string;
  agency_code: string;
  pub_status: string;
  reason: string | null;
  flagged_at: string;
  acknowledged_at: string | null;
  acknowledged_by: string | null;
}

export interface StoryCommentsTable {
  id: string;
  story_id: string;
  parent_id: string | null;
  author_id: string;
  body: string;
  mentions: string;
  revision_id: string;
  block_index: number | null;
  block_text: string | null;
  anchor_state: string;
  created_at: string;
  edited_at: string | null;
  resolved_at: string | null;
  resolved_by: string | null;
}

interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  story_id: string;
  comment_id: string;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

interface CuratedListsTable {
  service_id: string;
  list_key: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

interface CuratedListItemsTable {
  service_id: string;
  list_key: string;
  position: number;
  story_id: string;
}

/** Live pages (0022): a live story's settings, its posts and their revisions. */
export interface LivePagesTable {
  story_id: string;
  status: string;
  key_points: string;
  reporters_may_post: number;
  coverage_start_time: string | null;
  coverage_end_time: string | null;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface ClipsTable {
  id: string;
  kind: string;
  title: string;
  source: string;
  external_url: string | null;
  duration_ms: number | string | null;
  width: number | null;
  height: number | null;
  original_key: string | null;
  original_format: string | null;
  original_bytes: number | string | null;
  sha256: string | null;
  status: string;
  error: string | null;
  progress_permille: number | null;
  created_at: string;
  updated_at: string;
}

export interface ClipRenditionsTable {
  clip_id: string;
  name: string;
  role: string;
  object_key: string;
  mime: string;
  codecs: string;
  bitrate: number;
  bytes: number | string;
  width: number | null;
  height: number | null;
  /** Migration 0029: hex SHA-256 of the stored bytes; null for renditions made before. */
  sha256: string | null;
}

export interface ClipCaptionsTable {
  clip_id: string;
  lang: string;
  vtt: string;
  transcript: string;
  transcript_edited: number;
  cue_count: number;
  updated_at: string;
  updated_by: string | null;
}

export interface LivePostsTable {
  id: string;
  story_id: string;
  posted_at: string;
  content: string;
  key_event: number;
  pinned: number;
  revision: number;
  edited_at: string | null;
  deleted_at: string | null;
  deleted_by: string | null;
  delete_reason: string | null;
  created_by: string | null;
  source_post_id: string | null;
  stale: number;
  draft: number;
}

interface LivePostRevisionsTable {
  post_id: string;
  revision: number;
  content: string;
  created_at: string;
  created_by: string | null;
}

/** Episodes (0028): a story of kind `episode`'s programme, clip, chapters and numbering. */
interface StoryEpisodesTable {
  story_id: string;
  programme_id: string;
  clip_id: string | null;
  chapters: string;
  episode_number: number | null;
  season: number | null;
  explicit: number;
  updated_at: string;
}

export interface DatabaseSchema {
  stories: StoriesTable;
  story_revisions: StoryRevisionsTable;
  story_corrections: StoryCorrectionsTable;
  story_topics: StoryTopicsTable;
  story_contributors: StoryContributorsTable;
  story_draft_bylines: StoryDraftBylinesTable;
  people: PeopleTable;
  desks: DesksTable;
  agencies: AgenciesTable;
  sections: SectionsTable;
  topics: TopicsTable;
  person_services: PersonServicesTable;
  desk_members: DeskMembersTable;
  catalog_redirects: CatalogRedirectsTable;
  breaking_banners: BreakingBannersTable;
  media: MediaTable;
  media_renditions: MediaRenditionsTable;
  app_meta: AppMetaTable;
  users: UsersTable;
  user_grants: UserGrantsTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_attempts: LoginAttemptsTable;
  audit_log: AuditLogTable;
  presence: PresenceTable;
  jobs: JobsTable;
  breaking_alerts: BreakingAlertsTable;
  breaking_alert_entries: BreakingAlertEntriesTable;
  api_rate_windows: ApiRateWindowsTable;
  totp_factors: TotpFactorsTable;
  recovery_codes: RecoveryCodesTable;
  wire_sources: WireSourcesTable;
  wire_items: WireItemsTable;
  wire_item_versions: WireItemVersionsTable;
  wire_item_subjects: WireItemSubjectsTable;
  wire_files: WireFilesTable;
  wire_quarantine: WireQuarantineTable;
  wire_story_links: WireStoryLinksTable;
  story_wire_flags: StoryWireFlagsTable;
  service_writing_settings: ServiceWritingSettingsTable;
  programmes: ProgrammesTable;
  service_schedules: ServiceSchedulesTable;
  story_comments: StoryCommentsTable;
  notifications: NotificationsTable;
  curated_lists: CuratedListsTable;
  curated_list_items: CuratedListItemsTable;
  live_pages: LivePagesTable;
  live_posts: LivePostsTable;
  live_post_revisions: LivePostRevisionsTable;
  clips: ClipsTable;
  clip_renditions: ClipRenditionsTable;
  clip_captions: ClipCaptionsTable;
  service_mirrors: ServiceMirrorsTable;
  story_episodes: StoryEpisodesTable;
}
