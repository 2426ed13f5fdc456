import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDepartmentPackFile, readDepartmentPackText, withoutPnpmBanner } from './read-department-pack.js';

const pack = [
  'format: civicdesk/department-pack@1',
  'department: { code: water, name: Water }',
  'workflows:',
  '  - file: ../workflows/leak.yaml',
  '  - yaml: |',
  '      workflow: inline',
  '',
].join('\n');

describe('reading a department pack', () => {
  it('reads file workflows next to a pack on disk, in pack order', () => {
    const folder = mkdtempSync(join(tmpdir(), 'pack-read-'));
    mkdirSync(join(folder, 'departments'));
    mkdirSync(join(folder, 'workflows'));
    writeFileSync(join(folder, 'workflows/leak.yaml'), 'workflow: leak\n');
    writeFileSync(join(folder, 'departments/water.yaml'), pack);
    const read = readDepartmentPackFile(join(folder, 'departments/water.yaml'));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.files.source).toBe('water.yaml');
    expect(read.files.workflows).toEqual([
      { path: 'workflows[0]', file: '../workflows/leak.yaml', yaml: 'workflow: leak\n' },
      { path: 'workflows[1]', yaml: 'workflow: inline\n' },
    ]);
  });

  it('refuses file workflows in an upload, and a missing file on disk, at their path', () => {
    expect(readDepartmentPackText(pack, { source: 'upload.yaml' })).toEqual({
      ok: false,
      problems: [{ path: 'workflows[0].file', message: expect.stringMatching(/must embed its workflows/) }],
    });
    const empty = mkdtempSync(join(tmpdir(), 'pack-read-'));
    expect(readDepartmentPackText(pack, { source: 'x.yaml', baseDir: empty })).toMatchObject({
      ok: false,
      problems: [
        {
          path: 'workflows[0].file',
          message: 'There is no file ../workflows/leak.yaml next to the pack; check the path',
        },
      ],
    });
  });

  it('names the line of a YAML syntax error', () => {
    const read = readDepartmentPackText('format: x\ndepartment: [\n', { source: 'x.yaml' });
    expect(read.ok).toBe(false);
    expect(!read.ok && read.problems[0]!.path).toMatch(/^line \d+$/);
  });

  it("skips pnpm's script banner above an exported pack, and nothing else", () => {
    const banner =
      '\n> @civicdesk/api@0.1.0 pack:export /work/main/api\n> tsx src/packs/pack-export-cli.ts -- --department water\n\n';
    expect(withoutPnpmBanner(`${banner}format: x\n`)).toBe('\nformat: x\n');
    expect(withoutPnpmBanner('> folded text\nformat: x\n')).toBe('> folded text\nformat: x\n');
  });
});
