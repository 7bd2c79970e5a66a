/**
 * Roles and what each may do. One table, read by every route: a route names a permission, never
 * a role, so changing who may do what is a one-line change here.
 */
export const ROLES = ['admin', 'clinician', 'researcher', 'educator', 'patient'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  /** List and search all patients. */
  'patient.list': ['clinician'],
  /** Read a chart; patients only their own (checked in the record layer: `mayReadPatient`). */
  'patient.read': ['clinician', 'patient'],
  'patient.export': ['clinician'],
  /** Change a patient's consent flags; patients only their own (checked in the record layer: `mayReadPatient`). */
  'consent.update': ['clinician', 'patient'],
  'artifact.read': ['clinician', 'admin'],
  'artifact.create': ['clinician', 'admin'],
  'artifact.review': ['clinician'],
  'audit.read': ['admin'],
  'monitoring.read': ['admin'],
  'settings.read': ['admin', 'clinician', 'researcher', 'educator', 'patient'],
  'user.manage': ['admin'],
  'token.create': ['admin', 'clinician', 'researcher', 'educator'],
  /** The de-identification tool (pasted text; nothing is stored but counts). */
  'deid.use': ['clinician', 'researcher', 'educator', 'admin'],
  /** Search and browse the knowledge base; clinical score calculators. */
  'knowledge.read': ['admin', 'clinician', 'researcher', 'educator', 'patient'],
  /** Medication checks and lab interpretation (decision support for clinicians). */
  'knowledge.check': ['clinician', 'researcher', 'educator', 'admin'],
  /** Create history-taking links for patients and read the finished interviews. */
  'intake.manage': ['clinician'],
  /** The emergency worklist: red flags pinned in the inbox until acknowledged, and the header badge. */
  'alert.read': ['clinician'],
  'alert.acknowledge': ['clinician'],
  /** Free-form questions to the model (answers are stored as drafts). */
  'model.chat': ['clinician', 'researcher', 'educator', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  /** For the patient role: the one record they may see. */
  patientId: string | null;
  via: 'session' | 'token';
}
