#!/usr/bin/env node
import { main } from '../dist/main.js';

// A reader that stops early (`… | head`) closes the pipe: stop at once and quietly, with the status of
// a Unix tool stopped by SIGPIPE (128 + 13), instead of an EPIPE stack trace or writing on into nothing.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(141);
});

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
