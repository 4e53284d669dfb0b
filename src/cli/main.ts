import { UsageError, type Io } from './args';
import { COMMAND_HELP, COMMAND_NAMES, USAGE, VERSION, type CommandName } from './help';

// The `nianbao` command. Returns the exit code: 0 fine, 1 error findings, 2 bad input or usage.
// Each command is loaded only when run, so `--help`, `--version` and start-up stay quick.

type Runner = (args: string[], io: Io) => Promise<number>;

const COMMANDS: Record<CommandName, () => Promise<Runner>> = {
  new: () => import('./commands/new').then((m) => m.runNew),
  check: () => import('./commands/check').then((m) => (args: string[], io: Io) => m.runCheck(args, io)),
  import: () => import('./commands/import').then((m) => m.runImport),
  generate: () => import('./commands/generate').then((m) => m.runGenerate),
  summary: () => import('./commands/summary').then((m) => (args: string[], io: Io) => m.runSummary(args, io)),
};

const defaultIo: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) };

const isCommand = (name: string | undefined): name is CommandName => (COMMAND_NAMES as readonly string[]).includes(name ?? '');

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === '--version' || command === '-v' || command === 'version') {
      io.out(`${VERSION}\n`);
      return 0;
    }
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      io.out(`${isCommand(topic) ? COMMAND_HELP[topic] : USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (!isCommand(command)) throw new UsageError(`未知的命令“${command}”`);
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(`${COMMAND_HELP[command]}\n`);
      return 0;
    }
    const run = await COMMANDS[command]();
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const help = isCommand(command) ? COMMAND_HELP[command] : USAGE;
      io.err(`nianbao：${(e as Error).message}\n\n${help}\n`);
      return 2;
    }
    throw e;
  }
}
