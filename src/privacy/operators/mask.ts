import type { PhiOperator } from './operator.js';

/** Every character but separators becomes `*`, so the shape (length, grouping) stays readable. */
export const maskOperator: PhiOperator = {
  name: 'mask',
  reversible: false,
  validate() {},
  operate(original) {
    return original.replace(/[^\s\-/.:：，,()（）]/g, '*');
  },
};
