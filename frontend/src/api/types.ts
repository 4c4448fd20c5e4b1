/** Types mirroring docs/CONTRACTS.md (v1). */
export type Role = 'admin' | 'ambassador' | string;
export type Locale = 'fr' | 'en';
export type AmbassadorStatus = 'pending' | 'active' | 'suspended';
export type Moderation = 'none' | 'pending' | 'approved' | 'rejected';

export interface Session {
  user_id: string;
  roles: Role[];
  csrf_token: string | null;
}

export interface Platform {
  id: string;
  label: string;
  placeholder: string;
  has_feed: boolean;
}

export interface Department {
  id: string;
  name: string;
  slug: string;
  archived_at: string | null;
  member_count: number;
  version: number;
}

export interface Theme {
  id: string;
  slug: string;
  name: string;
  description: string;
  archived_at: string | null;
  ambassador_count: number;
  version: number;
}

export interface SocialAccount {
  id: string;
  platform: string;
  handle: string;
  profile_url: string;
  feed_url: string | null;
  public: boolean;
  consented_at: string | null;
  created_at: string;
}

export interface AccountPreview {
  platform: string;
  handle: string;
  profile_url: string;
  feed_url: string | null;
}

export interface ListingState {
  public: boolean;
  moderation: Moderation;
  reason: string | null;
  consented_at: string | null;
  listed: boolean;
}

export interface Me {
  id: string;
  email: string;
  roles: Role[];
  display_name: string;
  job_title: string;
  department: Department | null;
  location: string;
  languages: string[];
  bio: string;
  themes: Theme[];
  locale: Locale | string;
  status: AmbassadorStatus;
  charter: { current_version: number | null; accepted_version: number | null };
  listing: ListingState;
  accounts: SocialAccount[];
  version: number;
  created_at: string;
}

export interface ProfileUpdate {
  display_name?: string;
  job_title?: string;
  department_id?: string | null;
  location?: string;
  languages?: string[];
  bio?: string;
  theme_ids?: string[];
  locale?: Locale;
}

export interface Charter {
  version: number;
  title: string;
  body_markdown: string;
  body_html: string;
  published_at: string;
}

export interface ConsentRecord {
  id: string;
  scope: 'listing' | 'account';
  account_id: string | null;
  platform: string | null;
  handle: string | null;
  granted: boolean;
  charter_version: number | null;
  actor: 'self' | 'admin';
  created_at: string;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** A department or theme as lists show it (no counts). */
export interface TaxonomyRef {
  id: string;
  slug: string;
  name: string;
}

export interface DirectoryEntry {
  id: string;
  display_name: string;
  job_title: string;
  department: TaxonomyRef | null;
  location: string;
  languages: string[];
  themes: TaxonomyRef[];
  accounts: SocialAccount[];
  public: boolean;
}

export interface DirectoryFilters {
  q?: string;
  theme?: string;
  department?: string;
  platform?: string;
  language?: string;
}

export interface InvitationDetails {
  email: string;
  display_name: string | null;
  department: Department | null;
  expires_at: string;
}

export interface Invitation {
  id: string;
  email: string;
  display_name: string | null;
  department: Department | null;
  location?: string | null;
  status: string;
  created_at: string;
  expires_at: string | null;
  accepted_at?: string | null;
}

export interface InvitationImportReport {
  created: number;
  skipped: { line: number; email: string; reason: string }[];
  errors: { line: number; message: string }[];
}

export interface ModerationItem {
  ambassador_id: string;
  display_name: string;
  email?: string;
  job_title?: string;
  department?: Department | null;
  themes?: Theme[];
  accounts?: SocialAccount[];
  status?: AmbassadorStatus;
  moderation: Moderation;
  reason: string | null;
  consented_at?: string | null;
}

export interface AdminAmbassador {
  id: string;
  email: string;
  display_name: string;
  status: AmbassadorStatus;
  roles?: Role[];
  department?: Department | null;
  listing?: ListingState;
  accounts_count?: number;
  created_at: string;
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  body_text: string;
  created_at: string;
  status: string;
}
