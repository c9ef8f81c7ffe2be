// Tiny flag parser for the rig's entry points: `--name value`, `--name=value` and boolean `--flag`.

/** Parsed command line: flags by name (true for a bare flag). */
export type ParsedArgs = Map<string, string | true>;

/** Parses argv; `booleanFlags` never take a value. */
export function parseArgs(argv: string[], booleanFlags: string[]): ParsedArgs {
  const parsed: ParsedArgs = new Map();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}`);
    const [name, inlineValue] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (inlineValue !== undefined) parsed.set(name, inlineValue);
    else if (booleanFlags.includes(name)) parsed.set(name, true);
    else {
      const value = argv[++i];
      if (value === undefined) throw new Error(`--${name} needs a value`);
      parsed.set(name, value);
    }
  }
  return parsed;
}

/** A string flag, or undefined. */
export function stringArg(args: ParsedArgs, name: string): string | undefined {
  const value = args.get(name);
  return typeof value === 'string' ? value : undefined;
}
