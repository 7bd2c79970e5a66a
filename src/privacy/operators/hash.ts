import { createHmac } from 'node:crypto';
import type { PhiType } from '../phi-types.js';
import { type PhiOperator, requireSecret } from './operator.js';
import { TAG_LABELS } from './tag-labels.js';

function keyedHash(secret: string, type: PhiType, original: string): string {
  return createHmac('sha256', secret).update(`${type}\u0000${original}`).digest('hex');
}

/** `[NAME:3f9a0c1b2d]`: the type and the first ten hex digits of an HMAC-SHA-256 under the scope's key. */
export const hashOperator: PhiOperator = {
  name: 'hash',
  reversible: true,
  validate(params) {
    requireSecret('hash', params);
  },
  operate(original, params) {
    return `[${TAG_LABELS[params.type][params.language]}:${keyedHash(params.secret, params.type, original).slice(0, 10)}]`;
  },
};
