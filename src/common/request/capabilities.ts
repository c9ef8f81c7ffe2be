// The questions every caller asks of the capability table: which fields an operation takes,
// which model refuses which field and why. One family today (legacy.ts); the
// Ideogram 3.0 family is added as a second FamilySpec plus its request-form encoder in the client.
import { LEGACY } from './legacy';
import type { FamilySpec, ModelGroup, ModelRestrictedField, OperationSpec, Refusal, RequestField, RequestMode } from './spec';

export type { FamilySpec, ModelGroup, ModelRestrictedField, OperationSpec, Refusal, RequestField, RequestMode } from './spec';

/** The families the extension speaks (Ideogram 3.0 joins here). */
export const FAMILIES: readonly FamilySpec[] = [LEGACY];

/** The operation `mode` of the family a model belongs to (today: always legacy). */
export function operationSpec(mode: RequestMode, family: FamilySpec = LEGACY): OperationSpec {
  return family.operations[mode];
}

/** True when `mode` takes `field`. */
export function modeTakes(mode: RequestMode, field: RequestField): boolean {
  return operationSpec(mode).fields.includes(field);
}

/** The group of a model id (case as the API writes it); undefined for an id no family lists. */
export function modelGroup(model: string | undefined): ModelGroup | undefined {
  if (model === undefined) return undefined;
  for (const family of FAMILIES) {
    const group = family.modelGroups.find((g) => g.models.includes(model));
    if (group) return group;
  }
  return undefined;
}

/** Why `model` refuses `field`, or undefined when it takes it (or the model is not known). */
export function refusal(model: string | undefined, field: ModelRestrictedField): Refusal | undefined {
  return modelGroup(model)?.refuses[field];
}

/** Every field `model` refuses, with why. */
export function refusals(model: string | undefined): Partial<Record<ModelRestrictedField, Refusal>> {
  return modelGroup(model)?.refuses ?? {};
}
