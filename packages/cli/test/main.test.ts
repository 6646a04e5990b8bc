import { describe, expect, it } from 'vitest';
import type { Command } from '../src/command';
import { COMMANDS } from '../src/commands';
import { validate } from '../src/commands/validate';
import { dispatch } from '../src/main';
import { run } from './run';

describe('portfolio-rules (the dispatcher)', () => {
  it('lists every command in its help, exit 0', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    for (const command of COMMANDS) expect(result.stdout).toContain(`  ${command.name} `);
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/help.txt');
  });

  it('shows help in English with --lang en', async () => {
    const result = await run(['--help', '--lang', 'en']);
    expect(result.stdout).toContain('Usage: portfolio-rules <command> [options]');
  });

  it('prints help on stderr and exits 2 without a command', async () => {
    const result = await run([]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('portfolio-rules <command>');
  });

  it('suggests the command meant for an unknown one, exit 2', async () => {
    const result = await run(['validte', 'valid.yaml']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PR9001');
    expect(result.stderr).toContain('您是否要輸入「validate」');
    expect(result.stderr).toContain('did you mean `validate`');
  });

  it("shows a command's usage and options with --help, whatever else is missing", async () => {
    const result = await run(['validate', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('用法：portfolio-rules validate <pack.yaml>… [options]');
    expect(result.stdout).toContain('--format <stylish|json|sarif|junit>');
    await expect(result.transcript).toMatchFileSnapshot('__snapshots__/help-validate.txt');
  });

  it('turns an unexpected failure into a short message and exit 2, never a stack trace', async () => {
    const broken: Command = { ...validate, run: () => Promise.reject(new Error('boom')) };
    let stderr = '';
    const code = await dispatch([broken], ['validate', 'x.yaml'], {
      stdout: { write: () => true },
      stderr: { write: (text: string) => (stderr += text) },
      cwd: '.',
    });
    expect(code).toBe(2);
    expect(stderr).toBe('portfolio-rules: internal error / 內部錯誤: boom\n');
  });
});
