/**
 * The scripts' command-line options, as `npm run <script> -- --runs 3 --idle` passes them: `--name value` and
 * bare `--name` flags. A script reads each option once, at the top, with its default beside it.
 */
const args = process.argv.slice(2);

/** The value after `--name`, or `fallback` when the option is absent (or given no value). */
export function option(name: string, fallback: string): string {
  const at = args.indexOf(`--${name}`);
  const value = at >= 0 ? args[at + 1] : undefined;
  return value === undefined || value === '' ? fallback : value;
}

/** A number option; anything else stops the script with a message that names the option. */
export function numberOption(name: string, fallback: number): number {
  const text = option(name, String(fallback));
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} ${text}: expected a number`);
  return value;
}

/** Whether the bare flag `--name` was given. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}
