// Care gaps (cited rules over the record, no model) over HTTP. The response shapes are the API
// contract's (src/api/care-gaps), imported type-only, so the card and the server cannot drift apart.

import type { CareGap, CareGapFact, PatientCareGaps } from '../../../../src/api/care-gaps';
import type { Bilingual } from '../../../../src/api/common';
import { request } from '../../api';

export type { Bilingual, CareGap, CareGapFact, PatientCareGaps };

export const careGapsApi = {
  patient: (patientId: string) => request<PatientCareGaps>('GET', `/patients/${encodeURIComponent(patientId)}/care-gaps`),
};
