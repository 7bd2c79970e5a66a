import type { PhiOperator } from './operator.js';
import { TAG_LABELS } from './tag-labels.js';

/** `[姓名-1]`, `[NAME-2]`: the type and a number, one per distinct value in the scope. */
export const tagOperator: PhiOperator = {
  name: 'tag',
  reversible: true,
  validate(params) {
    if (!TAG_LABELS[params.type]) throw new Error(`No tag label for PHI type ${params.type}`);
  },
  operate(_original, params) {
    return `[${TAG_LABELS[params.type][params.language]}-${params.tagsUsed + 1}]`;
  },
};
