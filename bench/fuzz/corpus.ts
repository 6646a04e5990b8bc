// The real inputs the generators start from: the bundled packs, calendars and sample data.
import { readdirSync, readFileSync } from 'node:fs';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');
const yamlIn = (folder: string) =>
  readdirSync(new URL(folder, ROOT))
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => `${folder}${name}`);

/** Every bundled school pack, the regional overlay, the example and the CLI's fixture packs. */
export const PACK_FILES: readonly string[] = [
  ...readdirSync(new URL('schools/', ROOT), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== '_lib')
    .map((entry) => `schools/${entry.name}/pack.yaml`),
  'packages/core/regional/taipei/pack.yaml',
  ...yamlIn('examples/packs/'),
  ...yamlIn('packages/cli/test/fixtures/').filter((path) => !path.includes('malformed')),
];
export const PACKS: readonly string[] = PACK_FILES.map(read);

export const CALENDARS: readonly string[] = [
  'examples/calendars/112.yaml',
  'packages/cli/test/fixtures/audit/calendar-112.yaml',
  'packages/cli/test/fixtures/timeline/calendar.yaml',
].map(read);

/** The sample data, one record a line (every record type). */
export const NDJSON_LINES: readonly string[] = read('examples/data/sample.ndjson')
  .split('\n')
  .filter((line) => line !== '');

/** The sample data as CSV, by file name. */
export const CSV_FILES: Readonly<Record<string, string>> = Object.fromEntries(
  readdirSync(new URL('examples/data/csv/', ROOT))
    .filter((name) => name.endsWith('.csv'))
    .map((name) => [name, read(`examples/data/csv/${name}`)]),
);

/** Every school's scenario files, with the school folder their pack is in. */
export const SCENARIOS: readonly { readonly folder: string; readonly text: string }[] = readdirSync(
  new URL('schools/', ROOT),
  { withFileTypes: true },
)
  .filter((entry) => entry.isDirectory() && entry.name !== '_lib')
  .flatMap((entry) => {
    try {
      return yamlIn(`schools/${entry.name}/scenarios/`).map((path) => ({ folder: entry.name, text: read(path) }));
    } catch {
      return [];
    }
  });
