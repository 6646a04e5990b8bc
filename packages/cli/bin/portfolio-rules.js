#!/usr/bin/env node
import { main, outputFailure } from '../dist/main.js';

const argv = process.argv.slice(2);

// A reader that stops early (`… | head`) closes the pipe: stop at once and quietly, with the status of
// a Unix tool stopped by SIGPIPE (128 + 13), instead of an EPIPE stack trace or writing on into nothing.
// Any other failure to write (a full disk, `> /dev/full`) is PR9011 with status 2, never a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(141);
  process.stderr.write(outputFailure(error, argv));
  process.exit(2);
});

process.exitCode = await main(argv, {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
});
