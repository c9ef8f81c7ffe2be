// The one rule for naming a saved image: `<base>[-n].<ext>`, with n the first counter for which
// both the image's name and its sidecar's name are free, so a pair never overwrites anything and
// never shares a name with another result's sidecar. Each storage says how it claims a name on
// its file system (Node fs: an exclusive create and a link; workspace.fs: stat and a rename that
// refuses to overwrite); this loop is the same for both.
import * as l10n from '@vscode/l10n';
import { candidateName } from '../common/naming';
import { UserFacingError } from '../common/userFacingError';

/** How many counters are tried before giving up (a folder with that many results of one name is broken). */
export const MAX_NAME_ATTEMPTS = 10_000;

/** How one storage takes a name on its file system. */
export interface NameClaims {
  /** Takes the sidecar's name for `stem` (exclusively where the file system can); false when it is taken. */
  claimSidecar(stem: string): Promise<boolean>;
  /** Puts the finished image at `fileName` unless something is there; false when something is. */
  placeImage(fileName: string): Promise<boolean>;
  /** Gives back a sidecar name claimed for an image that then could not take its name. */
  releaseSidecar(stem: string): Promise<void>;
}

/** Commits an image under the first free `<baseName>[-n].<ext>` (sidecar name free too); returns its stem and file name. */
export async function commitUnderFreeName(baseName: string, ext: string, claims: NameClaims): Promise<{ stem: string; fileName: string }> {
  for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
    const stem = candidateName(baseName, attempt);
    if (!(await claims.claimSidecar(stem))) continue;
    const fileName = `${stem}.${ext}`;
    let placed = false;
    try {
      placed = await claims.placeImage(fileName);
    } finally {
      if (!placed) await claims.releaseSidecar(stem);
    }
    if (placed) return { stem, fileName };
  }
  throw new UserFacingError(l10n.t('Could not find a free file name for {0} in the output folder.', baseName));
}
