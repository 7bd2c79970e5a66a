import { hashOperator } from './hash.js';
import { maskOperator } from './mask.js';
import type { OperatorName, PhiOperator } from './operator.js';
import { redactOperator } from './redact.js';
import { surrogateOperator } from './surrogate.js';
import { tagOperator } from './tag.js';

/** Every operator by name; the type makes a name in OPERATORS without an implementation a compile error. */
const REGISTRY: Record<OperatorName, PhiOperator> = {
  tag: tagOperator,
  mask: maskOperator,
  redact: redactOperator,
  hash: hashOperator,
  surrogate: surrogateOperator,
};

export function operatorNamed(name: OperatorName): PhiOperator {
  const operator = REGISTRY[name] as PhiOperator | undefined;
  if (!operator) throw new Error(`Unknown anonymization operator: ${String(name)}`);
  return operator;
}
