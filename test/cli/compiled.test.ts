import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/render/text';
import { loadExample, repoPath } from '../support/examples';

// The `nianbao` command as a fresh clone gets it: `npm ci` runs the `prepare` script, which bundles the
// command into dist-cli/, and plain node runs it. (The clone borrows this checkout's node_modules:
// installing them again would only test npm.) Only committed files are in the clone.

let clone: string;
const node = (args: string[], cwd = clone) => spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });

beforeAll(() => {
  clone = join(mkdtempSync(join(tmpdir(), 'nianbao-clone-')), 'nianbao');
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repoPath('.'), encoding: 'utf8' }).trim();
  execFileSync('git', ['clone', '--quiet', '--no-checkout', repoPath('.'), clone]);
  execFileSync('git', ['checkout', '--quiet', head], { cwd: clone });
  symlinkSync(repoPath('node_modules'), join(clone, 'node_modules'), 'dir');
}, 60_000);
afterAll(() => rmSync(join(clone, '..'), { recursive: true, force: true }));

describe('the compiled nianbao in a fresh clone', () => {
  it('is built by the prepare script npm ci runs', () => {
    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin: Record<string, string> };
    expect(existsSync(join(clone, 'dist-cli'))).toBe(false);
    execFileSync('npm', ['run', '--silent', 'prepare'], { cwd: clone, stdio: 'ignore' });
    expect(pkg.scripts.prepare).toBe(pkg.scripts['build:cli']);
    expect(readdirSync(join(clone, 'dist-cli'))).toContain('bin.js');
    // Plain JavaScript: nothing in the bundle needs a TypeScript loader.
    const chunks = readdirSync(join(clone, 'dist-cli', 'chunks')).map((f) => readFileSync(join(clone, 'dist-cli', 'chunks', f), 'utf8'));
    expect(chunks.join('\n')).not.toMatch(/from ["'][^"']*\.tsx?["']|tsx\/esm/);
  }, 60_000);

  it('runs under plain node: --version, --help, a command’s --help in Chinese, and a real check', () => {
    const version = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')).version as string;
    expect(node(['dist-cli/bin.js', '--version']).stdout.trim()).toBe(version);
    const help = node(['bin/nianbao.mjs', '--help']);
    expect([help.status, help.stdout]).toEqual([0, expect.stringContaining('summary   汇总各单位的报告')]);
    const checkHelp = node(['bin/nianbao.mjs', 'check', '--help']);
    expect([checkHelp.status, checkHelp.stdout, checkHelp.stderr]).toEqual([0, expect.stringContaining('用法：nianbao check'), '']);
    const summaryHelp = node(['bin/nianbao.mjs', 'summary', '-h']);
    expect(summaryHelp.stdout).toContain('--units       单位名单');
    const unknown = node(['bin/nianbao.mjs', 'summary', '--bogus']);
    expect([unknown.status, unknown.stderr]).toEqual([2, expect.stringContaining('未知的选项 --bogus')]);
    const check = node(['bin/nianbao.mjs', 'check', 'examples/qinghe-2024.json', '--json']);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout)[0].agency).toBe('青禾市人民政府');
  }, 60_000);

  it('reads a large folder in worker threads with the same result as on one thread', () => {
    const folder = join(clone, '..', 'many');
    mkdirSync(folder);
    const texts = [renderText(loadExample('2024')), renderText(loadExample('2020'))];
    for (let i = 0; i < 45; i++) writeFileSync(join(folder, `r${String(i).padStart(2, '0')}.txt`), i % 7 === 3 ? '不是报告' : texts[i % 2]!);
    writeFileSync(join(folder, 'r99.docx'), 'not a zip');
    // Threads are asked for (the default reads on the main thread).
    const threaded = spawnSync(process.execPath, ['bin/nianbao.mjs', 'check', folder, '--json'], { cwd: clone, encoding: 'utf8', env: { ...process.env, NIANBAO_THREADS: '2' } });
    const single = node(['bin/nianbao.mjs', 'check', folder, '--json']);
    expect(threaded.status).toBe(2);
    expect(JSON.parse(threaded.stdout)).toHaveLength(46);
    expect(threaded.stdout).toBe(single.stdout);
    const summary = node(['bin/nianbao.mjs', 'summary', folder, '--json']);
    expect(JSON.parse(summary.stdout).units.filter((u: { read: boolean }) => !u.read)).toHaveLength(7);
  }, 60_000);

  it('is what npx nianbao runs', () => {
    const r = spawnSync('npx', ['--no-install', 'nianbao', '--version'], { cwd: clone, encoding: 'utf8' });
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  }, 60_000);
});
