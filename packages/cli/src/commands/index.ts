import type { Command } from '../command';
import { audit } from './audit';
import { diff } from './diff';
import { explain } from './explain';
import { init } from './init';
import { render } from './render';
import { sample } from './sample';
import { schema } from './schema';
import { test } from './test';
import { timeline } from './timeline';
import { validate } from './validate';

/** Every command, in the order help lists them. Adding a command: one file in this folder, one line here. */
export const COMMANDS: readonly Command[] = [
  validate,
  test,
  audit,
  schema,
  explain,
  diff,
  timeline,
  render,
  init,
  sample,
];
