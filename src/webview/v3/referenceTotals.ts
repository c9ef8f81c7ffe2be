// What the reference slots say about their files against the API's limits: the total per kind of
// reference, and what is too much. The limits are the request model's (passed in, never copied):
// this module only adds up and words the result. No DOM, so it is unit-tested in plain Node.
import * as l10n from '@vscode/l10n';
import type { ReferenceSlot } from '../../common/protocol';


/** A file in a slot: the host measured its size. */
export interface SlotFile { uri: string; bytes: number }

/** The limits the request model sets for reference files (V3_FILE_LIMITS has this shape). */
export interface ReferenceLimits { maxReferenceBytesPerKind: number; maxCharacterReferences: number }

/** One slot's sum and, when the request would be refused, why. */
export interface SlotTotal { bytes: number; limitBytes: number; count: number; problem?: string }

/** "3.4 MB": sizes as the slots show them (MB of 1024 × 1024 bytes, the unit the limits are counted in). */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb < 100 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Adds up one slot's files and says what the API would refuse. */
export function slotTotal(slot: ReferenceSlot, files: readonly SlotFile[], references: readonly SlotFile[], limits: ReferenceLimits): SlotTotal {
  const bytes = files.reduce((sum, file) => sum + file.bytes, 0);
  const total: SlotTotal = { bytes, limitBytes: limits.maxReferenceBytesPerKind, count: files.length };
  if (bytes > limits.maxReferenceBytesPerKind) {
    total.problem = l10n.t('{0} in total is more than the {1} the API takes.', formatMegabytes(bytes), formatMegabytes(limits.maxReferenceBytesPerKind));
  } else if (slot !== 'style' && files.length > limits.maxCharacterReferences) {
    total.problem = l10n.t('The API takes {0} character reference image(s).', limits.maxCharacterReferences);
  } else if (slot === 'characterMask' && files.length > references.length) {
    total.problem = l10n.t('A character mask needs its character reference image.');
  }
  return total;
}
