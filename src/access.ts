/**
 * Roles and the named actions each may perform: the one place that decides
 * who may do what. Resolvers and HTTP routes ask `can(role, action)`.
 */
export const ROLES = ['admin', 'auditor', 'ingest', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

const permissions = {
  'organization:read': ['admin', 'auditor', 'ingest', 'viewer'],
  'apiKey:manage': ['admin'],
  'event:ingest': ['admin', 'ingest'],
  'event:read': ['admin', 'auditor'],
  'inventory:read': ['admin', 'auditor', 'viewer'],
  'report:read': ['admin', 'auditor', 'viewer'],
  'report:create': ['admin'],
  'report:manage': ['admin'],
  'framework:manage': ['admin'],
  'finding:read': ['admin', 'auditor', 'viewer'],
  'evidence:read': ['admin', 'auditor'],
  'report:download': ['admin', 'auditor'],
  // Rebuilding a version at its watermark changes nothing but the record of the check: the auditor's to ask.
  'report:reproduce': ['admin', 'auditor'],
  'share:manage': ['admin'],
  'schedule:read': ['admin', 'auditor', 'viewer'],
  'schedule:manage': ['admin'],
  'organization:manage': ['admin'],
  'notification:read': ['admin'],
  // Exports are raw audit data (like evidence): never for viewers.
  'export:read': ['admin', 'auditor'],
  'export:create': ['admin'],
  'export:manage': ['admin'],
  'export:download': ['admin', 'auditor'],
  // A package holds data exports: the same readers as exports.
  'package:read': ['admin', 'auditor'],
  'package:create': ['admin'],
  'package:manage': ['admin'],
  'package:download': ['admin', 'auditor'],
  'storage:manage': ['admin'],
  'posture:read': ['admin', 'auditor', 'viewer'],
  'posture:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof permissions;

export function can(role: Role, action: Action): boolean {
  return (permissions[action] as readonly Role[]).includes(role);
}

export function rolesFor(action: Action): readonly Role[] {
  return permissions[action];
}

/**
 * Who acts: built once per request from its API key (schema/context.ts), or
 * once per job (`schedule:<id>`, `retention`), and passed to every domain
 * function that changes or discloses something, which records it in its
 * audit event.
 */
export interface Actor {
  orgId: string;
  /** Key name (or `schedule:…`), shown as createdBy. */
  name: string;
  /** Key id (or `schedule:…`), the audit event's actor. */
  actorId: string;
}
