import { alertCountSchema, alertListQuerySchema, emergencyAlertSchema, emergencyWorklistSchema } from '../../api/alerts.js';
import { idParamsSchema } from '../../api/common.js';
import { acknowledgeEmergency, countEmergencies, listEmergencyWorklist } from '../../workflows/alerts/emergency-alerts.js';
import { defineRoute } from '../route.js';

/** The emergency worklist: red flags pinned until a clinician acknowledges them. */
export const alertRoutes = [
  defineRoute({
    method: 'get',
    path: '/alerts',
    summary:
      'The emergency worklist: red-flag intakes and artifacts not yet acknowledged (newest first), then — with acknowledged=true — acknowledged ones with who and when',
    tag: 'alerts',
    permission: 'alert.read',
    query: alertListQuerySchema,
    response: emergencyWorklistSchema,
    handler: async (c, { query, actor }, services) =>
      c.json(await listEmergencyWorklist(services, { actor, includeAcknowledged: query.acknowledged, limit: query.limit })),
  }),
  defineRoute({
    method: 'get',
    path: '/alerts/count',
    summary: "How many emergencies wait for acknowledgement, and when the newest was raised (the header badge's poll; no patient data)",
    tag: 'alerts',
    permission: 'alert.read',
    response: alertCountSchema,
    handler: async (c, { actor }, services) => c.json(await countEmergencies(services, { actor })),
  }),
  defineRoute({
    method: 'post',
    path: '/alerts/:id/acknowledge',
    summary: 'Acknowledge an emergency: it leaves the pinned list; who and when are stored and audited (409 when already acknowledged)',
    tag: 'alerts',
    permission: 'alert.acknowledge',
    params: idParamsSchema,
    response: emergencyAlertSchema,
    handler: async (c, { params, actor }, services) => c.json(await acknowledgeEmergency(services, { actor, id: params.id })),
  }),
];
