// The per-server switches of the 3.0 routes: which request forms are accepted and which
// operations are missing (answer 404), checked when they arrive over HTTP or from options.
import { V3_FORMS, V3_OPERATIONS, type V3Form, type V3FormSwitches, type V3Operation } from '../types';

/** Both forms on: a server that takes whatever a client sends, until told otherwise. */
export const ALL_FORMS: Readonly<V3FormSwitches> = { official: true, 'crazyrouter-json': true };

/** Checks form switches received from outside; an error message or undefined. */
export function formSwitchesProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return `Form switches must be a JSON object such as {"official": false}.`;
  for (const [name, on] of Object.entries(value)) {
    if (!V3_FORMS.includes(name as V3Form)) return `Unknown form "${name}": the forms are ${V3_FORMS.join(', ')}.`;
    if (typeof on !== 'boolean') return `${name} must be true or false.`;
  }
  return undefined;
}

/** Checks a list of missing routes received from outside; an error message or undefined. */
export function missingRoutesProblem(value: unknown): string | undefined {
  if (!Array.isArray(value)) return 'missing must be an array of 3.0 operations, e.g. ["remove-background"].';
  const unknown = value.find((op) => !V3_OPERATIONS.includes(op as V3Operation));
  return unknown === undefined ? undefined : `Unknown operation ${JSON.stringify(unknown)}: the 3.0 operations are ${V3_OPERATIONS.join(', ')}.`;
}
