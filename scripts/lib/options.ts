/**
 * The scripts' command-line options, as `npm run <script> -- --runs 3 --idle` passes them: `--name value` and
 * bare `--name` flags. A script reads each option once, at the top, with its default beside it.
 */
import { type MethodName, methodNames } from '../../src/core/config';
import { methodCatalog } from '../../src/methods/catalog';

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
  // Every script that takes methods trains them: random init, which trains nothing, is not one of them.
  const trained = methodNames.filter((name) => !methodCatalog[name].untrained);
  const names = raw === 'all' ? trained : raw.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = names.filter((name) => !(trained as string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) {
    console.error(`--method: ${unknown.join(', ') || '(none)'} is not a method that trains; choose from ${trained.join(', ')}, a comma list or all`);
    process.exit(2);
  }
  return names as MethodName[];
}
