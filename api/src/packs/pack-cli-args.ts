/** Reads `--name value` options of the pack CLIs; pnpm's `--` separator is skipped. */
export function readCliArgs(argv: readonly string[]): { options: Map<string, string>; positional: string[] } {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') continue;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      options.set(name, inline ?? argv[++i] ?? '');
    } else positional.push(arg);
  }
  return { options, positional };
}
