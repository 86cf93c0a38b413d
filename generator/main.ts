/**
 * The `switchboard` command dispatcher: returns the exit code (0 success,
 * 1 spec errors or drift, 2 bad usage). It never exits the process itself.
 */
import { DIFF_HELP, GENERATE_HELP, INIT_HELP, LINT_HELP, MOCK_HELP } from './commands/help.js';
import { UsageError, type Command, type Io } from './commands/shared.js';
import { formatIssue, SpecError } from './issues.js';
import { switchboardVersion } from './paths.js';
import { OutputError } from './write/guard.js';

const HELP = `switchboard — typed TypeScript clients, mock handlers and docs from OpenAPI 3.x

Usage:
  switchboard generate [SPEC...] [--out DIR] [--force] [--package-name NAME] [--check] [--watch] [--version auto|X.Y.Z] [--quiet | --verbose]
  switchboard lint [SPEC...] [--format text|json] [--max-warnings N]
  switchboard init [--spec FILE] [--out DIR] [--force]
  switchboard mock SPEC [--port N] [--host H]
  switchboard diff OLD NEW [--format text|json]
  switchboard --help | --version

${GENERATE_HELP}

${LINT_HELP}

${INIT_HELP}

${MOCK_HELP}

${DIFF_HELP}`;

/**
 * Each command is imported when it runs: start-up is part of every
 * generation's time, and `lint` (Redocly) or `mock` (TypeScript) would
 * otherwise load for `generate` too.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  generate: async () => (await import('./commands/generate.js')).generateCommand,
  lint: async () => (await import('./commands/lint.js')).lintCommand,
  init: async () => (await import('./commands/init.js')).initCommand,
  mock: async () => (await import('./commands/mock.js')).mockCommand,
  diff: async () => (await import('./commands/diff.js')).diffCommand,
};

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? io.err : io.out)(HELP);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-V') {
    io.out(switchboardVersion());
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!load) {
    io.err(`unknown command ${JSON.stringify(command)}\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  try {
    return await (await load())(rest, io);
  } catch (error) {
    if (error instanceof SpecError) {
      for (const issue of error.issues) io.err(formatIssue(issue, io.cwd));
      io.err(`${error.issues.length} error${error.issues.length === 1 ? '' : 's'}; nothing was written`);
      return 1;
    }
    if (error instanceof OutputError) {
      io.err(error.shown(io.cwd));
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nRun \`switchboard --help\` for usage.`);
      return 2;
    }
    throw error;
  }
}
