/**
 * The SPA's names for the API's shapes. Every shape comes from the client generated from the
 * gateway's OpenAPI document (src/client/, `make client`); this file only names them.
 */
import type {
  AmbassadorsAccountPreview,
  AmbassadorsAdminAmbassador,
  AmbassadorsCharterRead,
  AmbassadorsConsentRead,
  AmbassadorsDepartmentRead,
  AmbassadorsDirectoryEntry,
  AmbassadorsImportReport,
  AmbassadorsInvitationPublic,
  AmbassadorsInvitationRead,
  AmbassadorsListingState,
  AmbassadorsMailMessageRead,
  AmbassadorsMe,
  AmbassadorsModerationItem,
  AmbassadorsPageDirectoryEntry,
  AmbassadorsPlatformRead,
  AmbassadorsProfileUpdate,
  AmbassadorsSocialAccountRead,
  AmbassadorsTaxonomyRef,
  AmbassadorsThemeRead,
  GetApiAmbassadorsDirectoryData,
  SessionInfo,
} from '../client';

export type Session = SessionInfo;
export type Me = AmbassadorsMe;
export type Role = Me['roles'][number];
export type AmbassadorStatus = Me['status'];
export type ProfileUpdate = AmbassadorsProfileUpdate;
export type Locale = NonNullable<ProfileUpdate['locale']>;
export type ListingState = AmbassadorsListingState;
export type Moderation = ListingState['moderation'];
export type Platform = AmbassadorsPlatformRead;
export type Department = AmbassadorsDepartmentRead;
export type Theme = AmbassadorsThemeRead;
/** A department or theme as lists show it (no counts). */
export type TaxonomyRef = AmbassadorsTaxonomyRef;
export type SocialAccount = AmbassadorsSocialAccountRead;
export type AccountPreview = AmbassadorsAccountPreview;
export type Charter = AmbassadorsCharterRead;
export type ConsentRecord = AmbassadorsConsentRead;
export type DirectoryEntry = AmbassadorsDirectoryEntry;
/** The directory's filters, as the URL keeps them: its query without the paging. */
export type DirectoryFilters = Partial<
  Record<Exclude<keyof NonNullable<GetApiAmbassadorsDirectoryData['query']>, 'cursor' | 'limit'>, string>
>;
export type InvitationDetails = AmbassadorsInvitationPublic;
export type Invitation = AmbassadorsInvitationRead;
export type InvitationImportReport = AmbassadorsImportReport;
export type ModerationItem = AmbassadorsModerationItem;
export type AdminAmbassador = AmbassadorsAdminAmbassador;
export type MailMessage = AmbassadorsMailMessageRead;
/** One page of a cursor-paginated list, as every list endpoint answers. */
export type Page<T> = Omit<AmbassadorsPageDirectoryEntry, 'items'> & { items: T[] };
