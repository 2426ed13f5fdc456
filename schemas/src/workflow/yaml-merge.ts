/**
 * Keeps a hand-written file's own formatting through an edit. The yaml package re-renders a whole
 * document in its canonical style (one space before `#`, padded flow collections), so saving one
 * change would restyle every line. Instead we diff the canonical rendering before and after the edit
 * and carry only the changed lines into the original text, a line-level three-way merge. The caller
 * verifies the result parses to the same data and otherwise uses the canonical rendering.
 */

/** Largest table of differing lines × lines we compare (16 MB) before keeping the canonical rendering. */
const maxCells = 4_000_000;

/**
 * Applies the edit `baseline → rendered` onto `source`, where `baseline` is `source` re-rendered
 * unchanged. Lines the edit did not touch keep their original bytes.
 */
export function carryEditIntoSource(source: string, baseline: string, rendered: string): string {
  if (baseline === rendered) return source;
  const crlf = source.includes('\r\n');
  const original = (crlf ? source.replaceAll('\r\n', '\n') : source).split('\n');
  const before = baseline.split('\n');
  const after = rendered.split('\n');
  const inOriginal = matchLines(before, original);
  const inAfter = matchLines(before, after);
  if (!inOriginal || !inAfter) return rendered;
  const merged: string[] = [];
  let [o, b, a] = [0, 0, 0];
  for (let k = 0; k <= before.length; k++) {
    const last = k === before.length;
    const oSync = last ? original.length : inOriginal[k]!;
    const aSync = last ? after.length : inAfter[k]!;
    if (oSync < 0 || aSync < 0) continue;
    merged.push(...mergeChunk(original.slice(o, oSync), before.slice(b, k), after.slice(a, aSync)));
    if (!last) merged.push(original[oSync]!);
    [o, b, a] = [oSync + 1, k + 1, aSync + 1];
  }
  const text = merged.join('\n');
  return crlf ? text.replaceAll('\n', '\r\n') : text;
}

/**
 * One stretch between lines all three versions share. Untouched by the edit: the original. When the
 * original differs from the baseline only within lines (same count, so line i is line i), every line
 * the edit left alone still keeps its original bytes.
 */
function mergeChunk(original: string[], before: string[], after: string[]): string[] {
  if (sameLines(before, after)) return original;
  if (original.length !== before.length) return after;
  const inAfter = matchLines(before, after);
  if (!inAfter) return after;
  const merged: string[] = [];
  let [b, a] = [0, 0];
  for (let k = 0; k <= before.length; k++) {
    const last = k === before.length;
    const aSync = last ? after.length : inAfter[k]!;
    if (aSync < 0) continue;
    merged.push(...alignComments(original.slice(b, k), after.slice(a, aSync)));
    if (!last) merged.push(original[k]!);
    [b, a] = [k + 1, aSync + 1];
  }
  return merged;
}

/** Keeps an edited line's trailing comment in the column the original line had it. */
function alignComments(original: string[], edited: string[]): string[] {
  if (original.length !== edited.length) return edited;
  return edited.map((line, index) => {
    const column = /\s{2,}#/.exec(original[index]!);
    const comment = column ? original[index]!.slice(column.index).trimStart() : undefined;
    if (!column || comment === undefined || !line.endsWith(` ${comment}`)) return line;
    const code = line.slice(0, -comment.length).trimEnd();
    const at = column.index + column[0].length - 1;
    return code.length < at ? code.padEnd(at) + comment : line;
  });
}

/**
 * For each line of `left`, the index of its partner in a longest common subsequence with `right`, or
 * -1; undefined when the lines that differ are too many to compare. Shared first and last lines are
 * paired directly, so the table only covers the stretch in between.
 */
function matchLines(left: string[], right: string[]): number[] | undefined {
  const partner = new Array<number>(left.length).fill(-1);
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) partner[head] = head++;
  let tail = 0;
  while (
    tail < left.length - head &&
    tail < right.length - head &&
    left[left.length - 1 - tail] === right[right.length - 1 - tail]
  ) {
    partner[left.length - 1 - tail] = right.length - 1 - tail;
    tail++;
  }
  const [n, m] = [left.length - head - tail, right.length - head - tail];
  if (n * m > maxCells) return undefined;
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  const same = (i: number, j: number) => left[head + i] === right[head + j];
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] = same(i, j)
        ? lengths[(i + 1) * width + j + 1]! + 1
        : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m;) {
    if (same(i, j)) partner[head + i++] = head + j++;
    else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) i++;
    else j++;
  }
  return partner;
}

function sameLines(left: string[], right: string[]): boolean {
  return left.length === right.length && left.every((line, index) => line === right[index]);
}
