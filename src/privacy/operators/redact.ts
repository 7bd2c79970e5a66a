import type { PhiOperator } from './operator.js';

/** The value is removed. */
export const redactOperator: PhiOperator = {
  name: 'redact',
  reversible: false,
  validate() {},
  operate() {
    return '';
  },
};
