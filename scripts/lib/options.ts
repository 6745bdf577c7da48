/**
 * The scripts' command-line options, as `npm run <script> -- --runs 3 --idle` passes them: `--name value` and
 * bare `--name` flags. A script reads each option once, at the top, with its default beside it.
 */
import { type MethodName, methodNames } from '../../src/core/config';

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

/** Every value of a repeatable option (`--chromium-flag A --chromium-flag B`), in order. */
export function repeatedOption(name: string): string[] {
  return args.flatMap((arg, i) => (arg === `--${name}` && args[i + 1] ? [args[i + 1]!] : []));
}

/** Whether the bare flag `--name` was given. */
export function flag(name: string): boolean {
  return args.includes(`--${name}`);
}

/** `--method`: one method, a comma list, or `all`; a name that is not a method stops the script with the list. */
export function methodsOption(fallback: string): MethodName[] {
  const raw = option('method', fallback);
  const names = raw === 'all' ? methodNames : raw.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(methodNames as string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    console.error(`--method: ${unknown.join(', ') || '(none)'} is not a method; choose from ${methodNames.join(', ')}, a comma list or all`);
    process.exit(2);
  }
  return names as MethodName[];
}
