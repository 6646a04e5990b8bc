import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DatasetRecord } from '@portfolio-rules/core';
import { parseAuditJson, parseJson } from './json';
import { RAW_CONTROL } from './raw-controls';

// What an auditor meets from the command line: the built binary on real files in a folder outside the repository.
const BIN = fileURLToPath(new URL('../bin/portfolio-rules.js', import.meta.url));
const BUILT = ['../dist/main.js', '../../core/dist/index.js'].every((path) =>
  existsSync(fileURLToPath(new URL(path, import.meta.url))),
);
const PACK = fileURLToPath(new URL('../../../schools/magong/pack.yaml', import.meta.url));
const AS_OF = ['--as-of', '2024-11-30'];
const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

/** Runs the binary in `cwd`, killed after 20 s: a FIFO that hangs it fails the test instead of the run. */
function cli(args: readonly string[], cwd: string, stdout: 'pipe' | number = 'pipe') {
  const result = spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], {
    cwd,
    encoding: 'utf8',
    timeout: 20_000,
    stdio: ['ignore', stdout, 'pipe'],
  });
  expect(result.signal, `${args.join(' ')} was killed: it hung`).toBeNull();
  return { code: result.status, stdout: result.stdout ?? '', stderr: result.stderr };
}

let folder: string;
let sample: string;

beforeAll(() => {
  if (!BUILT) return;
  folder = mkdtempSync(join(tmpdir(), 'pr-hostile-'));
  sample = execFileSync(process.execPath, [BIN, 'sample', '--pack', PACK, '--students', '40', '--seed', '7'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  writeFileSync(join(folder, 'data.ndjson'), sample);
});

describe.skipIf(!BUILT)('no silent pass: nothing read is not a pass (the built CLI)', { timeout: 60_000 }, () => {
  it('names every entry of a data folder of links, FIFOs, empty and unknown files, and fails with PR9012 (exit 2)', () => {
    const data = join(folder, 'only-junk');
    mkdirSync(data);
    writeFileSync(join(data, 'empty.ndjson'), '');
    writeFileSync(join(data, 'notes.txt'), 'x');
    symlinkSync(join(data, 'gone.ndjson'), join(data, 'dangling.ndjson'));
    execFileSync('mkfifo', [join(data, 'pipe.ndjson')]);
    const result = cli(['audit', PACK, '--data', 'only-junk', ...AS_OF], folder);
    expect(result.code).toBe(2);
    for (const expected of [
      'only-junk/empty.ndjson  warning  PR8019',
      'only-junk/notes.txt  warning  PR8016',
      'only-junk/dangling.ndjson  warning  PR8018',
      'only-junk/pipe.ndjson  warning  PR8018',
      'only-junk  error  PR9012',
      'read 0 = checked 0 + rejected 0',
    ])
      expect(result.stdout).toContain(expected);
    expect(result.stdout).not.toContain('✔');
  });

  it('follows a symbolic link to a data file', () => {
    const data = join(folder, 'linked');
    mkdirSync(data);
    symlinkSync(join(folder, 'data.ndjson'), join(data, 'export.ndjson'));
    const lines = sample.trimEnd().split('\n').length;
    const result = cli(['audit', PACK, '--data', 'linked', ...AS_OF, '--format', 'json'], folder);
    expect(parseAuditJson(result.stdout).audit.intake).toMatchObject({ read: lines, checked: lines, rejected: 0 });
  });

  it('refuses a FIFO given as pack, data, calendar or evidence with PR9005 (exit 2), and never waits on it', () => {
    const fifo = join(folder, 'fifo.yaml');
    execFileSync('mkfifo', [fifo]);
    for (const args of [
      ['validate', 'fifo.yaml'],
      ['audit', 'fifo.yaml'],
      ['audit', PACK, '--data', 'fifo.yaml', ...AS_OF],
      ['audit', PACK, '--data', 'data.ndjson', '--calendar', 'fifo.yaml', ...AS_OF],
      ['audit', PACK, '--data', 'data.ndjson', '--evidence', 'fifo.yaml', ...AS_OF],
    ]) {
      const result = cli(args, folder);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout + result.stderr).toContain('PR9005');
      expect(result.stdout + result.stderr).toContain('not a regular file');
    }
  });
});

describe.skipIf(!BUILT)('one broken record costs one record (the built CLI)', { timeout: 60_000 }, () => {
  it('rejects a term like 00101 at its line and reads every later line (exit 1, not PR9005)', () => {
    const lines = sample.trimEnd().split('\n');
    const at = lines.findIndex((line) => line.includes('"type":"courseOutcome"'));
    lines[at] = lines[at]!.replace(/"term":"\d+"/, '"term":"00101"');
    writeFileSync(join(folder, 'bad-term.ndjson'), `${lines.join('\n')}\n`);
    for (const threads of ['1', '2']) {
      const result = cli(
        ['audit', PACK, '--data', 'bad-term.ndjson', ...AS_OF, '--format', 'json', '--threads', threads],
        folder,
      );
      expect(result.code).toBe(1);
      const intake = parseAuditJson(result.stdout).audit.intake;
      expect(intake).toMatchObject({ read: lines.length, checked: lines.length - 1, rejected: 1 });
      expect(intake.rejections).toMatchObject([{ file: 'bad-term.ndjson', line: at + 1, code: 'PR8008' }]);
      expect(result.stdout).not.toContain('PR9005');
    }
  });

  it('refuses an --as-of the engine cannot place (9999-12-31) with PR9004, not a stack overflow', () => {
    const result = cli(['audit', PACK, '--data', 'data.ndjson', '--as-of', '9999-12-31'], folder);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9004');
    expect(result.stderr).not.toContain('stack');
  });

  it('resynchronises after a stray quote in a CSV, and after a bad UTF-8 byte deep in a big file', () => {
    const csv = join(folder, 'csv');
    mkdirSync(csv);
    const rows = Array.from({ length: 3000 }, (_, index) => `S${index},1,101`);
    writeFileSync(join(csv, 'students.csv'), ['id,grade,class', 'A1,1,101', '"A2,1,101', ...rows].join('\n'));
    const quoted = parseAuditJson(cli(['audit', PACK, '--data', 'csv', ...AS_OF, '--format', 'json'], folder).stdout);
    expect(quoted.audit.intake).toMatchObject({ read: 3002, checked: 3001, rejected: 1 });
    expect(quoted.audit.intake.rejections).toMatchObject([{ line: 3, code: 'PR8012' }]);

    const lines = sample.trimEnd().split('\n');
    const big = [...lines, ...lines, ...lines].map((line, index) =>
      line.replace(/"id":"([^"]+)"/, `"id":"$1-${Math.floor(index / lines.length)}"`),
    );
    const bad = Math.min(1500, big.length - 10);
    const bytes = Buffer.concat([
      Buffer.from(`${big.slice(0, bad).join('\n')}\n`),
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]),
      Buffer.from(`${big.slice(bad).join('\n')}\n`),
    ]);
    writeFileSync(join(folder, 'bad-byte.ndjson'), bytes);
    const result = parseAuditJson(
      cli(['audit', PACK, '--data', 'bad-byte.ndjson', ...AS_OF, '--format', 'json'], folder).stdout,
    );
    // The copies of records without an id are repeats (PR8021); the bad byte costs its own line only.
    expect(result.audit.intake).toMatchObject({ read: big.length + 1, byCode: { PR8011: 1 } });
    expect(
      result.audit.intake.rejections.filter((rejection: { code: string }) => rejection.code === 'PR8011'),
    ).toMatchObject([{ line: bad + 1, code: 'PR8011' }]);
  });

  it('reads an Excel export (BOM, CRLF) with messy values: each bad value costs its row, controls never reach the terminal', () => {
    const students = sample
      .trimEnd()
      .split('\n')
      .map((line) => parseJson<DatasetRecord>(line))
      .filter((record) => record.type === 'student');
    const rows = students.map((record) => [record.id, record.grade, record.class, record.school].join(','));
    const messy = [...rows];
    messy[2] = messy[2]!.replace(/,\d,/, ',1e309,'); // line 4: a grade too large for a double
    messy[4] = messy[4]!.replace('S01-', 'S01-\x1b]0;owned\x07\x1b[31m'); // line 6: OSC window title, colour (an id holds no control)
    messy[6] = messy[6]!.replace('S01-', 'S01-\x00'); // line 8: a NUL byte in an id
    messy[8] = messy[8]!.replace('S01-', `S01-${'9'.repeat(2_000_000)}`); // line 10: a 2 MB id (ids hold at most 200 characters)
    messy[10] = `"${messy[10]}`; // line 12: a stray quote
    const excel = join(folder, 'excel');
    mkdirSync(excel);
    writeFileSync(join(excel, 'students.csv'), `\ufeff${['id,grade,class,school', ...messy].join('\r\n')}\r\n`);
    const json = cli(['audit', PACK, '--data', 'excel', ...AS_OF, '--format', 'json'], folder);
    expect(json.code).toBe(1);
    const intake = parseAuditJson(json.stdout).audit.intake;
    expect(intake).toMatchObject({ read: students.length, checked: students.length - 5, rejected: 5 });
    expect(intake.rejections.map(({ line, code }: { line: number; code: string }) => [line, code])).toEqual([
      [4, 'PR8006'],
      [6, 'PR8008'],
      [8, 'PR8008'],
      [10, 'PR8006'],
      [12, 'PR8012'],
    ]);
    expect(intake.rejections[0]!.message.en).toContain('`1e309`');
    expect(intake.rejections[1]!.message.en).toContain('control or invisible characters');
    const stylish = cli(['audit', PACK, '--data', 'excel', ...AS_OF], folder);
    expect(stylish.code).toBe(1);
    expect(stylish.stdout).toContain(`read ${students.length} = checked ${students.length - 5} + rejected 5`);
    expect(stylish.stdout).toContain('\\x1b]0;owned');
    expect(stylish.stdout).not.toMatch(RAW_CONTROL);
    expect(stylish.stdout.length).toBeLessThan(100_000);

    // The same data as NDJSON with CRLF line ends reads exactly as with LF.
    writeFileSync(join(folder, 'crlf.ndjson'), sample.replaceAll('\n', '\r\n'));
    const crlf = parseAuditJson(
      cli(['audit', PACK, '--data', 'crlf.ndjson', ...AS_OF, '--format', 'json'], folder).stdout,
    );
    const lf = parseAuditJson(
      cli(['audit', PACK, '--data', 'data.ndjson', ...AS_OF, '--format', 'json'], folder).stdout,
    );
    expect(crlf.audit.intake).toEqual(lf.audit.intake);
    expect(withoutPlaces(crlf.audit)).toEqual(withoutPlaces(lf.audit));
  });
});

/** A JSON report's audit without places (moving lines renumbers them) and without the intake. */
function withoutPlaces(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPlaces);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'position' && key !== 'intake')
      .map(([key, inner]) => [key, withoutPlaces(inner)]),
  );
}

describe.skipIf(!BUILT)('duplicates (the built CLI)', { timeout: 60_000 }, () => {
  const audit = (file: string, threads: string) =>
    JSON.parse(
      cli(['audit', PACK, '--data', file, ...AS_OF, '--format', 'json', '--threads', threads], folder).stdout,
    ) as {
      audit: { findings: { code: string }[]; intake: { byCode: Record<string, number> } };
      inputFindings: { code: string }[];
    };

  it('counts a record repeated 7 times once (a warning each), with no false cap finding, on one thread and two', () => {
    const lines = sample.trimEnd().split('\n');
    const outcome = lines.find((line) => line.includes('"type":"courseOutcome"'))!;
    writeFileSync(join(folder, 'repeated.ndjson'), `${[...lines, ...Array<string>(7).fill(outcome)].join('\n')}\n`);
    for (const threads of ['1', '2']) {
      const clean = audit('data.ndjson', threads);
      const repeated = audit('repeated.ndjson', threads);
      expect(repeated.audit.intake.byCode).toEqual({ PR8021: 7 });
      expect(withoutPlaces(repeated.audit)).toEqual(withoutPlaces(clean.audit));
    }
  });

  it('reports two student lines with one id and other grades (PR8022, exit 1), and gives the same result in either order', () => {
    const lines = sample.trimEnd().split('\n');
    const at = lines.findIndex((line) => line.includes('"type":"student"'));
    const other = lines[at]!.replace(/"grade":(\d)/, (_, grade) => `"grade":${grade === '3' ? 1 : Number(grade) + 1}`);
    writeFileSync(join(folder, 'after.ndjson'), `${[...lines, other].join('\n')}\n`);
    writeFileSync(join(folder, 'before.ndjson'), `${[other, ...lines].join('\n')}\n`);
    for (const threads of ['1', '2']) {
      const after = audit('after.ndjson', threads);
      const before = audit('before.ndjson', threads);
      expect(after.inputFindings.map((finding) => finding.code)).toEqual(['PR8022']);
      expect(before.inputFindings.map((finding) => finding.code)).toEqual(['PR8022']);
      expect(withoutPlaces(after.audit)).toEqual(withoutPlaces(before.audit));
    }
    expect(cli(['audit', PACK, '--data', 'after.ndjson', ...AS_OF], folder).code).toBe(1);
  });
});

describe.skipIf(!BUILT)('encodings (the built CLI)', { timeout: 60_000 }, () => {
  it.skipIf(!has('iconv'))(
    'refuses a Big5 CSV with PR8010 and reads it with --encoding big5 (bytes from iconv)',
    () => {
      const data = join(folder, 'big5');
      mkdirSync(data);
      const text = 'id,grade,class\n學生一,1,101\n學生二,2,201\n';
      const bytes = execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5'], { input: text });
      // A table checked by hand: 學 is 0xBEC7 and 生 0xA5CD in Big5.
      expect([...bytes.subarray(15, 19)]).toEqual([0xbe, 0xc7, 0xa5, 0xcd]);
      writeFileSync(join(data, 'students.csv'), bytes);
      const refused = cli(['audit', PACK, '--data', 'big5', ...AS_OF], folder);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain('PR8010');
      expect(refused.stdout).toContain('--encoding big5');
      const read = cli(['audit', PACK, '--data', 'big5', ...AS_OF, '--encoding', 'big5', '--format', 'json'], folder);
      const audit = parseAuditJson(read.stdout).audit;
      expect(audit.intake).toMatchObject({ read: 2, checked: 2, rejected: 0 });
      expect(audit.statistics.school.students).toBe(2);
    },
  );

  it.skipIf(!has('iconv'))(
    'refuses a Big5 or UTF-16 pack with PR1016 (exit 1, a pack error) in every command, instead of reading mojibake',
    () => {
      const pack = readFileSync(PACK, 'utf8');
      writeFileSync(
        join(folder, 'big5.yaml'),
        execFileSync('iconv', ['-f', 'UTF-8', '-t', 'BIG5//TRANSLIT'], { input: pack }),
      );
      writeFileSync(
        join(folder, 'utf16.yaml'),
        Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(pack, 'utf16le')]),
      );
      writeFileSync(join(folder, 'latin.yaml'), Buffer.from('id: caf\xe9\n', 'latin1'));
      for (const [file, said] of [
        ['big5.yaml', 'BIG5'],
        ['utf16.yaml', 'UTF-16LE'],
        ['latin.yaml', 'not valid UTF-8'],
      ] as const)
        for (const args of [
          ['validate', file],
          ['audit', file, '--data', 'data.ndjson', ...AS_OF],
          ['explain', file],
          ['render', file],
          ['diff', PACK, file],
          ['timeline', file, '--calendar', file],
        ]) {
          const result = cli(args, folder);
          expect(result.code, `${args.join(' ')}`).toBe(1);
          expect(result.stdout + result.stderr).toContain('PR1016');
          expect(result.stdout + result.stderr).toContain(said);
        }
    },
  );

  it('refuses UTF-16 data with PR8023 and reads it with --encoding utf-16le', () => {
    const lines = sample.trimEnd().split('\n').slice(0, 200);
    writeFileSync(
      join(folder, 'utf16.ndjson'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n'), 'utf16le')]),
    );
    const refused = cli(['audit', PACK, '--data', 'utf16.ndjson', ...AS_OF], folder);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('PR8023');
    const read = cli(
      ['audit', PACK, '--data', 'utf16.ndjson', ...AS_OF, '--encoding', 'utf-16le', '--format', 'json'],
      folder,
    );
    expect(parseAuditJson(read.stdout).audit.intake).toMatchObject({ read: 200, checked: 200 });
    // Half a character (a lone surrogate) on line 120 costs that line, not the 80 after it.
    const bytes = readFileSync(join(folder, 'utf16.ndjson'));
    const at = 2 + 2 * lines.slice(0, 119).reduce((sum, line) => sum + line.length + 2, 0) + 2 * 3;
    bytes.writeUInt16LE(0xdc00, at);
    writeFileSync(join(folder, 'utf16.ndjson'), bytes);
    const broken = cli(
      ['audit', PACK, '--data', 'utf16.ndjson', ...AS_OF, '--encoding', 'utf-16le', '--format', 'json'],
      folder,
    );
    expect(broken.code).toBe(1);
    const intake = parseAuditJson(broken.stdout).audit.intake;
    expect(intake).toMatchObject({ read: 200, checked: 199, rejected: 1, byCode: { PR8011: 1 } });
    expect(intake.rejections.map(({ line }: { line: number }) => line)).toEqual([120]);
  });
});

describe.skipIf(!BUILT)(
  'files: -o is atomic, never one of the inputs; unwritable outputs (the built CLI)',
  { timeout: 60_000 },
  () => {
    it('refuses an output that is one of the inputs (PR9013, exit 2), by any name, and leaves it whole', () => {
      const data = join(folder, 'precious.ndjson');
      writeFileSync(data, sample);
      symlinkSync(data, join(folder, 'alias.ndjson'));
      for (const output of ['precious.ndjson', './precious.ndjson', data, 'alias.ndjson', PACK]) {
        const result = cli(['audit', PACK, '--data', 'precious.ndjson', ...AS_OF, '-o', output], folder);
        expect(result.code, output).toBe(2);
        expect(result.stderr).toContain('PR9013');
      }
      expect(readFileSync(data, 'utf8')).toBe(sample);
    });

    it('replaces a report only once the new one is whole, keeping its permissions, and writes devices in place', () => {
      const report = join(folder, 'report.txt');
      writeFileSync(report, 'old');
      chmodSync(report, 0o640);
      const result = cli(['audit', PACK, '--data', 'data.ndjson', ...AS_OF, '-o', 'report.txt'], folder);
      expect(result.code).toBe(1);
      expect(readFileSync(report, 'utf8')).toContain('read ');
      expect(statSync(report).mode & 0o777).toBe(0o640);
      expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
      expect(cli(['audit', PACK, '--data', 'data.ndjson', ...AS_OF, '-o', '/dev/null'], folder).code).toBe(1);
      expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
    });

    it('reports a standard output it cannot write (> /dev/full) as PR9011, exit 2, no stack trace', () => {
      for (const args of [
        ['validate', PACK],
        ['audit', PACK, '--data', 'data.ndjson', ...AS_OF, '--format', 'json'],
      ]) {
        const result = spawnSync(
          'sh',
          ['-c', `"${process.execPath}" "${BIN}" ${args.map((arg) => `"${arg}"`).join(' ')} --lang en > /dev/full`],
          {
            cwd: folder,
            encoding: 'utf8',
            timeout: 20_000,
          },
        );
        expect(result.status, args[0]).toBe(2);
        expect(result.stderr).toContain('PR9011');
        expect(result.stderr).toContain('the disk is full');
        expect(result.stderr).not.toMatch(/\n\s+at /);
      }
    });

    it.skipIf(!canMount())(
      'leaves the old report whole when the disk fills up (a 64 KiB tmpfs): PR9011, exit 2',
      () => {
        const disk = mkdtempSync(join(tmpdir(), 'pr-full-'));
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', disk]);
        try {
          const report = join(disk, 'report.json');
          writeFileSync(report, '{"old": true}\n');
          const big = join(folder, 'big.ndjson');
          writeFileSync(
            big,
            execFileSync(
              process.execPath,
              [BIN, 'sample', '--pack', PACK, '--students', '400', '--seed', '5', '--violations', '0.3'],
              {
                stdio: ['ignore', 'pipe', 'ignore'],
                maxBuffer: 1 << 30,
              },
            ),
          );
          const result = cli(['audit', PACK, '--data', big, ...AS_OF, '--format', 'json', '-o', report], folder);
          expect(result.code).toBe(2);
          expect(result.stderr).toContain('PR9011');
          expect(result.stderr).toContain('the disk is full');
          expect(readFileSync(report, 'utf8')).toBe('{"old": true}\n');
          expect(readdirSync(disk)).toEqual(['report.json']);
        } finally {
          execFileSync('umount', [disk]);
        }
      },
    );
  },
);

/** Whether this process may mount a small tmpfs (root on Linux): the full-disk test needs one. */
function canMount(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'pr-mount-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=8k', 'tmpfs', probe]).status === 0;
  if (mounted) spawnSync('umount', [probe]);
  return mounted;
}
