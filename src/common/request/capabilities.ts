// The questions every caller asks of the capability table: which fields an operation takes,
// which model refuses which field and why, which files and request forms a 3.0 operation takes.
// Two families: legacy (legacy.ts) and Ideogram 3.0 (v3.ts).
import { LEGACY } from './legacy';
import type { FamilySpec, FileField, FormSpec, ModelGroup, ModelRestrictedField, OperationSpec, Refusal, RequestField, RequestMode, V3Mode, V3RequestForm } from './spec';
import { V3, V3_MODEL } from './v3';

export type { FamilyId, FamilySpec, FileField, FormSpec, ModelGroup, ModelRestrictedField, OperationSpec, Refusal, RequestField, RequestMode, V3Mode, V3RequestForm } from './spec';

/** The families the extension speaks. */
export const FAMILIES: readonly FamilySpec<string>[] = [LEGACY, V3];

/** The legacy operation `mode`. */
export function operationSpec(mode: RequestMode, family: FamilySpec = LEGACY): OperationSpec {
  return family.operations[mode];
}

/** The Ideogram 3.0 operation `mode`. */
export function v3OperationSpec(mode: V3Mode): OperationSpec {
  return V3.operations[mode];
}

/** True when the 3.0 operation `mode` takes `field`. */
export function v3ModeTakes(mode: V3Mode, field: RequestField): boolean {
  return V3.operations[mode].fields.includes(field);
}

/** True when the 3.0 operation `mode` takes the file `field`. */
export function v3ModeTakesFile(mode: V3Mode, field: FileField): boolean {
  return (V3.operations[mode].files ?? []).includes(field);
}

/** How `form` carries the 3.0 operation `mode`: undefined when that form does not offer it. */
export function v3FormSpec(mode: V3Mode, form: V3RequestForm): FormSpec | undefined {
  const spec = V3.operations[mode];
  return form === 'official' ? { path: spec.path, fields: spec.fields, files: spec.files ?? [] } : spec.forms?.[form];
}

/** True when a model picker's choice means the Ideogram 3.0 family. */
export function isV3Model(model: string | undefined): boolean {
  return model === V3_MODEL;
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
