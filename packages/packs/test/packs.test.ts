import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createEngine, parseTerm, validatePack, type Resolution } from '@portfolio-rules/core';
import { loadSchoolPack, PACK_FILES, packFile, packFiles, SCHOOL_IDS, schoolEngine } from '../src/index';

const root = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const inRepo = (file: string) => file.replace('@portfolio-rules/packs/', '');

describe('@portfolio-rules/packs', () => {
  it('ships every school pack of schools/ and every earlier version, oldest first', () => {
    const schools = readdirSync(new URL('schools/', root), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
      .map((entry) => entry.name)
      .sort();
    expect([...SCHOOL_IDS]).toEqual(schools);
    for (const school of SCHOOL_IDS) {
      const versions = new URL(`schools/${school}/versions/`, root);
      const earlier = existsSync(versions) ? readdirSync(versions).map((name) => name.replace(/\.yaml$/, '')) : [];
      expect(packFiles(school).map((file) => file.name)).toEqual([...earlier.sort(), 'current']);
      for (const file of PACK_FILES[school]) {
        expect(file.text).toBe(read(inRepo(file.file)));
        expect(validatePack(file.text).loaded.pack?.id).toBe(school);
      }
    }
  });

  it('loads a Taipei school layered on the Taipei overlay, findings naming the file in the package', () => {
    const { findings, resolution } = loadSchoolPack('taipei-chenggong');
    expect(findings).toEqual([]);
    expect(resolution?.versions[0]?.layers).toEqual([
      'national@2022-08-01',
      'overlay:taipei',
      'school:taipei-chenggong',
    ]);
    const broken = validatePack(
      read('schools/taipei-chenggong/pack.yaml').replace(/^extends: taipei/m, 'extends: tainan'),
      {
        file: packFile('taipei-chenggong').file,
      },
    );
    expect(broken.findings[0]?.position?.file).toBe('@portfolio-rules/packs/schools/taipei-chenggong/pack.yaml');
  });

  it('chooses the version by name or by the term it applies to', () => {
    expect(packFile('hsinchu-vocational', { version: '111' }).file).toBe(
      '@portfolio-rules/packs/schools/hsinchu-vocational/versions/111.yaml',
    );
    expect(packFile('hsinchu-vocational', { term: '11102' }).name).toBe('111');
    expect(packFile('hsinchu-vocational', { term: parseTerm('11201')! }).name).toBe('current');
    expect(packFile('hsinchu-vocational').name).toBe('current');
    // No version holds 11002: the current one, whose engine refuses the term (PR2007).
    expect(packFile('taipei-chenggong', { term: '11002' }).name).toBe('current');
    const refused = schoolEngine('taipei-chenggong', { term: '11002' }).checkUpload({
      item: {
        id: 'i1',
        studentId: 's1',
        kind: 'courseOutcome',
        term: '11002',
        course: 'physics',
        certifier: 't1',
        state: 'draft',
        entry: 'student',
        selected: false,
        uploadedOn: '2022-03-01',
      },
      items: [],
      at: '2022-03-01',
    });
    expect(refused.findings.map((finding) => finding.code)).toContain('PR2007');
  });

  it('refuses an unknown school or version, naming those it knows', () => {
    expect(() => packFiles('tainan' as never)).toThrow(
      /no pack for school 'tainan' \(known: hsinchu-vocational, magong/,
    );
    expect(() => packFile('magong', { version: '110' })).toThrow("no version '110' of magong (known: current)");
  });

  it('gives an engine that decides with the school pack', () => {
    const engine = schoolEngine('magong');
    expect(engine.limits('courseOutcome', 'upload', '11201').map((limit) => limit.max)).toEqual([6]);
  });

  const built = new URL('../resolved/', import.meta.url);
  describe.skipIf(!existsSync(built))('the resolved packs the build writes', () => {
    const require = createRequire(import.meta.url);
    it('equal what core resolves from the pack file, and make the same engine', () => {
      for (const school of SCHOOL_IDS)
        for (const file of PACK_FILES[school]) {
          const name = file.name === 'current' ? school : `${school}@${file.name}`;
          const resolved = require(new URL(`${name}.cjs`, built).pathname) as Resolution;
          const { resolution } = loadSchoolPack(school, { version: file.name });
          expect(resolved).toEqual(JSON.parse(JSON.stringify(resolution)));
          const term = resolved.versions[0]!.appliesFrom ?? { year: 112, semester: 1 };
          expect(createEngine(resolved).limits('diversePerformance', 'select', term)).toEqual(
            createEngine(resolution!).limits('diversePerformance', 'select', term),
          );
        }
    });
  });
});
