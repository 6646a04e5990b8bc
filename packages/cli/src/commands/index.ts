import type { Command } from '../command';
import { diff } from './diff';
import { explain } from './explain';
import { init } from './init';
import { sample } from './sample';
import { schema } from './schema';
import { timeline } from './timeline';
import { validate } from './validate';

/** Every command, in the order help lists them. Adding a command: one file in this folder, one line here. */
export const COMMANDS: readonly Command[] = [
  validate,
  schema,
  explain,
  diff,
  timeline,
  init,
  sample,
];
