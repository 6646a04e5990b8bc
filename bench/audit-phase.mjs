// One phase of bench/audit.mjs, in its own process so that its peak RSS is its own:
//   node bench/audit-phase.mjs <parse|intake|hand|audit|cli:<format>> <data.ndjson> <pack.yaml> [cli args…]
// Prints one JSON line: { phase, lines, ms (CPU time, user + system), wallMs, peakRssMiB, … }.
import { createReadStream, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { TextDecoder } from 'node:util';
import { importCli, importCore, peakRssMiB } from './_lib.mjs';

const { createAudit, createIntake, validatePack } = await importCore();

const [named, file, packFile, ...rest] = process.argv.slice(2);
const [phase, format = 'json'] = named.split(':');

/**
 * The lines of a file as the CLI's reader yields them: 64 KiB chunks, a streaming UTF-8 decoder, each
 * line sliced from the decoded chunk at its \n (no array of lines, no joining a chunk to the last one's rest).
 */
async function eachLine(path, onLine) {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let tail = '';
  let next = 1;
  for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
    const text = decoder.decode(chunk, { stream: true });
    let end = text.indexOf('\n');
    if (end < 0) {
      tail += text;
      continue;
    }
    onLine(tail + text.slice(0, end), next++);
    for (let start = end + 1; (end = text.indexOf('\n', start)) >= 0; start = end + 1)
      onLine(text.slice(start, end), next++);
    tail = text.slice(text.lastIndexOf('\n') + 1);
  }
  if (tail !== '') onLine(tail, next++);
  return next - 1;
}

/** (a) reading and JSON.parse of every line, nothing else. */
async function parse() {
  let objects = 0;
  const lines = await eachLine(file, (line) => {
    if (JSON.parse(line) !== null) objects++;
  });
  return { lines, objects };
}

/** Intake alone: the same reading, every line through `createIntake().accept` (validation), no audit. */
async function intake() {
  const accepted = createIntake();
  const parseOptions = { file };
  const lines = await eachLine(file, (line, number) => {
    accepted.accept(line, number, parseOptions);
  });
  const summary = accepted.summary();
  return { lines, checked: summary.checked, rejected: summary.rejected };
}

/**
 * (b) A hand-written loop doing the four core cap and selection checks on the parsed objects, with
 * the pack's numbers (Magong: course outcomes ≤ 6 uploads a semester and ≤ 6 selections a year;
 * diverse performances ≤ 15 uploads and ≤ 10 selections a year; school-entered items exempt;
 * withdrawn items and rejected course outcomes do not count as uploads).
 */
async function hand() {
  const students = new Map();
  const counter = (student, key) => {
    let counts = student.get(key);
    if (!counts) student.set(key, (counts = [0, 0]));
    return counts;
  };
  const lines = await eachLine(file, (line) => {
    const record = JSON.parse(line);
    const isOutcome = record.type === 'courseOutcome';
    if (!isOutcome && record.type !== 'diversePerformance') return;
    if (record.withdrawn || record.entry === 'schoolEntered') return;
    const owner = `${record.school ?? ''}\u0000${record.studentId}`;
    let student = students.get(owner);
    if (!student) students.set(owner, (student = new Map()));
    if (isOutcome) {
      const term = String(record.term).replace('-', '');
      if (record.state !== 'rejected') counter(student, `u${term}`)[0]++;
      if (record.selected) counter(student, `s${term.slice(0, 3)}`)[1]++;
    } else {
      const counts = counter(student, `d${record.academicYear}`);
      counts[0]++;
      if (record.selected) counts[1]++;
    }
  });
  let over = 0;
  for (const student of students.values()) {
    for (const [key, [uploads, selections]] of student) {
      if (key[0] === 'u' && uploads > 6) over++;
      if (key[0] === 's' && selections > 6) over++;
      if (key[0] === 'd' && (uploads > 15 || selections > 10)) over++;
    }
  }
  return { lines, students: students.size, over };
}

/**
 * (c) The full audit as the CLI runs it on one thread: the same intake, one createAudit per school.
 * As the CLI does, the intake's summary is taken when the reading ends, and the intake (with its
 * duplicate index) is let go of before the audits finish.
 */
async function audit() {
  const validation = validatePack(readFileSync(packFile, 'utf8'), { file: packFile });
  const audits = new Map();
  const { lines, summary } = await readInto(audits, validation.resolution);
  const results = [...audits.values()].map((one) => one.finish());
  return {
    lines,
    checked: summary.checked,
    rejected: summary.rejected,
    schools: results.length,
    findings: results.reduce((sum, result) => sum + result.findings.length, 0),
  };
}

/** Every line through one intake into the audits of their schools: the lines read and the intake's summary. */
async function readInto(audits, resolution) {
  const intake = createIntake();
  const parseOptions = { file };
  const lines = await eachLine(file, (line, number) => {
    const result = intake.accept(line, number, parseOptions);
    if (!result.ok) return;
    const school = result.record.school ?? '';
    let one = audits.get(school);
    if (!one)
      audits.set(
        school,
        (one = createAudit(resolution, {
          asOf: '2025-08-01',
          file: packFile,
          ...(school !== '' && { school }),
        })),
      );
    one.add(result.record, { file, line: number, column: 1, record: number });
  });
  return { lines, summary: intake.summary() };
}

/** The CLI itself, in process, its report (in `format`) written to a sink that throws it away. */
async function cli() {
  const { main } = await importCli();
  const sink = { write: () => true };
  const code = await main(['audit', packFile, '--data', file, '--format', format, ...rest], {
    stdout: sink,
    stderr: sink,
    cwd: process.cwd(),
  });
  return { exit: code };
}

const PHASES = { parse, intake, hand, audit, cli };
const started = performance.now();
const cpu = process.cpuUsage();
const figures = await PHASES[phase]();
const ms = performance.now() - started;
const used = process.cpuUsage(cpu);
console.log(
  JSON.stringify({
    phase: named,
    ...figures,
    wallMs: ms,
    ms: (used.user + used.system) / 1000,
    peakRssMiB: peakRssMiB(),
  }),
);
