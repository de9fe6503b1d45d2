/**
 * Who may do what, in one table. A service works out which relations hold between the actor and
 * the resource (from the database) and asks `can`; nothing else decides access.
 */
export type Relation =
  | 'anyone'
  | 'signedIn'
  | 'organiserRole'
  | 'eventOrganiser'
  | 'eventDelegate'
  | 'publicDirectory'
  | 'organisationMember'
  | 'self'
  | 'requestSender'
  | 'requestRecipient'
  | 'programmeOrganiser'
  | 'publishedProgramme'
  | 'registrant'
  | 'feedHolder';

export const PERMISSIONS = {
  'event.list': ['anyone'],
  'event.read': ['anyone'],
  'event.create': ['organiserRole'],
  'policy.import': ['organiserRole'],
  'event.update': ['eventOrganiser'],
  'event.audit': ['eventOrganiser'],
  'organisation.read': ['publicDirectory', 'eventDelegate', 'eventOrganiser'],
  'organisation.create': ['eventOrganiser'],
  'organisation.update': ['organisationMember', 'eventOrganiser'],
  'item.write': ['organisationMember', 'eventOrganiser'],
  'delegate.list': ['eventOrganiser'],
  'delegate.readPublic': ['eventDelegate', 'eventOrganiser'],
  'delegate.readPrivate': ['self', 'eventOrganiser'],
  'delegate.create': ['eventOrganiser', 'organisationMember'],
  'delegate.update': ['self', 'eventOrganiser'],
  'request.create': ['self'],
  'request.read': ['requestSender', 'requestRecipient', 'eventOrganiser'],
  'request.reply': ['requestRecipient'],
  'request.cancel': ['requestSender', 'requestRecipient', 'eventOrganiser'],
  'request.listAll': ['eventOrganiser'],
  'meeting.listOwn': ['eventDelegate'],
  'meeting.listAll': ['eventOrganiser'],
  'demand.read': ['eventOrganiser'],
  'outcome.listOwn': ['eventDelegate'],
  'outcome.report': ['organisationMember'],
  'outcome.readReport': ['eventOrganiser'],
  'outcome.invite': ['eventOrganiser'],
  'import.run': ['eventOrganiser'],
  'export.run': ['eventOrganiser'],
  'token.manage': ['organiserRole'],
  'programme.list': ['anyone'],
  'programme.read': ['publishedProgramme', 'programmeOrganiser'],
  'programme.create': ['organiserRole'],
  'programme.update': ['programmeOrganiser'],
  'programme.register': ['publishedProgramme'],
  'registration.read': ['registrant', 'programmeOrganiser'],
  'registration.cancel': ['registrant', 'programmeOrganiser'],
  'registration.list': ['programmeOrganiser'],
  'attendance.record': ['programmeOrganiser'],
  'certificate.issue': ['programmeOrganiser'],
  'certificate.verify': ['anyone'],
  'calendar.agenda': ['self', 'eventOrganiser'],
  'calendar.subscribe': ['self'],
  'calendar.feed': ['feedHolder'],
} as const satisfies Record<string, readonly Relation[]>;

export type Action = keyof typeof PERMISSIONS;

export function can(action: Action, relations: ReadonlySet<Relation>): boolean {
  return PERMISSIONS[action].some((relation) => relations.has(relation));
}
