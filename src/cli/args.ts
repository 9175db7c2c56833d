// Command-line option parsing shared by the pygc subcommands.

export interface ParsedArgs { file: string | null; options: Map<string, string>; error: string | null }

/** Parse `FILE --opt value … --flag` with the options that take a value and the flags
 *  that do not (a flag is stored with the value ''). */
export function parseArgs(args: string[], valued: string[], flags: string[] = []): ParsedArgs {
  const options = new Map<string, string>();
  let file: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--')) {
      const [name, inline] = a.split('=', 2);
      if (flags.includes(name) && inline === undefined) { options.set(name, ''); continue; }
      if (!valued.includes(name)) return { file, options, error: `unknown option ${name}` };
      const v = inline ?? args[++i];
      if (v === undefined) return { file, options, error: `${name} needs a value` };
      options.set(name, v);
    } else if (file === null) file = a;
    else return { file, options, error: `unexpected argument ${a}` };
  }
  if (file === null) return { file, options, error: 'missing FILE' };
  return { file, options, error: null };
}
