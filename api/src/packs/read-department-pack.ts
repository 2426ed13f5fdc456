/**
 * Reads a department pack's YAML text (an upload, or a file with its folder for `file:` workflows)
 * into the pack and its workflow YAML texts, or every problem with its path. Nothing touches the
 * database here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { departmentPack, type DepartmentPack } from '@civicdesk/schemas';
import { packPath, type PackProblem } from './pack-problem.js';

export interface PackWorkflowText {
  /** Where it sits in the pack, e.g. `workflows[2]`. */
  path: string;
  /** The file it came from, when it was a `file:` entry. */
  file?: string;
  yaml: string;
}

export interface DepartmentPackFiles {
  /** A name for messages, e.g. `streets.yaml`. */
  source: string;
  pack: DepartmentPack;
  workflows: PackWorkflowText[];
}

export type ReadPackResult =
  { ok: true; files: DepartmentPackFiles } | { ok: false; problems: PackProblem[] };

/**
 * `pnpm --filter … pack:export > file` without `--silent` puts pnpm's `> package script` lines above
 * the YAML; they are not part of the pack, so they are skipped rather than refused.
 */
export function withoutPnpmBanner(text: string): string {
  const banner = /^(?:\s*\n)*(?:> [^\n]*\n)+/.exec(text);
  return banner && /^(?:\s*\n)*> @?[\w./-]+@\S+ /.test(banner[0]) ? text.slice(banner[0].length) : text;
}

/**
 * Parses and checks a pack. `baseDir` is where `file:` workflows are looked up; without it (an
 * upload) a `file:` entry is a problem, as an uploaded pack must carry its workflows inside.
 */
export function readDepartmentPackText(
  text: string,
  options: { source: string; baseDir?: string },
): ReadPackResult {
  const document = parseDocument(withoutPnpmBanner(text), { prettyErrors: true });
  if (document.errors.length > 0)
    return {
      ok: false,
      problems: document.errors.map((e) => ({
        path: e.linePos ? `line ${e.linePos[0].line}` : '(yaml)',
        message: `${e.message.split('\n')[0]}; fix the YAML syntax there`,
      })),
    };
  const parsed = departmentPack.safeParse(document.toJS());
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: packPath(i.path), message: i.message })),
    };
  const problems: PackProblem[] = [];
  const workflows: PackWorkflowText[] = [];
  parsed.data.workflows.forEach((entry, index) => {
    const path = `workflows[${index}]`;
    if ('yaml' in entry) {
      workflows.push({ path, yaml: entry.yaml });
      return;
    }
    if (!options.baseDir) {
      problems.push({
        path: `${path}.file`,
        message:
          'An uploaded pack must embed its workflows: replace file: with yaml: | and the workflow YAML',
      });
      return;
    }
    const full = resolve(options.baseDir, entry.file);
    if (!existsSync(full)) {
      problems.push({
        path: `${path}.file`,
        message: `There is no file ${entry.file} next to the pack; check the path`,
      });
      return;
    }
    workflows.push({ path, file: entry.file, yaml: readFileSync(full, 'utf8') });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, files: { source: options.source, pack: parsed.data, workflows } };
}

/** Reads a pack file from disk; its `file:` workflows are found relative to it. */
export function readDepartmentPackFile(path: string): ReadPackResult {
  if (!existsSync(path))
    return { ok: false, problems: [{ path: '(file)', message: `There is no file ${path}` }] };
  return readDepartmentPackText(readFileSync(path, 'utf8'), {
    source: path.split('/').at(-1) ?? path,
    baseDir: dirname(resolve(path)),
  });
}
