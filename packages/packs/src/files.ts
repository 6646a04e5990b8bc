import HSINCHU_VOCATIONAL_111 from '../../../schools/hsinchu-vocational/versions/111.yaml?raw';
import HSINCHU_VOCATIONAL from '../../../schools/hsinchu-vocational/pack.yaml?raw';
import MAGONG from '../../../schools/magong/pack.yaml?raw';
import PINGRONG from '../../../schools/pingrong/pack.yaml?raw';
import TAIPEI_CHENGGONG from '../../../schools/taipei-chenggong/pack.yaml?raw';
import VENDOR_DEFAULTS from '../../../schools/vendor-defaults/pack.yaml?raw';

/** The schools whose packs this package ships, by the `id` their pack declares. */
export const SCHOOL_IDS = ['hsinchu-vocational', 'magong', 'pingrong', 'taipei-chenggong', 'vendor-defaults'] as const;
export type SchoolId = (typeof SCHOOL_IDS)[number];

/** One version of a school's pack, as the package ships it. */
export interface PackFile {
  readonly school: SchoolId;
  /** Where the file is in this package, and the name findings on its values carry. */
  readonly file: string;
  /** `current` for the pack in force (`pack.yaml`), else the earlier version's name (`versions/111.yaml` → `111`). */
  readonly name: string;
  readonly text: string;
}

const at = (school: SchoolId, name: string, text: string): PackFile => ({
  school,
  file: `@portfolio-rules/packs/schools/${school}/${name === 'current' ? 'pack' : `versions/${name}`}.yaml`,
  name,
  text,
});

/** Every version of each school's pack, oldest first; the last is the one in force (`pack.yaml`). */
export const PACK_FILES: Readonly<Record<SchoolId, readonly PackFile[]>> = {
  'hsinchu-vocational': [
    at('hsinchu-vocational', '111', HSINCHU_VOCATIONAL_111),
    at('hsinchu-vocational', 'current', HSINCHU_VOCATIONAL),
  ],
  magong: [at('magong', 'current', MAGONG)],
  pingrong: [at('pingrong', 'current', PINGRONG)],
  'taipei-chenggong': [at('taipei-chenggong', 'current', TAIPEI_CHENGGONG)],
  'vendor-defaults': [at('vendor-defaults', 'current', VENDOR_DEFAULTS)],
};
