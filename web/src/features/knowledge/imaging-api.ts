// Imaging appropriateness (issue 6) over HTTP: the scenarios, one scenario's inputs, and a rating.
// Response types come from the server, type-only, so the two cannot drift apart.
import type { Appropriateness, ImagingResult, ImagingScenarioDescription, ImagingScenarioSummary } from '../../../../src/api/reports';
import { request } from '../../api';

export type { Appropriateness, ImagingResult, ImagingScenarioDescription, ImagingScenarioSummary };

const enc = encodeURIComponent;

export const imagingApi = {
  scenarios: () => request<{ scenarios: ImagingScenarioSummary[] }>('GET', '/decision/imaging'),
  scenario: (id: string) => request<ImagingScenarioDescription>('GET', `/decision/imaging/${enc(id)}`),
  rate: (id: string, inputs: Record<string, unknown>) => request<ImagingResult>('POST', `/decision/imaging/${enc(id)}`, { body: inputs }),
};
