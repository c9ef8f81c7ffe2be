// One document's references to local raster images, with everything each says about its image:
// where the file may be, the size it asks for, what it is for, and the possible subjects of its
// prompt. Synchronous and linear in the document (the scanner is; the rest is bounded work per
// reference, and a subject is only read when the plan asks for it); whether the file exists is
// asked later, once per path, by planPlaceholders.
import { scanDocument, type Heading, type ImageSite } from '../altText';
import type { ImageFormat } from '../imageOps/formats';
import { kindInName, kindSignal, type KindSignal } from './kind';
import { fileNameWords, ReferenceSubjects, type SubjectLookup } from './prompt';
import { deriveSize, fileNameSize, type FileNameSize } from './size';
import { locateTarget, type TargetCandidate, type TargetLocation } from './targets';
import type { IgnoredReference, PixelSize, PlaceholderDocument, PlaceholderKind, SizeDerivation } from './types';

/** One reference to a local raster image; its file may or may not exist. */
export interface RasterReference {
  document: PlaceholderDocument;
  site: ImageSite;
  /** Where the file may be, best first (see locateTarget). */
  candidates: TargetCandidate[];
  format: ImageFormat;
  size: SizeDerivation;
  kind: KindSignal;
  /** What the reference says its image shows, read on demand (see chooseSubject). */
  subjects: SubjectLookup;
}

/** Options of {@link findRasterReferences}. */
export interface RasterReferenceOptions {
  publicFolders: readonly string[];
  defaultSize: PixelSize;
}

/** The references of one document to local PNG, JPEG, WebP and AVIF images, and those that cannot get a placeholder (why). */
export function findRasterReferences(document: PlaceholderDocument, options: RasterReferenceOptions): { references: RasterReference[]; ignored: IgnoredReference[] } {
  const scan = scanDocument(document.text, document.syntax, {
    documentPath: document.path,
    ...(document.workspaceFolderPath === undefined ? {} : { workspaceFolderPath: document.workspaceFolderPath }),
  });
  const references: RasterReference[] = [];
  const ignored: IgnoredReference[] = [];
  const headings = new NearestHeading(scan.headings);
  // A path written many times in one document (icons on every page of a static site, srcset
  // repeats) is read once: where its file may be and what its name says depend only on how it is written.
  const known = new Map<string, PathFacts>();
  for (const site of scan.sites) {
    let facts = known.get(site.src);
    if (!facts) known.set(site.src, (facts = pathFacts(site, document, options.publicFolders)));
    const { location, words, nameSize, nameKind } = facts;
    if (!location) continue;
    if ('ignored' in location) {
      ignored.push({ document: document.path, src: site.src, range: site.srcRange, reason: location.ignored });
      continue;
    }
    references.push({
      document,
      site,
      candidates: location.candidates,
      format: location.format,
      size: deriveSize(site, nameSize, options.defaultSize),
      kind: kindSignal(site, nameKind, location.format),
      subjects: new ReferenceSubjects(document, scan, site, headings.before(site.span.start), words),
    });
  }
  return { references, ignored };
}

/** What one written path says: where its file may be, and its file name's words, size and kind. */
interface PathFacts {
  location: TargetLocation | undefined;
  words: string;
  nameSize: FileNameSize;
  nameKind: PlaceholderKind | undefined;
}

function pathFacts(site: ImageSite, document: PlaceholderDocument, publicFolders: readonly string[]): PathFacts {
  const location = locateTarget(site, document, publicFolders);
  const fileName = location && !('ignored' in location) ? location.fileName : '';
  const words = fileNameWords(fileName);
  return { location, words, nameSize: fileNameSize(fileName), nameKind: kindInName(words) };
}

/** The nearest heading before an offset, for offsets asked in ascending order (the scanner's sites are): one pointer, moved forwards only. */
class NearestHeading {
  private next = 0;

  constructor(private readonly headings: readonly Heading[]) {}

  before(offset: number): string | undefined {
    while (this.next < this.headings.length && this.headings[this.next].offset < offset) this.next++;
    return this.next > 0 ? this.headings[this.next - 1].text : undefined;
  }
}
