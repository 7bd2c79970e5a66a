import { type PhiOperator, requireSecret } from './operator.js';
import { makeSurrogate } from './surrogates.js';

/** A realistic value of the same type (dates shifted by the scope's days), seeded by the scope's key. */
export const surrogateOperator: PhiOperator = {
  name: 'surrogate',
  reversible: true,
  validate(params) {
    requireSecret('surrogate', params);
    if (params.scope.length === 0) throw new Error('The surrogate operator needs a scope');
  },
  operate(original, params) {
    const options = { secret: params.secret, scope: params.scope, language: params.language, dateShiftDays: params.dateShiftDays() };
    let candidate = makeSurrogate(params.type, original, options);
    // Two originals must never share a surrogate, or the answer could not be re-identified.
    for (let salt = 1; params.takenByOther(candidate) && salt < 20; salt++) {
      candidate = makeSurrogate(params.type, `${original}\u0000${salt}`, options);
    }
    return candidate;
  },
};
