/**
 * The `switchboard` command dispatcher: returns the exit code (0 success,
 * 1 spec errors or drift, 2 bad usage). It never exits the process itself.
 */
import { generateCommand, GENERATE_HELP } from './commands/generate.js';
import { initCommand, INIT_HELP } from './commands/init.js';
import { lintCommand, LINT_HELP } from './commands/lint.js';
import { mockCommand, MOCK_HELP } from './commands/mock.js';
import { UsageError, type Command, type Io } from './commands/shared.js';
import { formatIssue, SpecError } from './issues.js';
import { switchboardVersion } from './paths.js';

const HELP = `switchboard — typed TypeScript clients, mock handlers and docs from OpenAPI 3.x

Usage:
  switchboard generate [SPEC...] [--out DIR] [--check] [--watch] [--quiet | --verbose]
  switchboard lint [SPEC...] [--format text|json] [--max-warnings N]
  switchboard init [--spec FILE] [--out DIR] [--force]
  switchboard mock SPEC [--port N] [--host H]
  switchboard --help | --version

${GENERATE_HELP}

${LINT_HELP}

${INIT_HELP}

${MOCK_HELP}`;

const COMMANDS: Record<string, Command> = {
  generate: generateCommand,
  lint: lintCommand,
  init: initCommand,
  mock: mockCommand,
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
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    io.err(`unknown command ${JSON.stringify(command)}\n\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(HELP);
    return 0;
  }
  try {
    return await run(rest, io);
  } catch (error) {
    if (error instanceof SpecError) {
      for (const issue of error.issues) io.err(formatIssue(issue, io.cwd));
      io.err(`${error.issues.length} error${error.issues.length === 1 ? '' : 's'}; nothing was written`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\nRun \`switchboard --help\` for usage.`);
      return 2;
    }
    throw error;
  }
}
