// One row per model with EVERY scalar field set to a non-default value, in creation order. The drift
// tests create each row through the generated client and read it back; they also check that every
// scalar field of every model appears here, so a field added to schema.prisma without a matching
// migration (or the other way round) fails a test instead of failing in production.
import type { Prisma } from './client.js';

const at = (iso: string) => new Date(iso);

export const ids = {
  jurisdiction: 'springfield.gov',
  department: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a01',
  staff: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a02',
  service: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a03',
  definition: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a04',
  version: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a05',
  token: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a06',
  task: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a07',
  apiKey: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a08',
  request: 1001n,
} as const;

const jurisdiction = {
  id: ids.jurisdiction,
  name: 'City of Springfield',
  timezone: 'America/Chicago',
  calendar: {
    timezone: 'America/Chicago',
    working_days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    hours: { start: '08:00', end: '17:00' },
    holidays: ['2026-12-25'],
  },
  boundary: {
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.7],
        [-89.6, 39.7],
        [-89.6, 39.8],
        [-89.7, 39.7],
      ],
    ],
  },
  createdAt: at('2024-01-02T03:04:05.678Z'),
} satisfies Prisma.JurisdictionUncheckedCreateInput;

const department = {
  id: ids.department,
  jurisdictionId: ids.jurisdiction,
  code: 'streets',
  name: 'Streets and Sanitation',
  email: 'streets@springfield.gov',
} satisfies Prisma.DepartmentUncheckedCreateInput;

const departmentRole = {
  departmentId: ids.department,
  code: 'inspector',
  name: 'Inspector',
} satisfies Prisma.DepartmentRoleUncheckedCreateInput;

const staffMember = {
  id: ids.staff,
  jurisdictionId: ids.jurisdiction,
  email: 'marge@springfield.gov',
  name: 'Marge Simpson',
  passwordHash: '$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA',
  isAdmin: true,
  active: false,
} satisfies Prisma.StaffMemberUncheckedCreateInput;

const staffMembership = {
  staffId: ids.staff,
  departmentId: ids.department,
  access: 'department_head',
  roleCodes: ['inspector', 'supervisor'],
} satisfies Prisma.StaffMembershipUncheckedCreateInput;

const service = {
  id: ids.service,
  jurisdictionId: ids.jurisdiction,
  code: 'pothole',
  name: 'Pothole',
  description: 'A hole in the road surface',
  type: 'batch',
  keywords: ['road', 'street', 'hole'],
  group: 'Streets',
  attributes: [
    {
      variable: true,
      code: 'depth_cm',
      datatype: 'number',
      required: true,
      datatype_description: 'Depth in centimetres',
      order: 1,
      description: 'How deep is it?',
      values: [],
    },
  ],
  departmentId: ids.department,
  serviceNotice: 'Potholes are usually repaired within 3 working days.',
  expectedSla: 'P3D',
  active: false,
  updatedAt: at('2024-01-03T00:00:00.001Z'),
  duplicateRadiusM: 75,
  duplicateWindowDays: 14,
} satisfies Prisma.ServiceUncheckedCreateInput;

const workflowDefinition = {
  id: ids.definition,
  jurisdictionId: ids.jurisdiction,
  slug: 'pothole-repair',
  title: 'Pothole repair',
  draftYaml: 'workflow: pothole-repair\n# draft\n',
  draftRevision: 7,
  updatedAt: at('2024-01-04T00:00:00.002Z'),
  updatedBy: `staff:${ids.staff}`,
} satisfies Prisma.WorkflowDefinitionUncheckedCreateInput;

const workflowVersion = {
  id: ids.version,
  definitionId: ids.definition,
  version: 1,
  yaml: 'workflow: pothole-repair\n',
  definition: {
    workflow: 'pothole-repair',
    start: 'triage',
    nodes: { triage: { type: 'end', resolution: 'fixed' } },
  },
  hash: 'a'.repeat(64),
  note: 'First version',
  publishedAt: at('2024-01-05T00:00:00.003Z'),
  publishedBy: `staff:${ids.staff}`,
} satisfies Prisma.WorkflowVersionUncheckedCreateInput;

const serviceWorkflowBinding = {
  serviceId: ids.service,
  definitionId: ids.definition,
  updatedAt: at('2024-01-06T00:00:00.004Z'),
} satisfies Prisma.ServiceWorkflowBindingUncheckedCreateInput;

const serviceRequest = {
  id: ids.request,
  token: ids.token,
  jurisdictionId: ids.jurisdiction,
  serviceId: ids.service,
  status: 'closed',
  extendedStatus: 'fixed',
  statusNotes: 'Filled with asphalt.',
  description: 'Deep pothole in the right lane — ünïcode ok',
  attributes: { depth_cm: 12, lanes: ['right'] },
  lat: 39.781721,
  long: -89.650148,
  address: '742 Evergreen Terrace',
  addressId: 'addr-742',
  zipcode: '62701',
  district: 'district-2',
  ward: 'ward-4',
  serviceArea: 'sanitation-north',
  x: 2326001.25,
  y: 1096002.5,
  spatialReference: 'EPSG:3436',
  mediaUrl: 'https://example.org/photo.jpg',
  channel: 'open311',
  firstName: 'Homer',
  lastName: 'Simpson',
  email: 'homer@example.org',
  phone: '+1 217 555 0100',
  deviceId: 'device-1',
  accountId: 'account-1',
  departmentId: ids.department,
  workflowVersionId: ids.version,
  resolution: 'fixed',
  requestedAt: at('2024-01-07T00:00:00.005Z'),
  updatedAt: at('2024-01-08T00:00:00.006Z'),
  closedAt: at('2024-01-08T00:00:00.006Z'),
  expectedAt: at('2024-01-10T00:00:00.007Z'),
  // The only request here; a request can't be its own duplicate (CHECK). The link itself is
  // exercised by api/src/duplicates/link.test.ts.
  duplicateOfId: null,
  duplicateScore: 0.25,
  notificationsUnsubscribedAt: at('2024-01-09T00:00:00.025Z'),
} satisfies Prisma.ServiceRequestUncheckedCreateInput;

const requestFollower = {
  id: 8001n,
  requestId: ids.request,
  email: 'lisa@example.org',
  phone: '+12175550101',
  createdAt: at('2024-01-07T00:00:00.021Z'),
  unsubscribedAt: at('2024-01-09T00:00:00.022Z'),
} satisfies Prisma.RequestFollowerUncheckedCreateInput;

const timelineEvent = {
  id: 5001n,
  requestId: ids.request,
  at: at('2024-01-07T00:00:01.008Z'),
  kind: 'status_changed',
  public: true,
  summary: 'Fixed',
  description: 'The crew filled the pothole.',
  actor: `staff:${ids.staff}`,
  data: { from: 'open', to: 'fixed' },
  dedupeKey: 'request-1001/close/1',
} satisfies Prisma.TimelineEventUncheckedCreateInput;

const task = {
  id: ids.task,
  requestId: ids.request,
  workflowId: 'request-1001',
  nodeId: 'inspect',
  visit: 1,
  title: 'Inspect the site',
  kind: 'approve',
  departmentId: ids.department,
  role: 'inspector',
  status: 'completed',
  assigneeId: ids.staff,
  outcomes: ['confirmed', 'not_found'],
  outcome: 'confirmed',
  notes: 'Confirmed on site.',
  dueAt: at('2024-01-10T00:00:00.009Z'),
  createdAt: at('2024-01-07T00:00:02.010Z'),
  claimedAt: at('2024-01-07T01:00:00.011Z'),
  completedAt: at('2024-01-07T02:00:00.012Z'),
  completedBy: `staff:${ids.staff}`,
  version: 3,
  form: [{ type: 'number', name: 'depth_cm', label: 'Depth (cm)', required: true }],
  // A trigger copies both from the request; these equal the request's, so they read back unchanged.
  serviceId: ids.service,
  district: 'district-2',
} satisfies Prisma.TaskUncheckedCreateInput;

const apiKey = {
  id: ids.apiKey,
  jurisdictionId: ids.jurisdiction,
  name: 'SeeClickFix',
  keyHash: 'b'.repeat(64),
  prefix: 'cd_live_ab',
  createdAt: at('2024-01-01T00:00:00.013Z'),
  revokedAt: at('2024-02-01T00:00:00.014Z'),
  lastUsedAt: at('2024-01-15T00:00:00.015Z'),
} satisfies Prisma.ApiKeyUncheckedCreateInput;

const outboxMessage = {
  id: 7001n,
  kind: 'workflow.start',
  payload: { requestId: '1001', workflowId: 'request-1001' },
  createdAt: at('2024-01-07T00:00:00.016Z'),
  availableAt: at('2024-01-07T00:00:05.017Z'),
  attempts: 2,
  lastError: 'Temporal unavailable',
  lockedUntil: at('2024-01-07T00:01:00.018Z'),
  processedAt: at('2024-01-07T00:02:00.019Z'),
} satisfies Prisma.OutboxMessageUncheckedCreateInput;

const media = {
  id: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a0f',
  jurisdictionId: ids.jurisdiction,
  requestId: ids.request,
  storageKey: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a0f.jpg',
  thumbnailKey: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a0f-thumb.jpg',
  contentType: 'image/jpeg',
  sizeBytes: 48213,
  width: 1024,
  height: 768,
  exifLat: 39.798467,
  exifLong: -89.65,
  capturedAt: at('2024-01-06T14:30:15.000Z'),
  originalName: 'IMG_0042.HEIC',
  createdAt: at('2024-01-07T00:00:00.021Z'),
} satisfies Prisma.MediaUncheckedCreateInput;

const auditLog = {
  id: 9001n,
  at: at('2024-01-07T00:00:00.020Z'),
  actorType: 'staff',
  actorId: ids.staff,
  action: 'workflow.publish',
  subjectType: 'workflow_version',
  subjectId: ids.version,
  data: { version: 1 },
} satisfies Prisma.AuditLogUncheckedCreateInput;

const jurisdictionArea = {
  id: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a09',
  jurisdictionId: ids.jurisdiction,
  kind: 'ward',
  code: 'ward-4',
  name: 'Ward 4',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-89.7, 39.7],
        [-89.6, 39.7],
        [-89.6, 39.8],
        [-89.7, 39.7],
      ],
    ],
  },
  minLng: -89.7,
  minLat: 39.7,
  maxLng: -89.6,
  maxLat: 39.8,
} satisfies Prisma.JurisdictionAreaUncheckedCreateInput;

const addressPoint = {
  id: '3f9a3c9e-9f51-4b8e-8a57-1c1e5b0b2a0a',
  jurisdictionId: ids.jurisdiction,
  addressId: 'addr-742',
  address: '742 Evergreen Terrace',
  zipcode: '62701',
  lat: 39.781721,
  long: -89.650148,
} satisfies Prisma.AddressPointUncheckedCreateInput;

const notification = {
  id: 9101n,
  requestId: ids.request,
  dedupeKey: 'request-1001:7',
  template: 'request_answered',
  channel: 'sms',
  data: { answer: 'Bulk pickup is on Mondays.' },
  createdAt: at('2024-01-07T00:00:00.023Z'),
  sentAt: at('2024-01-07T00:00:10.024Z'),
  attempts: 1,
  lastError: 'Relay busy',
  availableAt: at('2024-01-07T00:00:05.026Z'),
  lockedUntil: at('2024-01-07T00:01:00.027Z'),
  deliveredTo: ['homer@example.org', 'lisa@example.org'],
} satisfies Prisma.NotificationUncheckedCreateInput;

const staffSession = {
  idHash: 'a3f1c2d4e5b6978812345678901234567890abcdefabcdefabcdefabcdefabcd',
  staffId: ids.staff,
  createdAt: at('2024-01-08T00:00:00.031Z'),
  lastSeenAt: at('2024-01-08T00:10:00.032Z'),
  expiresAt: at('2024-01-08T12:00:00.033Z'),
  idleTimeoutSeconds: 1800,
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64)',
  method: 'oidc',
  revokedAt: at('2024-01-08T01:00:00.034Z'),
} satisfies Prisma.StaffSessionUncheckedCreateInput;

const loginFailure = {
  id: 9201n,
  email: 'sam@springfield.gov',
  ip: '203.0.113.8',
  at: at('2024-01-08T00:00:00.035Z'),
} satisfies Prisma.LoginFailureUncheckedCreateInput;

/** Every model, in an order that satisfies the foreign keys, with how to find the row again. */
export const everyModel = [
  { model: 'Jurisdiction', data: jurisdiction, where: { id: jurisdiction.id } },
  { model: 'Department', data: department, where: { id: department.id } },
  {
    model: 'DepartmentRole',
    data: departmentRole,
    where: { departmentId_code: { departmentId: ids.department, code: 'inspector' } },
  },
  { model: 'StaffMember', data: staffMember, where: { id: staffMember.id } },
  {
    model: 'StaffMembership',
    data: staffMembership,
    where: { staffId_departmentId: { staffId: ids.staff, departmentId: ids.department } },
  },
  { model: 'Service', data: service, where: { id: service.id } },
  { model: 'WorkflowDefinition', data: workflowDefinition, where: { id: workflowDefinition.id } },
  { model: 'WorkflowVersion', data: workflowVersion, where: { id: workflowVersion.id } },
  { model: 'ServiceWorkflowBinding', data: serviceWorkflowBinding, where: { serviceId: ids.service } },
  { model: 'ServiceRequest', data: serviceRequest, where: { id: serviceRequest.id } },
  { model: 'RequestFollower', data: requestFollower, where: { id: requestFollower.id } },
  { model: 'TimelineEvent', data: timelineEvent, where: { id: timelineEvent.id } },
  { model: 'Task', data: task, where: { id: task.id } },
  { model: 'ApiKey', data: apiKey, where: { id: apiKey.id } },
  { model: 'OutboxMessage', data: outboxMessage, where: { id: outboxMessage.id } },
  { model: 'AuditLog', data: auditLog, where: { id: auditLog.id } },
  { model: 'Media', data: media, where: { id: media.id } },
  { model: 'JurisdictionArea', data: jurisdictionArea, where: { id: jurisdictionArea.id } },
  { model: 'AddressPoint', data: addressPoint, where: { id: addressPoint.id } },
  { model: 'Notification', data: notification, where: { id: notification.id } },
  { model: 'StaffSession', data: staffSession, where: { idHash: staffSession.idHash } },
  { model: 'LoginFailure', data: loginFailure, where: { id: loginFailure.id } },
] as const satisfies ReadonlyArray<{
  model: Prisma.ModelName;
  data: Record<string, unknown>;
  where: Record<string, unknown>;
}>;

/** The client's delegate for a model name (`ServiceRequest` → `prisma.serviceRequest`). */
export function delegateOf(prisma: object, model: string) {
  type Delegate = {
    create(args: { data: unknown }): Promise<Record<string, unknown>>;
    findUniqueOrThrow(args: { where: unknown }): Promise<Record<string, unknown>>;
  };
  return (prisma as Record<string, Delegate>)[model.charAt(0).toLowerCase() + model.slice(1)] as Delegate;
}
