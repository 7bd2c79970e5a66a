import {
  auditFhirResponse,
  auditPageSchema,
  auditQuerySchema,
  auditVerificationSchema,
  createdUserSchema,
  createUserBodySchema,
  monitoringQuerySchema,
  monitoringSchema,
  settingsSchema,
  userListSchema,
} from '../../api/admin.js';
import { auditEvent } from '../../audit/audit-actions.js';
import { listAuditRows } from '../../audit/audit-listing.js';
import { toAuditEntry, verifyAuditChain } from '../../audit/audit-log.js';
import { toFhirAuditEvent } from '../../audit/fhir-audit.js';
import { computeMonitoring } from '../../audit/monitoring.js';
import { listUsers } from '../../auth/user-queries.js';
import { describeModels } from '../../model/index.js';
import { SUWEN_VERSION } from '../../shared/version.js';
import { defineRoute } from '../route.js';

export const adminRoutes = [
  defineRoute({
    method: 'get',
    path: '/audit',
    summary: 'Audit entries, newest first (page with `before`)',
    tag: 'audit',
    permission: 'audit.read',
    query: auditQuerySchema,
    response: auditPageSchema,
    handler: async (c, { query, actor }, { store, audit }) => {
      const rows = await listAuditRows(store, query);
      await audit.append(auditEvent(actor, 'audit.read'));
      const items = rows.map((row) => {
        const { details: _d, prevHash: _p, hash: _h, ...entry } = toAuditEntry(row);
        return { ...entry, actorName: row.actor_name ?? null };
      });
      const last = items.at(-1);
      return c.json({ items, nextBefore: items.length === query.limit && last ? last.seq : null });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/verify',
    summary: 'Recompute the audit hash chain; names the first broken entry',
    tag: 'audit',
    permission: 'audit.read',
    response: auditVerificationSchema,
    handler: async (c, _input, { store, audit }) => {
      await audit.flush();
      return c.json(await verifyAuditChain(store));
    },
  }),
  defineRoute({
    method: 'get',
    path: '/audit/fhir',
    summary: 'Audit entries as a FHIR R4 Bundle of AuditEvent',
    tag: 'audit',
    permission: 'audit.read',
    query: auditQuerySchema,
    response: auditFhirResponse,
    handler: async (c, { query }, { store }) => {
      // The FHIR export filters by action and patient only.
      const rows = await listAuditRows(store, {
        before: query.before,
        action: query.action,
        patientId: query.patientId,
        limit: query.limit,
      });
      const bundle = {
        resourceType: 'Bundle',
        type: 'collection',
        timestamp: new Date().toISOString(),
        entry: rows.map((row) => ({ fullUrl: `urn:uuid:${row.id}`, resource: toFhirAuditEvent(toAuditEntry(row), row.actor_name) })),
      };
      return c.body(JSON.stringify(bundle), 200, { 'Content-Type': 'application/fhir+json; charset=utf-8' });
    },
  }),
  defineRoute({
    method: 'get',
    path: '/monitoring',
    summary: 'AI output monitoring: review outcomes, edit size, latency and tokens per workflow and model',
    tag: 'monitoring',
    permission: 'monitoring.read',
    query: monitoringQuerySchema,
    response: monitoringSchema,
    handler: async (c, { query }, { store }) => c.json(await computeMonitoring(store, query.days)),
  }),
  defineRoute({
    method: 'get',
    path: '/settings',
    summary: 'Model connection, database and mode (no secrets)',
    tag: 'system',
    permission: 'settings.read',
    response: settingsSchema,
    handler: (c, _input, { store, config, demo }) =>
      c.json({
        version: SUWEN_VERSION,
        demo,
        database: { dialect: store.dialect, url: store.dialect === 'sqlite' ? 'sqlite (embedded)' : store.displayUrl },
        model: describeModels(config.models),
      }),
  }),
  defineRoute({
    method: 'get',
    path: '/users',
    summary: 'List users',
    tag: 'users',
    permission: 'user.manage',
    response: userListSchema,
    handler: async (c, _input, { store }) => {
      const rows = await listUsers(store);
      return c.json({
        items: rows.map((r) => ({
          id: r.id,
          username: r.username,
          displayName: r.display_name,
          role: r.role,
          patientId: r.patient_id,
          disabled: r.disabled === 1,
          createdAt: r.created_at,
        })),
      });
    },
  }),
  defineRoute({
    method: 'post',
    path: '/users',
    summary: 'Create a user',
    tag: 'users',
    permission: 'user.manage',
    status: 201,
    body: createUserBodySchema,
    response: createdUserSchema,
    handler: async (c, { body, actor }, { auth, audit }) => {
      const user = await auth.createUser(body);
      await audit.append(auditEvent(actor, 'user.create', { entityType: 'user', entityId: user.id, details: { role: user.role } }));
      return c.json({ user }, 201);
    },
  }),
];
