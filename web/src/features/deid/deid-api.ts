// De-identification of pasted text over HTTP.
import { request } from '../../api';

export type DeidOperator = 'tag' | 'mask' | 'redact' | 'hash' | 'surrogate';

export interface PhiFinding {
  type: string;
  start: number;
  end: number;
  score: number;
  recognizer: string;
  pattern: string;
  context: string[];
}

export interface DeidResult {
  text: string;
  findings: PhiFinding[];
  counts: Record<string, number>;
  operator: DeidOperator;
  ms: number;
}

export const deidApi = {
  deid: (text: string, language: 'zh' | 'en' | 'auto', operator: DeidOperator) =>
    request<DeidResult>('POST', '/deid', { body: { text, language, operator } }),
};
