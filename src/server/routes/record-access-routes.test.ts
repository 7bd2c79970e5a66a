import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAuditRows } from '../../audit/audit-listing.js';
import { type AuditEntry, toAuditEntry } from '../../audit/audit-log.js';
import { CONSULTATION_EN } from '../../workflows/notes/note-test-fixtures.js';
import { startTestServer, type TestServer } from '../testing/test-server.js';

/**
 * The HTTP entry point: the record layer's check and audit apply to requests exactly as to CLI
 * commands and workers — the entries carry the request id the client sent.
 */
describe('HTTP entry point: record access and audit', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer('sqlite');
  });
  afterAll(async () => {
    await server?.close();
  });

  async function entriesOf(requestId: string): Promise<AuditEntry[]> {
    await server.services.audit.flush();
    return (await listAuditRows(server.store, { limit: 1000 })).map(toAuditEntry).filter((e) => e.requestId === requestId);
  }

  it('audits a clinician reading a chart and filing a note, under the request id', async () => {
    const cookie = await server.login('clinician');
    const [patientId = ''] = server.patientIds;
    const chart = await server.request(`/api/v1/patients/${patientId}/chart`, { cookie, headers: { 'x-request-id': 'req-chart-1' } });
    expect(chart.status).toBe(200);
    expect(await entriesOf('req-chart-1')).toEqual([
      expect.objectContaining({ action: 'patient.read', patientId, actorRole: 'clinician', outcome: 'success' }),
    ]);
    const note = await server.request('/api/v1/notes/generate', {
      cookie,
      headers: { 'x-request-id': 'req-note-1' },
      body: { transcript: CONSULTATION_EN, patientId, mode: 'extractive' },
    });
    expect(note.status).toBe(200);
    const { artifactId } = (await note.json()) as { artifactId: string };
    const actions = (await entriesOf('req-note-1')).map((e) => [e.action, e.entityId, e.patientId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['notes.generate', patientId, patientId],
        ['artifact.create', artifactId, patientId],
      ]),
    );
  });

  it('answers a patient asking for another record with 403, and audits the refusal', async () => {
    const cookie = await server.login('patient');
    const [own = '', other = ''] = server.patientIds;
    expect((await server.request(`/api/v1/patients/${own}/chart`, { cookie })).status).toBe(200);
    const refused = await server.request(`/api/v1/patients/${other}/chart`, { cookie, headers: { 'x-request-id': 'req-other-1' } });
    expect(refused.status).toBe(403);
    expect(await entriesOf('req-other-1')).toEqual([
      expect.objectContaining({ action: 'patient.read', patientId: other, actorRole: 'patient', outcome: 'denied' }),
    ]);
  });
});
