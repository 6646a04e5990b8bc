// Where a school's scenarios are: the folders and files `portfolio-rules test` is given, as a school
// keeps them (`<school>/scenarios/*.yaml`, its pack beside them).
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { FindingBase } from '@portfolio-rules/core';
import { createFinding } from '@portfolio-rules/core/internal';
import { CLI_CODES } from '../codes';

/** One scenario file and the school folder its pack is read from, both as shown to the user. */
export interface ScenarioFile {
  readonly school: string;
  readonly file: string;
}

export interface FoundScenarios {
  readonly files: readonly ScenarioFile[];
  /** A path that holds no scenario, or cannot be read: PR9030, PR9005. */
  readonly problems: readonly FindingBase[];
}

const isYaml = (name: string) => /\.ya?ml$/i.test(name);

async function entries(directory: string): Promise<Dirent[]> {
  try {
    return await readdir(directory, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** The scenario files of a school folder, sorted by name. */
async function scenariosOf(school: string): Promise<string[]> {
  return (await entries(join(school, 'scenarios')))
    .filter((entry) => entry.isFile() && isYaml(entry.name))
    .map((entry) => join(school, 'scenarios', entry.name))
    .sort();
}

/**
 * Each path the user names: a school folder (with `scenarios/`), its `scenarios/` folder, one
 * scenario file, or a folder of school folders (`schools/`). Nothing is skipped silently: a path
 * with no scenario is a problem.
 */
export async function findScenarios(paths: readonly string[], cwd: string): Promise<FoundScenarios> {
  const files: ScenarioFile[] = [];
  const problems: FindingBase[] = [];
  const shown = (path: string) => relative(cwd, path) || '.';
  const noScenarios = (path: string) =>
    problems.push(createFinding(CLI_CODES.noScenarios, { path }, { rule: 'cli.test', subject: path }));
  for (const path of paths.length === 0 ? ['.'] : paths) {
    const absolute = resolve(cwd, path);
    const kind = await stat(absolute).then(
      (found) => (found.isDirectory() ? 'folder' : found.isFile() ? 'file' : 'other'),
      () => 'missing',
    );
    if (kind === 'missing') {
      problems.push(
        createFinding(
          CLI_CODES.unreadableFile,
          { file: path, reason: 'notFound' },
          { rule: 'cli.read', subject: path },
        ),
      );
      continue;
    }
    if (kind === 'file' && !isYaml(absolute)) {
      noScenarios(path);
      continue;
    }
    if (kind === 'file') {
      const folder = dirname(absolute);
      const school = basename(folder) === 'scenarios' ? dirname(folder) : folder;
      files.push({ school: shown(school), file: shown(absolute) });
      continue;
    }
    const school = basename(absolute) === 'scenarios' ? dirname(absolute) : absolute;
    let found = await scenariosOf(school);
    if (found.length === 0) {
      // A folder of school folders: each one that has scenarios.
      const children = (await entries(absolute)).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
      for (const child of children.sort()) found = [...found, ...(await scenariosOf(join(absolute, child)))];
    }
    if (found.length === 0) {
      noScenarios(path);
      continue;
    }
    for (const file of found) files.push({ school: shown(dirname(dirname(file))), file: shown(file) });
  }
  return { files, problems };
}
