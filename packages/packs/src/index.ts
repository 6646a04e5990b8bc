// @portfolio-rules/packs: the bundled school packs, their earlier versions and the regional overlays
// they extend, as data a vendor depends on and loads by school id.
import {
  compareTerms,
  createEngine,
  loadPack,
  parseTerm,
  REGIONAL_PACKS,
  validatePack,
  type Engine,
  type Term,
  type TermCode,
  type Validation,
} from '@portfolio-rules/core';
import { PACK_FILES, SCHOOL_IDS, type PackFile, type SchoolId } from './files';

export { PACK_FILES, SCHOOL_IDS, type PackFile, type SchoolId };
/** The regional overlays a school pack may extend (`extends: taipei`), as core ships and layers them. */
export { REGIONAL_PACKS };

/** Which version of a school's pack: by its name (`111`, `current`) or by the term it must apply to. */
export interface PackChoice {
  /** `current` (the default) or an earlier version's name, as `packFiles` lists them. */
  readonly version?: string;
  /** The term to decide for: the version whose period (`appliesFrom`–`appliesUntil`) holds it. */
  readonly term?: Term | TermCode;
}

const known = (school: string): school is SchoolId => (SCHOOL_IDS as readonly string[]).includes(school);

/** Every version of a school's pack, oldest first; the last is the one in force. */
export function packFiles(school: SchoolId): readonly PackFile[] {
  if (!known(school)) throw new RangeError(`no pack for school '${String(school)}' (known: ${SCHOOL_IDS.join(', ')})`);
  return PACK_FILES[school];
}

/** Whether a version's period (`appliesFrom`–`appliesUntil`, open at either end) holds a term. */
function holds(file: PackFile, term: Term): boolean {
  const { pack } = loadPack(file.text, { file: file.file });
  const from = pack?.appliesFrom === undefined ? undefined : parseTerm(pack.appliesFrom);
  const until = pack?.appliesUntil === undefined ? undefined : parseTerm(pack.appliesUntil);
  return (!from || compareTerms(from, term) <= 0) && (!until || compareTerms(term, until) <= 0);
}

/**
 * The file of one version of a school's pack. By `term`, the latest version whose period holds the
 * term, or else the current one (whose engine then refuses that term with PR2007, naming its period).
 */
export function packFile(school: SchoolId, choice: PackChoice = {}): PackFile {
  const files = packFiles(school);
  if (choice.version !== undefined) {
    const named = files.find((file) => file.name === choice.version);
    if (!named)
      throw new RangeError(
        `no version '${choice.version}' of ${school} (known: ${files.map((file) => file.name).join(', ')})`,
      );
    return named;
  }
  const term = choice.term === undefined ? undefined : parseTerm(choice.term);
  const current = files.at(-1);
  if (!current) throw new RangeError(`no pack for school '${school}'`);
  if (!term) return current;
  return [...files].reverse().find((file) => holds(file, term)) ?? current;
}

/**
 * A school's pack validated by core (`validatePack`, layered on the national baseline and the regional
 * overlay it extends): its findings and resolution, with findings naming the file in this package.
 */
export function loadSchoolPack(school: SchoolId, choice: PackChoice = {}): Validation {
  const { text, file } = packFile(school, choice);
  return validatePack(text, { file });
}

/** The engine of a school's pack (`createEngine`); throws core's `PackError` if the pack has errors. */
export function schoolEngine(school: SchoolId, choice: PackChoice = {}): Engine {
  return createEngine(loadSchoolPack(school, choice));
}
