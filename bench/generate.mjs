// Writes the benchmark's sample file with the CLI's `sample` command (seed 004) and prints its path:
// BENCH_SCALE=taipei for seed 004's Taipei (100,000 students in 60 schools: about 1.0 M course outcomes,
// 1.1 M diverse performances, 2.5 M consultations), else BENCH_STUDENTS (default 10,000). Reused when present.
import { countLines, sampleFile, scale } from './_lib.mjs';

const size = scale();
const file = sampleFile(size);
console.log(
  `${file}: ${size.students.toLocaleString('en-US')} students, ${size.schools} schools, ${(await countLines(file)).toLocaleString('en-US')} lines`,
);
